import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { trickyHistory } from '../helpers/history.js';
import { commit, git, tempDir } from '../helpers/repo.js';
import { secretBody, slices } from '../helpers/tokens.js';

interface Report {
  findings: Array<Record<string, unknown>>;
  stats: Record<string, unknown> & { durationMs: number; commitsScanned?: number };
  errors: unknown[];
  warnings: string[];
  shard?: { index: number; count: number; start: number; end: number; total: number };
}

const parse = (text: string): Report => JSON.parse(text) as Report;

/** What must be the same between a merged and a single run: everything but the time taken. */
function comparable(r: Report): unknown {
  const { durationMs: _d, ...stats } = r.stats;
  return { findings: r.findings, stats, errors: r.errors, warnings: r.warnings };
}

/** Runs every shard of `args` into files in `out`; returns the files. */
async function shards(dir: string, args: readonly string[], count: number, out: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const file = join(out, `shard-${i}-of-${count}.json`);
    const r = await keyscan([...args, '--shard', `${i}/${count}`, '-f', 'json', '-o', file], { cwd: dir });
    expect(r.code, r.stderr).not.toBe(2);
    files.push(file);
  }
  return files;
}

describe('--shard I/N and keyscan merge', () => {
  it('N shards merged equal one --history run (attribution, commitCount, liveness, stats), for N = 1, 2, 3', async () => {
    const { dir, secrets } = trickyHistory();
    const single = await keyscan(['--history', '--no-cache', '-f', 'json'], { cwd: dir });
    expect(single.code).toBe(1);
    const whole = parse(single.stdout);
    // The history really has what the comparison is about.
    expect(whole.findings.some((f) => (f.commitCount as number) > 1)).toBe(true);
    expect(whole.findings.some((f) => f.presentAtHead === true)).toBe(true);
    expect(whole.findings.some((f) => f.presentAtHead === false)).toBe(true);
    expect(new Set(whole.findings.map((f) => f.source))).toEqual(new Set(['commit', 'path', 'commit-message', 'tag-message', 'check']));
    const singleSarif = await keyscan(['--history', '--no-cache', '-f', 'sarif'], { cwd: dir });
    for (const count of [1, 2, 3]) {
      const out = tempDir();
      const files = await shards(dir, ['--history', '--no-cache'], count, out);
      const parts = files.map((f) => parse(readFileSync(f, 'utf8')));
      // Each shard scanned only its own contiguous part, and together they cover every commit once.
      expect(parts.map((p) => p.shard?.index)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(parts.reduce((n, p) => n + (p.stats.commitsScanned ?? 0), 0)).toBe(whole.stats.commitsScanned);
      for (const [i, p] of parts.entries()) expect(p.shard?.start).toBe(i === 0 ? 0 : parts[i - 1]?.shard?.end);
      if (count > 1) for (const p of parts) expect(p.stats.commitsScanned).toBeLessThan(whole.stats.commitsScanned ?? 0);
      const merged = await keyscan(['merge', ...files.reverse(), '-f', 'json'], { cwd: out });
      expect(merged.code, merged.stderr).toBe(1);
      expect(comparable(parse(merged.stdout))).toEqual(comparable(whole));
      const sarif = await keyscan(['merge', ...files, '-f', 'sarif'], { cwd: out });
      expect(sarif.stdout).toBe(singleSarif.stdout);
      const text = await keyscan(['merge', ...files], { cwd: out });
      for (const s of secrets)
        for (const slice of slices(secretBody(s))) expect(text.stdout + sarif.stdout + merged.stdout).not.toContain(slice);
    }
  });

  it('shards a --range the same way', async () => {
    const { dir } = trickyHistory();
    const base = git(dir, 'rev-list', '--max-parents=0', 'main').trim();
    const single = parse((await keyscan(['--range', `${base}..main`, '-f', 'json'], { cwd: dir })).stdout);
    expect(single.findings.length).toBeGreaterThan(0);
    const out = tempDir();
    const files = await shards(dir, ['--range', `${base}..main`], 2, out);
    const merged = await keyscan(['merge', ...files, '-f', 'json'], { cwd: out });
    expect(comparable(parse(merged.stdout))).toEqual(comparable(single));
  });

  it('refuses a missing, repeated or foreign shard, and a report that is not a shard', async () => {
    const { dir } = trickyHistory();
    const out = tempDir();
    const files = await shards(dir, ['--history'], 3, out);
    const missing = await keyscan(['merge', files[0] as string, files[2] as string], { cwd: out });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 missing');
    const twice = await keyscan(['merge', files[0] as string, files[0] as string, files[1] as string, files[2] as string], { cwd: out });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('are both shard 1/3');
    // The history moved on between shards: another commit list.
    commit(dir, 'one more', { 'x.txt': 'x\n' });
    const later = join(out, 'later.json');
    await keyscan(['--history', '--shard', '2/3', '-f', 'json', '-o', later], { cwd: dir });
    const foreign = await keyscan(['merge', files[0] as string, later, files[2] as string], { cwd: out });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('is a shard of another audit');
    // Same commits, other options.
    const other = join(out, 'other.json');
    git(dir, 'reset', '-q', '--hard', 'HEAD~1');
    await keyscan(['--history', '--shard', '2/3', '--include-examples', '-f', 'json', '-o', other], { cwd: dir });
    const options = await keyscan(['merge', files[0] as string, other, files[2] as string], { cwd: out });
    expect(options.code).toBe(2);
    expect(options.stderr).toContain('with other rules, config or options');
    const plain = join(out, 'plain.json');
    await keyscan(['--history', '-f', 'json', '-o', plain], { cwd: dir });
    const notShard = await keyscan(['merge', plain], { cwd: out });
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain('is not the report of a sharded scan');
    writeFileSync(join(out, 'junk.json'), '{"findings": [1]');
    const junk = await keyscan(['merge', join(out, 'junk.json')], { cwd: out });
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('is not a keyscan JSON report');
  });

  it('checks --shard: only with --history or --range, and a part that exists', async () => {
    const { dir } = trickyHistory();
    for (const [args, message] of [
      [['--shard', '1/2'], '--shard goes with --history or --range'],
      [['--history', '--shard', '3/2'], 'the part must be from 1 to 2'],
      [['--history', '--shard', '0/2'], 'the part must be from 1 to 2'],
      [['--history', '--shard', 'half'], 'is not a part of a number of parts'],
    ] as const) {
      const r = await keyscan(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
