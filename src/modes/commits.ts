/**
 * What every commit mode shares (range, history, pre-push): each commit's own changes scanned
 * across the pool, its messages, identities and names alongside, the env-file history checks,
 * and afterwards one finding per secret and path, with the commit that introduced it.
 */
import type { HistoryCache } from '../cache/history-cache.js';
import { checkCommitted, checkTemplatesCommitted } from '../checks/history.js';
import { mergeTemplateValues } from '../checks/merge.js';
import { ENV_TEMPLATE_VALUE } from '../checks/rules.js';
import { KeyscanError } from '../errors.js';
import { firstIntroduced } from '../filters/first-introduced.js';
import { requireRepository, resolveCommit, shallowBoundary } from '../git/history.js';
import { commitMetadata, refMetadata } from '../git/metadata.js';
import { workTreeRoot } from '../git/repo.js';
import { fragmentTasks } from '../pipeline/bounded.js';
import { markLiveness } from '../pipeline/liveness.js';
import type { Task } from '../scanner/task.js';
import { commitFragments, identityFragments, refFragments } from '../sources/metadata.js';
import { type CommitInfo, type Finding, type FragmentInput, METADATA_SOURCES, type ShardRecord } from '../types.js';
import { MetadataWatch, metadataToRead, rememberClean, saveHistoryCache, uncached } from './cache.js';
import { asIs, type Finalize, type ScanContext } from './mode.js';
import { commitsDigest, type ShardSpec, shardBounds } from './shard.js';
import { FRAGMENT_BYTES_PER_TASK, runMetadataTasks, runTasks } from './tasks.js';
import { sameList, WalkFeed } from './walk-feed.js';

/** Up to this many commits are scanned in one batch on this thread. */
const SMALL_HISTORY = 64;
/** At most this many commits per git process (see scanCommits). */
const MAX_BATCH = 5_000;

/** The commits a commit mode chose, in topological order (children first). */
export interface CommitSet {
  readonly root: string;
  readonly commits: readonly string[];
  /** The revision whose files tell whether a secret is still there (`presentAtHead`). */
  readonly tip: string | undefined;
  /** A history scan: every ref's name, and annotated tags' messages, are scanned too. */
  readonly refs?: { readonly includeStash: boolean };
  /** Commits found clean by earlier scans: their changes are not scanned again (`--history`). */
  readonly cache?: HistoryCache;
  /** What `commits` was listed from, for the cache (see listHistory). */
  readonly listedFrom?: string;
  /** Scan only this part of `commits` (`--shard`); `scan` is {@link scanDigest} of the options. */
  readonly shard?: { readonly spec: ShardSpec; readonly scan: string };
  /** Scans the commits' content in place of the patch tasks (the blob design, history-blobs.ts). */
  readonly scanContent?: (
    commits: readonly string[],
    ctx: ScanContext,
    cache: HistoryCache | undefined,
    /** The metadata walk, when it covers exactly `commits`: its changes need no walk of their own. */
    walk: WalkFeed | undefined,
  ) => Promise<void>;
}

export async function repositoryRoot(cwd: string): Promise<string> {
  await requireRepository(cwd);
  return (await workTreeRoot(cwd)) ?? cwd;
}

/** The full SHA of `rev`, or E_GIT naming what to fetch. */
export async function requireCommit(root: string, rev: string, role: string): Promise<string> {
  const sha = await resolveCommit(root, rev);
  if (sha !== undefined) return sha;
  const shallow = (await shallowBoundary(root)).size > 0;
  throw new KeyscanError('E_GIT', `${role} "${rev}" is not a commit in this ${shallow ? 'shallow clone' : 'repository'}`, {
    hint: shallow
      ? `Fetch it first, e.g. git fetch --deepen=50 origin, or git fetch origin ${rev}; in GitHub Actions set actions/checkout fetch-depth: 0.`
      : 'Check the revision name (git log --oneline shows commits), or fetch it from the remote.',
  });
}

/** A commit set that a shallow clone cuts is refused: its first commits' changes cannot be told apart. */
export async function refuseShallowCut(root: string, commits: readonly string[], what: string): Promise<void> {
  const boundary = await shallowBoundary(root);
  const cut = commits.find((c) => boundary.has(c));
  if (cut === undefined) return;
  throw new KeyscanError(
    'E_GIT',
    `this shallow clone is missing the parents of ${cut.slice(0, 12)}, which is inside ${what}: its changes cannot be told apart from the files it inherited`,
    {
      hint: `Fetch the rest: git fetch --deepen=${commits.length + 1} (or --unshallow); in GitHub Actions set actions/checkout fetch-depth: 0.`,
    },
  );
}

/** Scans each commit's own changes across the pool, then keeps one finding per secret and path. */
export async function scanCommits(whole: CommitSet, ctx: ScanContext): Promise<Finalize> {
  const { set, offset, record } = sharded(whole);
  const { root, commits, tip } = set;
  ctx.collector.commitsTotal = commits.length;
  ctx.collector.shard = record;
  ctx.debug(`${commits.length} commits to scan in ${root}`);
  if (commits.length === 0) return asIs;
  // Few, long, contiguous batches: every git process starts with cold caches (measured: 16
  // batches over 5,000 commits took 1.9 s where 2 took 1.25 s), and neighbouring commits share
  // trees and delta bases. Two per worker still evens out batches of unequal weight.
  const parts = Math.max(2, Math.max(1, ctx.threads) * 2);
  // Capped, though: a git process keeps every commit and tree it has read, so one batch of 50,000
  // commits grew git to 640 MB RSS (most of it the mmapped pack, some its object cache); a batch of
  // 5,000 stays under 200 MB, at no cost in wall time on 100,000 commits (25.0 s → 23.7 s).
  const size = Math.max(SMALL_HISTORY, Math.min(MAX_BATCH, Math.ceil(commits.length / parts)));
  ctx.debug(`${Math.ceil(commits.length / size)} batches of up to ${size} commits`);
  const patches = uncached(set.cache, commits, ctx);
  const described = metadataToRead(set.cache, commits, ctx);
  // What is left to read, not the whole list: a repeat audit of a few new commits starts one worker, not one per core.
  const large = patches.length > SMALL_HISTORY || described.length > SMALL_HISTORY;
  async function* tasks(): AsyncGenerator<Task> {
    for (let i = 0; i < patches.length; i += size) yield { kind: 'commits', repo: root, commits: patches.slice(i, i + size) };
  }
  // The metadata walk below lists every change of the commits it reads: when those are the commits
  // whose content is scanned (always, but for a repeat audit), the env-file checks and the blob
  // design read their changes from it instead of walking the history again each.
  const env = ctx.env;
  const walk = sameList(described, patches) ? new WalkFeed(patches, env && ((p) => env.names.kind(p) !== undefined)) : undefined;
  // Names of added files only, alongside the patches.
  // Cached commits touched no env file or template (see touchesEnv), so they add nothing here either.
  const committed = env === undefined ? Promise.resolve([]) : checkCommitted(root, patches, tip, env, ctx.isExcluded, walk?.lister);
  committed.catch(() => undefined); // awaited below
  const templates = env === undefined ? Promise.resolve([]) : checkTemplatesCommitted(root, patches, env, ctx.isExcluded, walk?.lister);
  templates.catch(() => undefined); // awaited below
  // Messages, identities and names, alongside the patches: one more git log, without patches.
  const touchesEnv = new Set<string>();
  const watch = set.cache?.cachesMetadata ? new MetadataWatch() : undefined;
  const metadata = runMetadataTasks(
    fragmentTasks(metadataFragments(set, described, ctx, touchesEnv, watch, walk), FRAGMENT_BYTES_PER_TASK),
    ctx,
    large,
  );
  metadata.catch(() => undefined); // awaited below
  const cache = set.cache;
  if (set.scanContent !== undefined) {
    // A failed metadata scan stops the walk the content reads: its own error is the one to report.
    await set.scanContent(patches, ctx, cache, walk).catch(async (e: unknown) => {
      await metadata;
      throw e;
    });
  } else await runTasks(tasks(), ctx, large, cache && ((task, result) => rememberClean(cache, task, result)));
  await metadata;
  const order = new Map(commits.map((c, i) => [c, offset + i]));
  ctx.collector.addChecks([...(await committed), ...(await templates)]);
  return async (findings) => {
    if (cache !== undefined) {
      // Here, after the names are scanned too (src/scan.ts): whether a commit's metadata is clean depends on them.
      watch?.remember(cache, ctx.collector.unfiltered(), ctx.realPath.current, ctx.collector.errors.length > 0);
      await saveHistoryCache(cache, whole.commits, whole.listedFrom, (c) => !touchesEnv.has(c), ctx);
    }
    const isTemplateValue = (f: Finding): boolean => f.ruleId === ENV_TEMPLATE_VALUE.id;
    // Template values come one per commit that added them, like secrets: each supersedes the generic
    // match of the same lines in the same commit, then both keep their first commit.
    const merged = mergeTemplateValues(findings.filter(isTemplateValue), findings, (id) => ctx.genericRules.has(id));
    // Other check findings (env files ever committed) are already one per path, with their provenance.
    const checks = findings.filter((f) => f.source === 'check' && !isTemplateValue(f));
    const meta = findings.filter((f) => METADATA_SOURCES.has(f.source) && f.source !== 'path');
    // Commits are scanned whole and excluded paths dropped here: each one is still counted, never dropped silently.
    const excluded = new Set<string>();
    const secrets = findings.filter((f) => {
      if ((f.source !== 'commit' && f.source !== 'path') || merged.superseded.has(f)) return false;
      const path = ctx.realPath.current(f.path);
      if (!ctx.isExcluded(path)) return true;
      if (!excluded.has(path)) ctx.collector.skip('excluded', path);
      excluded.add(path);
      return false;
    });
    const first = firstIntroduced(secrets, order);
    const content = first.filter((f) => f.source !== 'path');
    const named = first.filter((f) => f.source === 'path');
    const result = [
      ...(await markLiveness(root, content, { tip, realPath: ctx.realPath.current, refFindings: meta, debug: ctx.debug })),
      ...named,
      ...firstIntroduced(meta, order),
      ...firstIntroduced(merged.checks, order),
      ...checks,
    ];
    if (record !== undefined) recordOrder(record, result, order);
    return result;
  };
}

/** The part of `whole` that a `--shard` scan scans (refs go with part 1), and what its report records. */
function sharded(whole: CommitSet): { set: CommitSet; offset: number; record: ShardRecord | undefined } {
  if (whole.shard === undefined) return { set: whole, offset: 0, record: undefined };
  const { spec, scan } = whole.shard;
  const { start, end } = shardBounds(whole.commits.length, spec);
  const record: ShardRecord = {
    ...spec,
    commits: commitsDigest(whole.commits, whole.tip),
    scan,
    start,
    end,
    total: whole.commits.length,
    order: {},
  };
  const { refs, ...rest } = whole;
  const set = { ...rest, commits: whole.commits.slice(start, end), ...(spec.index === 1 && refs !== undefined ? { refs } : {}) };
  return { set, offset: start, record };
}

function recordOrder(record: ShardRecord, findings: readonly Finding[], order: ReadonlyMap<string, number>): void {
  const out = record.order as Record<string, number>;
  for (const f of findings) {
    const at = f.commit === undefined ? undefined : order.get(f.commit);
    if (at !== undefined && f.commit !== undefined) out[f.commit] = at;
  }
}

/**
 * The messages and identities of the commits `described` as fragments, and their file names into `ctx.names`; with
 * `refs` (a history scan), every ref's name and every annotated tag's message and tagger too.
 */
async function* metadataFragments(
  set: CommitSet,
  described: readonly string[],
  ctx: ScanContext,
  touchesEnv: Set<string>,
  watch: MetadataWatch | undefined,
  walk: WalkFeed | undefined,
): AsyncGenerator<FragmentInput> {
  const identities = new Map<string, CommitInfo>();
  // Ended whole only after the last commit; a failure, or a consumer that stops early, fails it.
  let whole = false;
  try {
    yield* describeCommits(set, described, ctx, touchesEnv, watch, walk, identities);
    whole = true;
  } catch (e) {
    walk?.fail(e);
    throw e;
  } finally {
    if (whole) walk?.end();
    else walk?.fail(new Error('the commit walk stopped early'));
  }
  yield* identityFragments(identities);
  if (set.refs !== undefined) for await (const ref of refMetadata(set.root, set.refs.includeStash)) yield* refFragments(ref);
}

async function* describeCommits(
  set: CommitSet,
  described: readonly string[],
  ctx: ScanContext,
  touchesEnv: Set<string>,
  watch: MetadataWatch | undefined,
  walk: WalkFeed | undefined,
  identities: Map<string, CommitInfo>,
): AsyncGenerator<FragmentInput> {
  for await (const c of commitMetadata(set.root, described, ctx.threads)) {
    walk?.saw(c);
    yield* commitFragments(c, identities);
    const info: CommitInfo = { commit: c.commit, author: c.authorName, authorEmail: c.authorEmail, date: c.date };
    for (const path of c.paths) if (!ctx.isExcluded(path)) ctx.names.add(path, info);
    // With the cache: a commit that changed an env file or template (excluded or not) is never
    // remembered clean, so the env-file checks can pass over the commits that are.
    const env = set.cache !== undefined && ctx.env !== undefined && c.paths.some((p) => ctx.env?.names.kind(p) !== undefined);
    if (env) touchesEnv.add(c.commit);
    watch?.saw(c, !env && !c.paths.some(ctx.isExcluded));
  }
}
