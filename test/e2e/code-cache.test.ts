import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

/** A repository with a staged key, and a cache home of its own for the CLI's code cache. */
function setup(): { dir: string; env: Record<string, string>; cacheDir: string; secret: string } {
  const dir = makeRepo({ 'README.md': '# app\n' }, { commit: true });
  const secret = tokens.githubPat();
  writeFiles(dir, { 'app.js': `const token = "${secret}";\n` });
  git(dir, 'add', 'app.js');
  const home = tempDir('keyscan-cache-home-');
  return { dir, secret, env: { XDG_CACHE_HOME: home }, cacheDir: join(home, 'keyscan') };
}

/** A run's outcome, without its duration. */
const outcome = (r: { code: number; stdout: string; stderr: string }): unknown[] =>
  [r.code, r.stdout, r.stderr].map((s) => (typeof s === 'string' ? s.replace(/ in [\d.]+s\b|"durationMs": \d+/g, '') : s));

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

describe('the code cache of the bundled CLI', () => {
  it('is written to the user cache directory, never into the repository, and holds no scanned text', async () => {
    const { dir, env, cacheDir, secret } = setup();
    const first = await keyscan(['--staged', '--no-redact'], { cwd: dir, env });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(secret);
    const files = cacheFiles(cacheDir);
    expect(files).toHaveLength(1);
    expect(git(dir, 'status', '--porcelain', '--ignored')).toBe('A  app.js\n');
    const cache = readFileSync(join(cacheDir, files[0] as string));
    expect(cache.length).toBeGreaterThan(10_000);
    expect(cache.includes(secret)).toBe(false);
    expect(cache.includes(secret.slice(4))).toBe(false);

    // The second run reads it and reports the same. It accepts it, so does not write it again: a
    // V8 flag set after the cache was made (the CLI's heap and regex flags) would have V8 reject it.
    const written = statSync(join(cacheDir, files[0] as string)).mtimeMs;
    const second = await keyscan(['--staged', '--no-redact'], { cwd: dir, env });
    expect(outcome(second)).toEqual(outcome(first));
    expect(cacheFiles(cacheDir)).toEqual(files);
    expect(statSync(join(cacheDir, files[0] as string)).mtimeMs).toBe(written);
  });

  it('is made under the flags it is read under after a history scan, which changes V8 flags while it runs', async () => {
    // pool/heap-policy.ts sets --heap-growing-percent during a history scan, pool/tier-up-policy.ts
    // the tier-up budget while a pool runs a large scan: set back before the cache is written at exit, else the
    // next run's V8 would reject it and every run write it again (both flags are in V8's flag hash).
    const { dir, env, cacheDir } = setup();
    git(dir, 'commit', '-qm', 'add app');
    const first = await keyscan(['--history', '--no-cache'], { cwd: dir, env });
    expect(first.code).toBe(1);
    const files = cacheFiles(cacheDir);
    expect(files).toHaveLength(1);
    const written = statSync(join(cacheDir, files[0] as string)).mtimeMs;
    for (const args of [['--history', '--no-cache'], ['rules']]) {
      const again = await keyscan(args, { cwd: dir, env });
      expect(again.code).toBe(args[0] === 'rules' ? 0 : 1);
      expect(cacheFiles(cacheDir)).toEqual(files);
      expect(statSync(join(cacheDir, files[0] as string)).mtimeMs).toBe(written);
    }
  });

  it("keeps the pre-commit hook's run apart: a cache written by another command is not the hook's", async () => {
    const { dir, env, cacheDir } = setup();
    expect((await keyscan(['rules'], { cwd: dir, env })).code).toBe(0);
    const other = cacheFiles(cacheDir);
    expect(other).toHaveLength(1);
    expect(other[0]).toMatch(/^cli-/);
    // The hook's own command line: it compiles other functions, so it writes a cache of its own
    // rather than keep one that leaves them to be compiled at every commit.
    const first = await keyscan(['--staged'], { cwd: dir, env });
    expect(first.code).toBe(1);
    const hook = cacheFiles(cacheDir).filter((f) => !other.includes(f));
    expect(hook).toHaveLength(1);
    expect(hook[0]).toMatch(/^hook-/);
    const written = statSync(join(cacheDir, hook[0] as string)).mtimeMs;
    const second = await keyscan(['--staged'], { cwd: dir, env });
    expect(outcome(second)).toEqual(outcome(first));
    expect(statSync(join(cacheDir, hook[0] as string)).mtimeMs).toBe(written);
    expect(cacheFiles(cacheDir)).toHaveLength(2);
  });

  it('ignores a corrupt, truncated or foreign cache and writes a good one in its place', async () => {
    const { dir, env, cacheDir } = setup();
    const clean = await keyscan(['--staged', '-f', 'json'], { cwd: dir, env });
    expect(clean.code).toBe(1);
    const file = join(cacheDir, cacheFiles(cacheDir)[0] as string);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    // Bytes near the start and the end: one flipped early, unchecked, crashes V8 (see withCacheChecksum).
    for (let i = 64; i < 4096; i += 511) flipped[i] = (flipped[i] as number) ^ 0xff;
    for (let i = good.length - 4096; i < good.length; i += 7) flipped[i] = (flipped[i] as number) ^ 0xff;
    for (const bad of [flipped, good.subarray(0, good.length >> 1), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir, env });
      expect(outcome(r)).toEqual(outcome(clean));
      // Rewritten whole by the run that could not use it.
      expect(readFileSync(file).length).toBeGreaterThan(10_000);
      expect(readFileSync(file).equals(bad)).toBe(false);
    }
  });

  it('is neither read nor written with KEYSCAN_CODE_CACHE=0', async () => {
    const { dir, env, cacheDir } = setup();
    const r = await keyscan(['--staged'], { cwd: dir, env: { ...env, KEYSCAN_CODE_CACHE: '0' } });
    expect(r.code).toBe(1);
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
  });
});
