import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { trickyHistory } from '../helpers/history.js';
import { commit, git, gitAs, makeRepo, tempDir } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<Record<string, unknown> & { source: string; commit?: string; secretHash: string; fingerprint: string }>;
  stats: Record<string, unknown> & { commitsScanned: number; commitsFromCache?: number };
  errors: unknown[];
  warnings: string[];
}

const parse = (text: string): Report => JSON.parse(text) as Report;

/** What the cache in `dir` knows of `commit`: bit 1 its changes, bit 2 its message, identities and names are clean. */
function stateOf(dir: string, commit: string): number | undefined {
  const file = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as { commits: string; state: string };
  const commits: string[] = file.commits.match(/.{40}/g) ?? [];
  const at = commits.indexOf(commit);
  return at === -1 ? undefined : Number(file.state[at]);
}

/** A report as a full scan and a cached one must agree on it: all but the work this run did. */
function comparable(r: Report): unknown {
  const {
    durationMs: _d,
    filesScanned: _f,
    bytesScanned: _b,
    lfsPointers: _l,
    commitsFromCache: _c,
    metadataFromCache: _m,
    ...stats
  } = r.stats;
  return { findings: r.findings, stats, errors: r.errors, warnings: r.warnings };
}

async function audit(dir: string, ...args: string[]): Promise<Report> {
  const r = await keyscan(['--history', '-f', 'json', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(1);
  return parse(r.stdout);
}

describe('--history with the incremental cache', () => {
  it('a repeat audit rescans only new commits and those with findings, and reports exactly what a full scan does, after merges, rebases and force pushes', async () => {
    const { dir, secrets, addKey } = trickyHistory();
    const cacheDir = join(tempDir(), 'cache');
    const full = await audit(dir, '--no-cache');
    const first = await audit(dir, '--cache-dir', cacheDir);
    expect(first.stats.commitsFromCache).toBe(0);
    expect(comparable(first)).toEqual(comparable(full));
    const repeat = await audit(dir, '--cache-dir', cacheDir);
    expect(comparable(repeat)).toEqual(comparable(full));
    // Only the commits whose changes held a finding, or touched an env file, were scanned again.
    const withFindings = new Set(full.findings.filter((f) => f.source === 'commit' || f.source === 'check').map((f) => f.commit));
    expect(repeat.stats.commitsFromCache).toBeGreaterThan(full.stats.commitsScanned / 2);
    expect(repeat.stats.commitsFromCache).toBeLessThanOrEqual(full.stats.commitsScanned - withFindings.size);
    // The commit whose message holds a key changed no file with one: its changes are cached, its message is not.
    const message = repeat.findings.find((f) => f.source === 'commit-message');
    expect(message?.commit).toBeDefined();
    expect(stateOf(cacheDir, message?.commit as string)).toBe(1);

    // The history moves on: a new key, a rebase, a force push.
    const key = addKey();
    git(dir, 'checkout', '-q', 'topic');
    commit(dir, 'topic: more', { 'more.txt': 'more\n' }, { date: '2024-03-20T10:00:00Z' });
    gitAs({ date: '2024-03-21T10:00:00Z' }, dir, 'rebase', '-q', 'main');
    git(dir, 'checkout', '-q', 'release');
    gitAs({ date: '2024-03-22T10:00:00Z' }, dir, 'commit', '-q', '--amend', '-m', 'release: moved, rewritten');
    git(dir, 'push', '-q', '--force', 'origin', 'release');
    git(dir, 'fetch', '-q', 'origin');
    git(dir, 'checkout', '-q', 'main');
    const fullAfter = await audit(dir, '--no-cache');
    const cachedAfter = await audit(dir, '--cache-dir', cacheDir);
    expect(comparable(cachedAfter)).toEqual(comparable(fullAfter));
    expect(cachedAfter.stats.commitsFromCache).toBeGreaterThan(0);
    expect(fullAfter.findings.length).toBeGreaterThan(full.findings.length);
    expect(fullAfter.findings.map((f) => f.redacted)).toContain(`${key.slice(0, 8)}****`);

    // Commit SHAs and counts only: no secret, no hash of one, no path.
    const after = readFileSync(join(cacheDir, 'history.json'), 'utf8');
    for (const s of secrets) for (const slice of slices(secretBody(s))) expect(after).not.toContain(slice);
    for (const f of fullAfter.findings) {
      expect(after).not.toContain(f.secretHash);
      expect(after).not.toContain(f.fingerprint);
    }
    expect(after).not.toContain('config.py');
    expect(Object.keys(JSON.parse(after) as object).sort()).toEqual([
      'commits',
      'format',
      'key',
      'listedFrom',
      'skips',
      'state',
      'version',
    ]);
  });

  it('reads again only the messages, identities and names that had findings, and keeps their first commits as a full scan does when the oldest is deleted', async () => {
    const dir = makeRepo();
    const idKey = tokens.githubPat();
    const nameKey = tokens.npm();
    const messageKey = tokens.slackBot();
    const who = (date: string) => ({ name: `dev ${idKey}`, email: 'dev@example.com', date });
    commit(dir, 'initial', { 'README.md': '# app\n' }, { date: '2024-01-01T10:00:00Z' });
    git(dir, 'checkout', '-q', '-b', 'side');
    commit(dir, 'side: work', { 'side.txt': 'side\n' }, who('2024-01-02T10:00:00Z'));
    commit(dir, 'side: named', { [`keys/${nameKey}/a.txt`]: 'a\n' }, { date: '2024-01-03T10:00:00Z' });
    git(dir, 'checkout', '-q', 'main');
    for (let i = 0; i < 6; i++) commit(dir, `filler ${i}`, { [`notes/${i}.md`]: `${i}\n` }, { date: `2024-01-1${i}T10:00:00Z` });
    const byDev = commit(dir, 'main: work', { 'main.txt': 'main\n' }, who('2024-01-20T10:00:00Z'));
    const named = commit(dir, 'main: named', { [`keys/${nameKey}/b.txt`]: 'b\n' }, { date: '2024-01-21T10:00:00Z' });
    commit(dir, `notes; token ${messageKey}`, { 'notes/x.md': 'x\n' }, { date: '2024-01-22T10:00:00Z' });
    const cacheDir = join(tempDir(), 'cache');
    const run = async (...args: string[]) => {
      const r = await keyscan(['--history', '-f', 'json', '--debug', ...args], { cwd: dir });
      expect(r.code, r.stderr).toBe(1);
      return { report: parse(r.stdout), debug: r.stderr };
    };
    const full = await run('--no-cache');
    expect(new Set(full.report.findings.map((f) => f.source))).toEqual(new Set(['commit-author', 'path', 'commit-message']));
    await run('--cache-dir', cacheDir);
    const repeat = await run('--cache-dir', cacheDir);
    expect(comparable(repeat.report)).toEqual(comparable(full.report));
    // Read again: the two commits by the identity, the two under the named directory, the one with the message.
    expect(repeat.debug).toMatch(/\b7 commits' messages, identities and names known clean from the history cache; 5 to read/);
    expect(repeat.debug).toContain('the refs have not moved since the last scan');
    expect(stateOf(cacheDir, byDev)).toBe(1);
    expect(stateOf(cacheDir, named)).toBe(1);
    // Nothing changed: the cache is not even rewritten.
    const written = statSync(join(cacheDir, 'history.json')).mtimeMs;
    await run('--cache-dir', cacheDir);
    expect(statSync(join(cacheDir, 'history.json')).mtimeMs).toBe(written);

    // A new tag on a branch's tip: the same start commits in the same order, so the same list, and the report of a full scan.
    git(dir, 'tag', 'v1', 'main');
    const sameList = await run('--cache-dir', cacheDir);
    expect(sameList.debug).toContain('the refs have not moved since the last scan');
    expect(comparable(sameList.report)).toEqual(comparable((await run('--no-cache')).report));

    // The branch with the oldest commits goes: the identity and the name are now first in main's.
    git(dir, 'branch', '-q', '-D', 'side');
    const fullAfter = await run('--no-cache');
    const cachedAfter = await run('--cache-dir', cacheDir);
    expect(cachedAfter.debug).not.toContain('the refs have not moved');
    expect(comparable(cachedAfter.report)).toEqual(comparable(fullAfter.report));
    const first = (source: string) => fullAfter.report.findings.find((f) => f.source === source)?.commit;
    expect([first('commit-author'), first('path')]).toEqual([byDev, named]);
  });

  it('ignores a damaged or foreign cache with a warning, and one made with other settings, and never skips on its word', async () => {
    const { dir } = trickyHistory();
    const full = await audit(dir, '--no-cache');
    const cacheDir = join(tempDir(), 'cache');
    await audit(dir, '--cache-dir', cacheDir);
    const file = join(cacheDir, 'history.json');
    const good = readFileSync(file, 'utf8');
    const damaged: Array<[string, string]> = [
      [good.slice(0, good.length / 2), 'is not valid JSON'],
      ['{"format":"something-else","version":1}', 'is not a keyscan history cache'],
      [good.replace(/"commits":"/, '"commits":"not-a-commit'), 'is not a keyscan history cache'],
      [good.replace(/"skips":\{/, '"skips":{"0000000000000000000000000000000000000000":{"binary":1},'), 'is not a keyscan history cache'],
      // One state per commit, each 0-3; a commit listed once; skips only for commits with clean changes.
      [good.replace(/"state":"(.)/, '"state":"$1$1'), 'is not a keyscan history cache'],
      [good.replace(/"state":"./, '"state":"7'), 'is not a keyscan history cache'],
      [
        good.replace(/"commits":"([0-9a-f]{40})/, '"commits":"$1$1').replace(/"state":"(.)/, '"state":"$1$1'),
        'is not a keyscan history cache',
      ],
      [good.replace(/"listedFrom":"[0-9a-f]+"/, '"listedFrom":"HEAD"'), 'is not a keyscan history cache'],
    ];
    for (const [content, warning] of damaged) {
      writeFileSync(file, content);
      const r = await keyscan(['--history', '-f', 'json', '--cache-dir', cacheDir], { cwd: dir });
      const report = parse(r.stdout);
      expect(r.stderr).toContain(warning);
      expect(report.stats.commitsFromCache).toBe(0);
      expect(report.findings).toEqual(full.findings);
    }
    // Settings that change what a commit yields (here: allow markers collected) make another key.
    await audit(dir, '--cache-dir', cacheDir);
    const other = await keyscan(['--history', '-f', 'json', '--cache-dir', cacheDir, '--report-unused-allows'], { cwd: dir });
    expect(parse(other.stdout).stats.commitsFromCache).toBe(0);
    expect(other.stderr).not.toContain('warning');
  });

  it('lives in .git/keyscan/ by default; --no-cache neither reads nor writes it; only --history has one', async () => {
    const { dir } = trickyHistory();
    await audit(dir, '--no-cache');
    expect(existsSync(join(dir, '.git', 'keyscan'))).toBe(false);
    await audit(dir);
    expect(existsSync(join(dir, '.git', 'keyscan', 'history.json'))).toBe(true);
    expect((await audit(dir)).stats.commitsFromCache).toBeGreaterThan(0);
    expect((await audit(dir, '--no-cache')).stats.commitsFromCache).toBeUndefined();
    const r = await keyscan(['--range', 'HEAD~2..HEAD', '--cache-dir', tempDir()], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the history cache goes with --history');
    const both = await keyscan(['--history', '--no-cache', '--cache-dir', tempDir()], { cwd: dir });
    expect(both.code).toBe(2);
  });
});
