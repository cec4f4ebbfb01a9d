/**
 * `--history` with the incremental cache (src/cache/history-cache.ts): commits an earlier scan
 * with the same settings found nothing in are not rescanned, and the files they skipped are
 * counted again. Their patches are not read, and the env-file history checks pass over them
 * (a commit that changed an env file or template is never remembered). A commit whose message,
 * identities and file names held nothing is not read again either (see {@link MetadataWatch}),
 * and when the refs have not moved the commit list is the last scan's (see {@link listHistory}).
 */
import { builtinRules } from '../../rules/index.js';
import { digestOf } from '../cache/digest.js';
import { builtinDigest, CHANGES_CLEAN, defaultCacheDir, HistoryCache, historyCacheKey, METADATA_CLEAN } from '../cache/history-cache.js';
import { systemErrorCode } from '../errors.js';
import { listCommits } from '../git/history.js';
import type { CommitMetadata } from '../git/metadata.js';
import { startPoints } from '../git/start-points.js';
import type { Task, TaskResult } from '../scanner/task.js';
import type { Finding, SkipReason } from '../types.js';
import type { ScanContext } from './mode.js';
import type { ScanOptions } from './options.js';

export async function openHistoryCache(options: ScanOptions, root: string, ctx: ScanContext): Promise<HistoryCache | undefined> {
  if (options.cache === undefined) return undefined;
  const dir = options.cache.dir ?? (await defaultCacheDir(root));
  const key = historyCacheKey({
    rules: options.rules ?? builtinRules,
    allowMarkers: options.reportUnusedAllows === true,
    env: options.env ?? {},
    builtin: { rules: builtinRules, digest: builtinDigest(builtinRules) },
  });
  return HistoryCache.open(dir, key, {
    metadata: options.reportUnusedAllows !== true,
    warn: (m) => ctx.collector.warnings.push(m),
    debug: ctx.debug,
  });
}

/**
 * The commits `git rev-list --topo-order` lists from `revisions`: the cache's list when it was
 * listed from the same start points (see src/git/start-points.ts), else a new walk. `listedFrom`
 * is what the cache records for the next scan.
 */
export async function listHistory(
  cache: HistoryCache | undefined,
  root: string,
  revisions: readonly string[],
  shallow: ReadonlySet<string>,
  ctx: ScanContext,
): Promise<{ commits: readonly string[]; listedFrom: string | undefined }> {
  if (cache === undefined) return { commits: await listCommits(root, revisions), listedFrom: undefined };
  const points = await startPoints(root, revisions, shallow);
  const listedFrom = points === undefined ? undefined : digestOf(points);
  const known = cache.commitsListedFrom(listedFrom);
  if (known !== undefined) {
    ctx.debug(`history cache: the refs have not moved since the last scan; its ${known.length} commits are listed again`);
    return { commits: known, listedFrom };
  }
  return { commits: await listCommits(root, revisions), listedFrom };
}

/** The commits whose metadata must be read: those not known clean. */
export function metadataToRead(cache: HistoryCache | undefined, commits: readonly string[], ctx: ScanContext): readonly string[] {
  if (cache === undefined) return commits;
  const states = cache.statesOf(commits);
  const rest = commits.filter((_, i) => ((states[i] as number) & METADATA_CLEAN) === 0);
  ctx.collector.metadataFromCache = commits.length - rest.length;
  ctx.debug(
    `${commits.length - rest.length} commits' messages, identities and names known clean from the history cache; ${rest.length} to read`,
  );
  return rest;
}

/**
 * Which commits' message, identities and file names held nothing, from the findings of a whole
 * scan before any filter. A finding in an identity or a name is reported at one commit (the
 * oldest that has it) but concerns every commit that has it: none of those is remembered, so a
 * repeat scan reads them all again and finds the same oldest one. Commits that touched an excluded
 * path (its name was not scanned) or an env file or template are never remembered.
 */
export class MetadataWatch {
  /** Commits that could be remembered, with their paths. */
  readonly #eligible = new Map<string, readonly string[]>();
  /** Identity → the commits that have it, children first. */
  readonly #identities = new Map<string, string[]>();

  /** Every commit read goes through here, in scan order: an identity's last commit is its oldest. */
  saw(c: CommitMetadata, eligible: boolean): void {
    if (eligible) this.#eligible.set(c.commit, c.paths);
    for (const id of [`${c.authorName} <${c.authorEmail}>`, `${c.committerName} <${c.committerEmail}>`]) {
      const list = this.#identities.get(id);
      if (list === undefined) this.#identities.set(id, [c.commit]);
      else if (list[list.length - 1] !== c.commit) list.push(c.commit);
    }
  }

  /** Adds the clean commits to `cache`; none when anything failed (`failed`). */
  remember(cache: HistoryCache, findings: readonly Finding[], realPath: (path: string) => string, failed: boolean): void {
    if (failed) return;
    const dirty = new Set<string>();
    const names = new Set<string>();
    const identityAt = new Set<string>();
    for (const f of findings) {
      if (f.source === 'commit-message' && f.commit !== undefined) dirty.add(f.commit);
      else if (f.source === 'commit-author' && f.commit !== undefined) identityAt.add(f.commit);
      else if (f.source === 'path') names.add(realPath(f.path));
    }
    // An identity's finding names its oldest commit (the last of its list): all its commits are dirty.
    if (identityAt.size > 0) {
      for (const commits of this.#identities.values()) {
        if (identityAt.has(commits[commits.length - 1] ?? '')) for (const c of commits) dirty.add(c);
      }
    }
    for (const [commit, paths] of this.#eligible) {
      if (dirty.has(commit) || (names.size > 0 && paths.some((p) => hasNamed(p, names)))) continue;
      cache.addMetadata(commit);
    }
  }
}

/** Whether `path`, or a directory above it, is one of `names`. */
function hasNamed(path: string, names: ReadonlySet<string>): boolean {
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    if (names.has(path.slice(0, slash))) return true;
  }
  return names.has(path);
}

/** The commits still to scan; the others are counted (with their skips) as scanned. */
export function uncached(cache: HistoryCache | undefined, commits: readonly string[], ctx: ScanContext): readonly string[] {
  if (cache === undefined) return commits;
  const rest: string[] = [];
  const skipped: Array<{ reason: SkipReason; path: string }> = [];
  const states = cache.statesOf(commits);
  for (let i = 0; i < commits.length; i++) {
    const c = commits[i] as string;
    if (((states[i] as number) & CHANGES_CLEAN) === 0) {
      rest.push(c);
      continue;
    }
    const skips = cache.skipsOf(c);
    if (skips === undefined) continue;
    for (const [reason, n] of Object.entries(skips) as [SkipReason, number][]) {
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
  listedFrom: string | undefined,
  keep: (commit: string) => boolean,
  ctx: ScanContext,
): Promise<void> {
  if (cache === undefined) return;
  try {
    await cache.save(commits, listedFrom, keep);
  } catch (e) {
    ctx.collector.warnings.push(
      `could not write the history cache (${systemErrorCode(e) ?? String(e)}); the next scan rescans every commit. Check that the cache directory is writable, or run with --no-cache.`,
    );
  }
}
