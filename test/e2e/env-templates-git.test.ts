/**
 * The pull request check is at least as strict as the hook: an env template with real-looking
 * values gets one env-template-value finding per variable (never a value shown) in every mode —
 * files, --staged, --range, --history and keyscan ci — not a generic finding without the name.
 */
import { describe, expect, it } from 'vitest';
import { runCi } from '../helpers/actions.js';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo, writeFiles } from '../helpers/repo.js';
import { slices, tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; startLine: number; commit?: string; commitCount?: number }>;
}

const json = (stdout: string): Report => JSON.parse(stdout) as Report;
const templateValues = (r: Report): Array<[string, number]> =>
  r.findings.filter((f) => f.ruleId === 'env-template-value').map((f) => [f.path, f.startLine]);

/** Values that only the generic rule or the template check recognise (no provider prefix). */
function template(): { text: string; values: string[] } {
  // A value starting with "/" reads as a path, not a secret: keep the random part from starting so.
  const values = [`k${tokens.awsSecret()}`, `k${tokens.awsSecret().slice(0, 32)}`];
  return {
    text: `APP_NAME=demo\nPAYMENT_API_SECRET=${values[0]}\nDB_PASSWORD=<db password>\nSESSION_SECRET=${values[1]}\n`,
    values,
  };
}

describe('env-template-value in every mode', () => {
  it('files, --staged, --range, --history and keyscan ci report each real-looking value by variable', async () => {
    const dir = makeRepo();
    const base = commit(dir, 'initial', { 'README.md': '# app\n' });
    const { text, values } = template();
    git(dir, 'checkout', '-q', '-b', 'feature');
    // Staged first: the hook's view.
    commit(dir, 'wip', { 'docs.md': 'x\n' });
    writeFiles(dir, { 'config/.env.example': text });
    git(dir, 'add', '-A');
    const staged = json((await keyscan(['--staged', '-f', 'json'], { cwd: dir })).stdout);
    const head = commit(dir, 'add the template', {});
    const expected: Array<[string, number]> = [
      ['config/.env.example', 2],
      ['config/.env.example', 4],
    ];
    expect(templateValues(staged)).toEqual(expected);
    const worktree = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(templateValues(worktree)).toEqual(expected);
    for (const mode of [['--range', `${base}..${head}`], ['--history']]) {
      const r = await keyscan([...mode, '-f', 'json'], { cwd: dir });
      expect(r.code, mode.join(' ')).toBe(1);
      const report = json(r.stdout);
      expect(templateValues(report), mode.join(' ')).toEqual(expected);
      expect(report.findings.filter((f) => f.path === 'config/.env.example' && f.ruleId.startsWith('generic'))).toEqual([]);
      expect(report.findings.find((f) => f.ruleId === 'env-template-value')?.commit).toBe(head);
    }
    const ci = await runCi(dir, 'pull_request', {
      pull_request: { number: 3, commits: 2, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } },
      repository: { full_name: 'acme/widgets', default_branch: 'main' },
    });
    expect(ci.code, ci.stderr).toBe(1);
    expect(ci.stdout).toContain('PAYMENT_API_SECRET');
    expect(ci.stdout).toContain('SESSION_SECRET');
    for (const value of values) for (const s of slices(value)) expect(ci.stdout + ci.stderr + ci.summary).not.toContain(s);
  });

  it('judges a template marked -diff in .gitattributes by its lines too, in --range and --history', async () => {
    const dir = makeRepo();
    const base = commit(dir, 'initial', { '.gitattributes': '*.example -diff\n' });
    const { text } = template();
    const head = commit(dir, 'template', { '.env.example': text });
    for (const mode of [['--range', `${base}..${head}`], ['--history']]) {
      const report = json((await keyscan([...mode, '-f', 'json'], { cwd: dir })).stdout);
      expect(templateValues(report), mode.join(' ')).toEqual([
        ['.env.example', 2],
        ['.env.example', 4],
      ]);
    }
  });

  it('judges each commit by the lines it added, and keeps the first commit of a value', async () => {
    const dir = makeRepo();
    const { text } = template();
    const first = commit(dir, 'template', { '.env.example': text }, { date: '2024-01-01T00:00:00Z' });
    // A later commit that only adds a placeholder line is not reported again.
    commit(dir, 'more', { '.env.example': `${text}REDIS_URL=redis://localhost:6379\n` }, { date: '2024-01-02T00:00:00Z' });
    const report = json((await keyscan(['--history', '-f', 'json'], { cwd: dir })).stdout);
    const found = report.findings.filter((f) => f.ruleId === 'env-template-value');
    expect(found.map((f) => [f.startLine, f.commit, f.commitCount])).toEqual([
      [2, first, 1],
      [4, first, 1],
    ]);
  });
});
