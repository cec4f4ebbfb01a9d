/**
 * `--shard I/N`: a `--history` or `--range` audit cut into N parts that run anywhere (N CI jobs),
 * each scanning one contiguous run of the topological commit list, so neighbouring commits, which
 * share trees and delta bases, stay in one git process. `keyscan merge` puts the parts' JSON
 * reports back together (src/modes/merge.ts); each part records what that needs.
 *
 * Parts are balanced by commit count. A better estimate of each commit's patch size would cost a
 * diff of every commit (`git log --shortstat` is most of the scan's own git work), so it is not made.
 */
import { createHash } from 'node:crypto';
import { builtinRules } from '../../rules/index.js';
import { digestOf } from '../cache/digest.js';
import { VERSION } from '../version.js';
import type { ScanOptions } from './options.js';

export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** `2/4` → part 2 of 4; undefined when the text is not of that form (the range is checked with the options). */
export function parseShard(text: string): ShardSpec | undefined {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  if (m === null) return undefined;
  return { index: Number(m[1]), count: Number(m[2]) };
}

/**
 * Part `index` of `count` of `total` items: positions `[start, end)`. Rounding up puts the first
 * commits in the first part, so part 1 is never empty while there is a commit.
 */
export function shardBounds(total: number, shard: ShardSpec): { start: number; end: number } {
  return { start: Math.ceil(((shard.index - 1) * total) / shard.count), end: Math.ceil((shard.index * total) / shard.count) };
}

/** Names one audit's commit list: every shard of it computes the same digest. */
export function commitsDigest(commits: readonly string[], tip: string | undefined): string {
  const hash = createHash('sha256').update(`keyscan-commits\0${tip ?? ''}\0`);
  for (const c of commits) hash.update(`${c}\n`);
  return hash.digest('hex');
}

/**
 * Names everything besides the commits that changes a sharded scan's findings (version, rules,
 * allowlists, baseline, salt, env-file checks, limits): shards that differ here cannot be merged.
 */
export function scanDigest(options: ScanOptions): string {
  const relevant = {
    version: VERSION,
    rules: options.rules ?? builtinRules,
    allowlists: options.allowlists,
    baseline: options.baseline,
    legacyBaseline: options.legacyBaseline,
    baselineFiles: options.baselineFiles,
    salt: options.salt,
    env: options.env,
    exclude: options.exclude,
    maxFileSize: options.maxFileSize,
    includeExamples: options.includeExamples,
    includeStash: options.includeStash,
    reportUnusedAllows: options.reportUnusedAllows,
    history: options.history,
    range: options.range,
  };
  return digestOf(relevant);
}

/** The `shard` of a {@link CommitSet} that `options` ask for, spread into it. */
export function shardOf(options: ScanOptions): { shard?: { spec: ShardSpec; scan: string } } {
  return options.shard === undefined ? {} : { shard: { spec: options.shard, scan: scanDigest(options) } };
}
