/**
 * `--history` with the incremental cache (src/cache/history-cache.ts): commits an earlier scan
 * with the same settings found nothing in are not rescanned, and the files they skipped are
 * counted again. Their patches are not read, and the env-file history checks pass over them
 * (a commit that changed an env file or template is never remembered). Messages, identities
 * and names are still read for every commit (one `git log` without patches), since what they
 * find depends on other commits too (a name is reported at the oldest commit that has it).
 */
import { builtinRules } from '../../rules/index.js';
import { defaultCacheDir, HistoryCache, historyCacheKey } from '../cache/history-cache.js';
import { systemErrorCode } from '../errors.js';
import type { Task, TaskResult } from '../scanner/task.js';
import type { SkipReason } from '../types.js';
import type { ScanContext } from './mode.js';
import type { ScanOptions } from './options.js';

export async function openHistoryCache(options: ScanOptions, root: string, ctx: ScanContext): Promise<HistoryCache | undefined> {
  if (options.cache === undefined) return undefined;
  const dir = options.cache.dir ?? (await defaultCacheDir(root));
  const key = historyCacheKey({
    rules: options.rules ?? builtinRules,
    allowMarkers: options.reportUnusedAllows === true,
    env: options.env ?? {},
  });
  return HistoryCache.open(dir, key, (m) => ctx.collector.warnings.push(m), ctx.debug);
}

/** The commits still to scan; the others are counted (with their skips) as scanned. */
export function uncached(cache: HistoryCache | undefined, commits: readonly string[], ctx: ScanContext): readonly string[] {
  if (cache === undefined) return commits;
  const rest: string[] = [];
  const skipped: Array<{ reason: SkipReason; path: string }> = [];
  for (const c of commits) {
    if (!cache.has(c)) {
      rest.push(c);
      continue;
    }
    for (const [reason, n] of Object.entries(cache.skipsOf(c) ?? {}) as [SkipReason, number][]) {
      for (let i = 0; i < n; i++) skipped.push({ reason, path: c });
    }
  }
  const known = commits.length - rest.length;
  ctx.collector.commitsFromCache = known;
  ctx.debug(`${known} commits known clean from the history cache; ${rest.length} to scan`);
  const task: Task = { kind: 'commits', repo: '', commits: [] };
  ctx.collector.add(task, { findings: [], filesScanned: 0, bytesScanned: 0, skipped, errors: [], commitsScanned: known }, false);
  return rest;
}

/**
 * Remembers the commits of a batch that yielded nothing: no finding, no allow marker; none, if
 * anything failed, or if the batch held Git LFS pointers (counted per batch, not per commit, so a
 * cached commit could not count its pointers again).
 */
export function rememberClean(cache: HistoryCache, task: Task, result: TaskResult): void {
  if (task.kind !== 'commits' || result.errors.length > 0 || (result.lfsPointers ?? 0) > 0) return;
  const dirty = new Set<string>();
  for (const { item } of result.findings) dirty.add(task.commits[item] ?? '');
  for (const m of result.markers ?? []) dirty.add(m.commit ?? '');
  const skips = new Map<string, Partial<Record<SkipReason, number>>>();
  for (const s of result.skipped) {
    // A skip that names no commit cannot be counted again later: nothing in this batch is remembered.
    if (s.commit === undefined) return;
    const counts = skips.get(s.commit) ?? {};
    counts[s.reason] = (counts[s.reason] ?? 0) + 1;
    skips.set(s.commit, counts);
  }
  if (dirty.has('')) return;
  for (const c of task.commits) if (!dirty.has(c)) cache.add(c, skips.get(c));
}

/** Saves the cache; commits of this scan that fail `keep` are not remembered. */
export async function saveHistoryCache(
  cache: HistoryCache | undefined,
  commits: readonly string[],
  keep: (commit: string) => boolean,
  ctx: ScanContext,
): Promise<void> {
  if (cache === undefined) return;
  try {
    await cache.save(commits, keep);
  } catch (e) {
    ctx.collector.warnings.push(
      `could not write the history cache (${systemErrorCode(e) ?? String(e)}); the next scan rescans every commit. Check that the cache directory is writable, or run with --no-cache.`,
    );
  }
}
