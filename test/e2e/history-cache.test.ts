import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { trickyHistory } from '../helpers/history.js';
import { commit, git, gitAs, tempDir } from '../helpers/repo.js';
import { secretBody, slices } from '../helpers/tokens.js';

interface Report {
  findings: Array<Record<string, unknown> & { source: string; commit?: string; secretHash: string; fingerprint: string }>;
  stats: Record<string, unknown> & { commitsScanned: number; commitsFromCache?: number };
  errors: unknown[];
  warnings: string[];
}

const parse = (text: string): Report => JSON.parse(text) as Report;

/** A report as a full scan and a cached one must agree on it: all but the work this run did. */
function comparable(r: Report): unknown {
  const { durationMs: _d, filesScanned: _f, bytesScanned: _b, lfsPointers: _l, commitsFromCache: _c, ...stats } = r.stats;
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
    // The commit whose message holds a key changed no file with one: it is cached, and its message is still scanned.
    const message = repeat.findings.find((f) => f.source === 'commit-message');
    expect(message?.commit).toBeDefined();
    const file = readFileSync(join(cacheDir, 'history.json'), 'utf8');
    expect(file).toContain(message?.commit as string);

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
    expect(Object.keys(JSON.parse(after) as object).sort()).toEqual(['clean', 'format', 'key', 'skips', 'version']);
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
      [good.replace(/"clean":\["/, '"clean":["not-a-commit","'), 'is not a keyscan history cache'],
      [good.replace(/"skips":\{/, '"skips":{"0000000000000000000000000000000000000000":{"binary":1},'), 'is not a keyscan history cache'],
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
