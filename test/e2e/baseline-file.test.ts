/**
 * The baseline file is scanned like any other file, in every mode: a key in a file named
 * `.keyscan-baseline.json` that is no baseline, or in the `reason` of the baseline in use, is a
 * finding at that file. Only the hash values of a baseline are not findings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; startLine: number }>;
}
const findings = (stdout: string): Report['findings'] => (JSON.parse(stdout) as Report).findings;

/** Every mode over a repository whose last commit added `files`; the same files are staged again. */
async function everyMode(dir: string, base: string): Promise<Record<string, { code: number; found: Report['findings'] }>> {
  const out: Record<string, { code: number; found: Report['findings'] }> = {};
  const modes: Record<string, string[]> = {
    files: [],
    staged: ['--staged'],
    range: ['--range', `${base}..HEAD`],
    history: ['--history'],
  };
  for (const [name, args] of Object.entries(modes)) {
    const r = await keyscan([...args, '-f', 'json'], { cwd: dir });
    expect(r.code, `${name}: ${r.stderr}`).toBeLessThan(2);
    out[name] = { code: r.code, found: findings(r.stdout) };
  }
  return out;
}

/** Re-stages `path` as a new file, so --staged sees all of it. */
function restage(dir: string, path: string): void {
  const text = readFileSync(join(dir, path), 'utf8');
  git(dir, 'rm', '-q', '--cached', path);
  git(dir, 'commit', '-q', '-m', `untrack ${path}`);
  writeFileSync(join(dir, path), text);
  git(dir, 'add', path);
}

describe('the baseline file is scanned', () => {
  it('a file named .keyscan-baseline.json that is not the baseline in use: its key is found in every mode', async () => {
    const dir = makeRepo();
    const base = commit(dir, 'base', { 'README.md': '# app\n' });
    commit(dir, 'looks like a baseline', { '.keyscan-baseline.json': `{ "token": "${tokens.githubPat()}" }\n` });
    restage(dir, '.keyscan-baseline.json');
    const r = await everyMode(dir, base);
    for (const [mode, { code, found }] of Object.entries(r)) {
      expect(code, mode).toBe(1);
      expect(
        found.map((f) => [f.ruleId, f.path]),
        mode,
      ).toEqual([['github-pat', '.keyscan-baseline.json']]);
    }
  });

  it('the baseline in use: a key in an entry’s reason is found in every mode, its hashes are not findings', async () => {
    const dir = makeRepo({ '.keyscan.json': '{ "baseline": ".keyscan-baseline.json" }\n', 'a.js': `t = "${tokens.stripeLive()}"\n` });
    const base = commit(dir, 'base', {});
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8')) as { entries: Array<Record<string, string>> };
    expect(file.entries).toHaveLength(1);
    const entries = file.entries.map((e) => ({ ...e, reason: `rotated; new one is ${tokens.githubPat()}`, acceptedBy: 'ana' }));
    writeFileSync(join(dir, '.keyscan-baseline.json'), `${JSON.stringify({ ...file, entries }, null, 2)}\n`);
    commit(dir, 'accept', {});
    restage(dir, '.keyscan-baseline.json');
    const reasonLine =
      readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"reason"')) + 1;
    const r = await everyMode(dir, base);
    for (const [mode, { code, found }] of Object.entries(r)) {
      expect(code, mode).toBe(1);
      // a.js is accepted by the baseline; the key in the reason is not, and nothing else is reported.
      expect(
        found.map((f) => [f.ruleId, f.path, f.startLine]),
        mode,
      ).toEqual([['github-pat', '.keyscan-baseline.json', reasonLine]]);
    }
  });

  it('a baseline without keys in it is clean in every mode (its hash values are not findings)', async () => {
    // A rule that reports any 64-hex value would report every hash of the baseline.
    const config = { baseline: '.keyscan-baseline.json', rules: [{ id: 'hex-key', regex: '\\b[0-9a-f]{64}\\b' }] };
    const dir = makeRepo({ '.keyscan.json': JSON.stringify(config), 'a.js': `t = "${tokens.stripeLive()}"\n` });
    const base = commit(dir, 'base', {});
    expect((await keyscan(['baseline', '--reason', 'test key'], { cwd: dir })).code).toBe(0);
    commit(dir, 'accept', {});
    restage(dir, '.keyscan-baseline.json');
    const r = await everyMode(dir, base);
    for (const [mode, { code, found }] of Object.entries(r)) {
      expect(found, mode).toEqual([]);
      expect(code, mode).toBe(0);
    }
    // Without the baseline applied, the file's hashes are still not findings; a.js is.
    writeFileSync(join(dir, 'plain.json'), JSON.stringify({ rules: config.rules }));
    const plain = await keyscan(['-f', 'json', '-c', 'plain.json', '--no-baseline'], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(1);
    expect(findings(plain.stdout).map((f) => f.path)).toEqual(['a.js']);
  });
});
