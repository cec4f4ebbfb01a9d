import type { Finding } from '../types.js';

/** Refs named in one line before "and N more": a key in a file untouched for years is on every tag. */
const SHOWN_REFS = 5;

/**
 * Where a history finding's secret still is, in words every report uses: "live on main,
 * release-2.x" or "only in history (removed in 1a2b3c4d5e6f)". Undefined for findings without
 * liveness (files on disk, names, messages, checks).
 */
export function liveness(f: Finding): string | undefined {
  if (f.liveAt === undefined) return undefined;
  if (f.liveAt.length === 0) return `only in history${f.removedIn === undefined ? '' : ` (removed in ${f.removedIn.slice(0, 12)})`}`;
  const shown = f.liveAt.slice(0, SHOWN_REFS).join(', ');
  const more = f.liveAt.length - SHOWN_REFS;
  return `live on ${shown}${more > 0 ? ` and ${more} more ref${more === 1 ? '' : 's'}` : ''}`;
}

/** Whether no ref holds the secret any more (it must still be revoked: history is public once pushed). */
export function onlyInHistory(f: Finding): boolean {
  return f.liveAt !== undefined ? f.liveAt.length === 0 : f.presentAtHead === false;
}
