/**
 * Making `BASE..HEAD` readable in a shallow clone (CI checkouts fetch one commit by default).
 *
 * A range is complete when both ends are here, they have a common ancestor here, and no commit of
 * the range is cut from its parents: then `git rev-list BASE..HEAD` lists exactly the commits a
 * full clone would, and each commit's diff is against its real parent. Until then, the clone is
 * fetched deeper from both ends: `--depth=N` again with a larger N (it counts from the wanted
 * commits, so rounds are consistent, unlike mixing `--depth` and `--deepen`), and finally
 * `--unshallow`. Without a remote, or when a fetch fails, the caller is told why, and never gets
 * a range that would scan too little or too much.
 */
import { listCommits, resolveCommit, shallowBoundary } from './history.js';
import { fetchRevisions, hasRemote, isShallow, mergeBase } from './remote.js';

export type RangeFailure =
  /** The clone lacks commits and there is no remote to fetch them from. */
  | { readonly reason: 'no-remote'; readonly missing: readonly string[] }
  /** The remote does not have BASE (a force push replaced it, or it was never pushed). */
  | { readonly reason: 'base-unavailable'; readonly error: string }
  /** HEAD could not be fetched, or fetching failed for another reason (network, credentials). */
  | { readonly reason: 'fetch-failed'; readonly error: string };

export type RangeOutcome =
  | { readonly ok: true; readonly fetches: readonly FetchStep[] }
  | ({ readonly ok: false; readonly fetches: readonly FetchStep[] } & RangeFailure);

/** One fetch that was made, for the log. */
export interface FetchStep {
  readonly depth: number | 'unshallow' | 'full';
  readonly ok: boolean;
}

export interface CompleteRangeOptions {
  /** The remote to fetch from; undefined never fetches. */
  readonly remote: string | undefined;
  /** Depth of the first fetch, e.g. the number of commits of a pull request plus one. */
  readonly firstDepth?: number;
  /** Fetches deeper than this become `--unshallow`. */
  readonly maxDepth?: number;
  readonly onFetch?: (step: FetchStep) => void;
}

const DEFAULT_FIRST_DEPTH = 50;
const DEFAULT_MAX_DEPTH = 5000;
const GROWTH = 4;

/** Fetches what `base..head` needs (both full SHAs); see the module comment. */
export async function completeRange(repo: string, base: string, head: string, options: CompleteRangeOptions): Promise<RangeOutcome> {
  const fetches: FetchStep[] = [];
  const remote = options.remote !== undefined && (await hasRemote(repo, options.remote)) ? options.remote : undefined;
  const fetch = async (depth: FetchStep['depth']): Promise<{ ok: boolean; error: string }> => {
    if (remote === undefined) return { ok: false, error: 'no remote' };
    const r = await fetchRevisions(
      repo,
      remote,
      [base, head],
      depth === 'unshallow' ? { unshallow: true } : depth === 'full' ? {} : { depth },
    );
    const step = { depth, ok: r.ok };
    fetches.push(step);
    options.onFetch?.(step);
    return r;
  };
  const missing = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const rev of [base, head]) if ((await resolveCommit(repo, rev)) === undefined) out.push(rev);
    return out;
  };
  const fail = async (error: string): Promise<RangeOutcome> => {
    // Tell a BASE the remote does not have (force push) from a fetch that failed altogether.
    // The probe only ever deepens (a smaller --depth would cut history already fetched).
    if (remote !== undefined && (await resolveCommit(repo, base)) === undefined) {
      const probe = (await isShallow(repo)) ? { deepen: 1 } : {};
      const alone = await fetchRevisions(repo, remote, [head], probe);
      if (alone.ok) return { ok: false, fetches, reason: 'base-unavailable', error };
    }
    return { ok: false, fetches, reason: 'fetch-failed', error };
  };

  if (!(await isShallow(repo))) {
    const absent = await missing();
    if (absent.length === 0) return { ok: true, fetches };
    if (remote === undefined) return { ok: false, fetches, reason: 'no-remote', missing: absent };
    const r = await fetch('full');
    return r.ok ? { ok: true, fetches } : fail(r.error);
  }

  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let depth = Math.max(2, options.firstDepth ?? DEFAULT_FIRST_DEPTH);
  for (;;) {
    const absent = await missing();
    if (absent.length === 0 && (await isComplete(repo, base, head))) return { ok: true, fetches };
    if (remote === undefined) return { ok: false, fetches, reason: 'no-remote', missing: absent };
    const unshallow = depth > maxDepth;
    const r = await fetch(unshallow ? 'unshallow' : depth);
    if (!r.ok) return fail(r.error);
    if (unshallow) return { ok: true, fetches };
    depth *= GROWTH;
  }
}

/** Whether `base..head` lists the same commits as in a full clone (both ends present). */
export async function isComplete(repo: string, base: string, head: string): Promise<boolean> {
  const boundary = await shallowBoundary(repo);
  if (boundary.size === 0) return true;
  if ((await mergeBase(repo, base, head)) === undefined) return false;
  const commits = await listCommits(repo, [`${base}..${head}`]);
  return !commits.some((c) => boundary.has(c));
}
