import type { Finding } from '../types.js';

const WORKING_SOURCES: ReadonlySet<Finding['source']> = new Set(['file', 'stdin', 'staged', 'path']);

/** Whether a secret can still be read where people look, as far as the scan knows. */
export type Liveness =
  /** At the tip of at least one ref (or in the work tree, index or input that was scanned). */
  | { readonly live: true; readonly refs: readonly string[] }
  /** Only in history: no ref's tip holds it any more. */
  | { readonly live: false; readonly removedIn?: string }
  /** Not known (a range scan without ref information). */
  | undefined;

/** Refs named in one line before "and N more": a key in a file untouched for years is on every tag. */
const SHOWN_REFS = 5;

/**
 * Where a history finding's secret still is, in words every report uses: "live on main,
 * release-2.x" or "only in history (removed in 1a2b3c4d5e6f)". Undefined for findings without
 * liveness (files on disk, names, messages, checks).
 */
export function liveness(f: Finding): string | undefined {
  return f.liveAt === undefined ? undefined : livenessWords(findingLiveness(f), SHOWN_REFS);
}

/** Whether no ref holds the secret any more (it must still be revoked: history is public once pushed). */
export function onlyInHistory(f: Finding): boolean {
  return f.liveAt !== undefined ? f.liveAt.length === 0 : f.presentAtHead === false;
}

/** One finding's liveness: its refs when the scan computed them, else whether HEAD still has it. */
export function findingLiveness(f: Finding): Liveness {
  if (f.liveAt !== undefined) {
    if (f.liveAt.length > 0) return { live: true, refs: f.liveAt };
    return f.removedIn === undefined ? { live: false } : { live: false, removedIn: f.removedIn };
  }
  if (f.presentAtHead !== undefined) return f.presentAtHead ? { live: true, refs: ['HEAD'] } : { live: false };
  // Without a commit, what was scanned is what is there now: the work tree, the index, the input.
  if (f.commit === undefined && WORKING_SOURCES.has(f.source)) return { live: true, refs: [] };
  return undefined;
}

/**
 * "live on main, release-2.x", "only in history (removed in 1a2b3c4d5e6f)": the words every
 * report uses. `maxRefs` names that many refs and counts the rest ("and 3 more refs").
 */
export function livenessWords(liveness: Liveness, maxRefs = Number.POSITIVE_INFINITY): string {
  if (liveness === undefined) return 'liveness unknown';
  if (liveness.live) {
    if (liveness.refs.length === 0) return 'live (in the scanned files)';
    const more = liveness.refs.length - maxRefs;
    return `live on ${liveness.refs.slice(0, maxRefs).join(', ')}${more > 0 ? ` and ${more} more ref${more === 1 ? '' : 's'}` : ''}`;
  }
  return liveness.removedIn === undefined ? 'only in history' : `only in history (removed in ${liveness.removedIn.slice(0, 12)})`;
}
