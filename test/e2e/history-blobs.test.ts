import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { trickyHistory } from '../helpers/history.js';
import { commit, git, gitAs } from '../helpers/repo.js';
import { secretBody, tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<Record<string, unknown> & { source: string; commit?: string; commitCount?: number; path: string }>;
  stats: Record<string, unknown> & { skipped: Record<string, number>; lfsPointers: number };
  errors: unknown[];
  warnings: string[];
}

/** All but the work each design did (timing, and what it counts as files and bytes read). */
function comparable(r: Report): unknown {
  const { durationMs: _d, filesScanned: _f, bytesScanned: _b, ...stats } = r.stats;
  return { findings: r.findings, stats, errors: r.errors, warnings: r.warnings };
}

async function audit(dir: string, design: 'patches' | 'blobs', ...args: string[]): Promise<{ report: Report; stderr: string }> {
  const r = await keyscan(['--history', '--no-cache', '-f', 'json', '--debug', ...args], {
    cwd: dir,
    env: { KEYSCAN_HISTORY_DESIGN: design },
  });
  expect(r.code, r.stderr).toBe(1);
  return { report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const hex = (n: number): string => Array.from({ length: n }, (_, i) => '0123456789abcdef'[(i * 7 + n) % 16]).join('');
const lfsPointer = (size: number): string => `version https://git-lfs.github.com/spec/v1\noid sha256:${hex(64)}\nsize ${size}\n`;

/** trickyHistory, and what else makes a blob's changes hard to attribute. */
function hardHistory(): { dir: string; secrets: string[] } {
  const { dir, secrets: known } = trickyHistory();
  const secrets = [...known];
  let day = 1;
  const at = (): { date: string } => ({ date: `2024-05-${String(day++).padStart(2, '0')}T10:00:00Z` });
  const twice = tokens.githubPat();
  const pemA = tokens.privateKey();
  const pemB = tokens.privateKey();
  const again = tokens.stripeLive();
  const wide = tokens.slackBot();
  const merged = tokens.npm();
  const stashed = tokens.anthropic();
  const salt = randomBytes(18).toString('base64url').replace(/[-_]/g, 'x');
  secrets.push(twice, pemA, pemB, again, wide, merged, stashed, salt);
  git(dir, 'checkout', '-q', 'main');
  // The same blob at two paths, in two commits.
  commit(dir, 'one copy', { 'a/settings.py': `KEY = "${twice}"\n` }, at());
  commit(dir, 'two copies', { 'b/settings.py': `KEY = "${twice}"\n` }, at());
  // A PEM key whose body is replaced between unchanged BEGIN and END lines.
  commit(dir, 'key', { 'deploy/id_rsa': `${pemA}\n` }, at());
  const bodyB = pemB.split('\n').slice(1, -1).join('\n');
  const [begin, , , , , end] = pemA.split('\n');
  commit(dir, 'key body', { 'deploy/id_rsa': `${begin}\n${bodyB}\n${end}\n` }, at());
  // A secret removed, then added back (the same blob again), then renamed (no rename detection).
  commit(dir, 'add', { 'svc/conf.ini': `[s]\nstripe = ${again}\n` }, at());
  commit(dir, 'remove', { 'svc/conf.ini': '[s]\n' }, at());
  commit(dir, 'restore', { 'svc/conf.ini': `[s]\nstripe = ${again}\n` }, at());
  commit(dir, 'rename', { 'svc/conf.ini': null, 'svc/app.ini': `[s]\nstripe = ${again}\n` }, at());
  // UTF-16, changed around the secret later; binary files; LFS pointers, new and changed.
  commit(dir, 'wide', { 'win/config.txt': utf16(`name=x\r\nslack=${wide}\r\n`) }, at());
  commit(dir, 'wide edit', { 'win/config.txt': utf16(`name=y\r\nslack=${wide}\r\nmore=1\r\n`) }, at());
  commit(dir, 'blobs', { 'img/a.bin': Buffer.from([1, 0, 2, 3]), 'img/b.bin': Buffer.from([1, 0, 2, 3]) }, at());
  commit(dir, 'blob edit', { 'img/a.bin': Buffer.from([1, 0, 2, 4, 5]) }, at());
  commit(dir, 'lfs', { 'media/big.psd': lfsPointer(123), 'media/other.psd': lfsPointer(123) }, at());
  commit(dir, 'lfs edit', { 'media/big.psd': lfsPointer(456) }, at());
  // A submodule entry.
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  gitAs(at(), dir, 'update-index', '--add', '--cacheinfo', `160000,${head},vendor/lib`);
  gitAs(at(), dir, 'commit', '-q', '-m', 'submodule');
  // A merge that adds a secret of its own while resolving (an evil merge), and one that takes a side.
  git(dir, 'checkout', '-q', '-b', 'side');
  commit(dir, 'side', { 'side.txt': 'side\n', 'both.txt': 'side version\n' }, at());
  git(dir, 'checkout', '-q', 'main');
  commit(dir, 'main side', { 'both.txt': 'main version\n' }, at());
  gitAs(at(), dir, 'merge', '-q', '--no-commit', '-s', 'ours', 'side');
  commit(dir, 'evil merge', { 'both.txt': `merged\nNPM=${merged}\n` }, at());
  // One blob at two paths the catalogue tells apart: in a text file nothing in it is a finding, in
  // an env file its value is (a rule with a path condition), so the blob is judged at both paths.
  // The env file first: the walk, newest first, then names the text file's path first.
  commit(dir, 'salt env', { 'deploy/app.env': `SIGNING_SALT=${salt}\n` }, at());
  commit(dir, 'salt notes', { 'docs/salt.txt': `SIGNING_SALT=${salt}\n` }, at());
  // A stash entry holding a key (scanned with --include-stash).
  commit(dir, 'stash base', { 'work.txt': 'work\n' }, at());
  writeFileSync(join(dir, 'work.txt'), `work\nKEY=${stashed}\n`);
  gitAs(at(), dir, 'stash', '-q');
  return { dir, secrets };
}

describe('--history by blobs', () => {
  it('reports exactly what the patch design reports, after merges, rebases, force pushes, renames, re-added secrets, shared blobs, a replaced PEM body, UTF-16, binaries, LFS pointers and stashes', async () => {
    const { dir, secrets } = hardHistory();
    for (const args of [[], ['--include-stash']]) {
      const patches = await audit(dir, 'patches', ...args);
      const blobs = await audit(dir, 'blobs', ...args);
      // The blob design ran, and flagged blobs to scan as patches.
      expect(blobs.stderr).toMatch(/history design: blobs/);
      const [, listed, flagged] = /blob design: (\d+) blobs .* (\d+) flagged/.exec(blobs.stderr) ?? [];
      expect(Number(flagged)).toBeGreaterThan(0);
      expect(Number(flagged)).toBeLessThan(Number(listed));
      expect(patches.stderr).toMatch(/history design: patches/);
      expect(comparable(blobs.report)).toEqual(comparable(patches.report));
      // Not a comparison of two empty reports: content findings on several commits, skips, LFS pointers.
      const content = patches.report.findings.filter((f) => f.source === 'commit');
      expect(content.length).toBeGreaterThanOrEqual(8);
      expect(content.some((f) => (f.commitCount ?? 0) > 1)).toBe(true);
      // The replaced body is a new key, introduced by the commit that changed only the body.
      expect(new Set(content.filter((f) => f.path === 'deploy/id_rsa').map((f) => f.commit)).size).toBe(2);
      expect(content.some((f) => f.path === 'both.txt')).toBe(true);
      expect(content.some((f) => f.path === 'win/config.txt')).toBe(true);
      expect(content.some((f) => f.path === 'deploy/app.env')).toBe(true);
      expect(content.some((f) => f.path === 'docs/salt.txt')).toBe(false);
      expect(patches.report.stats.skipped.binary).toBeGreaterThanOrEqual(3);
      expect(patches.report.stats.lfsPointers).toBeGreaterThanOrEqual(3);
      expect(content.some((f) => f.path === 'work.txt')).toBe(args.length > 0);
      for (const s of secrets) expect(JSON.stringify(blobs.report)).not.toContain(secretBody(s));
    }
  }, 120_000);

  it('leaves a history cache from which a repeat audit by patches reports the same', async () => {
    const { dir } = trickyHistory();
    const cacheDir = join(dir, '.git', 'keyscan-test-cache');
    const full = await audit(dir, 'patches');
    const first = await keyscan(['--history', '-f', 'json', '--cache-dir', cacheDir], {
      cwd: dir,
      env: { KEYSCAN_HISTORY_DESIGN: 'blobs' },
    });
    const repeat = await keyscan(['--history', '-f', 'json', '--cache-dir', cacheDir, '--debug'], { cwd: dir });
    expect(repeat.code, repeat.stderr).toBe(1);
    expect(repeat.stderr).toMatch(/history design: patches/);
    const again = JSON.parse(repeat.stdout) as Report;
    // What the cache vouched for is the one difference a repeat may show.
    const { commitsFromCache, metadataFromCache, ...rest } = again.stats;
    expect(commitsFromCache).toBeGreaterThan(0);
    expect(metadataFromCache).toBeGreaterThan(0);
    expect(comparable({ ...again, stats: rest as Report['stats'] })).toEqual(comparable(full.report));
    expect(comparable(JSON.parse(first.stdout) as Report)).toMatchObject({ findings: full.report.findings });
  }, 120_000);
});
