import type { UnusedAllow } from '../types.js';
import { lineKey } from './candidate.js';

export type { UnusedAllow };

/** The markers whose line is not among `used`, de-duplicated and sorted by path and line. */
export function unusedAllows(markers: readonly UnusedAllow[], used: ReadonlySet<string>): UnusedAllow[] {
  const seen = new Set<string>();
  const out: UnusedAllow[] = [];
  for (const m of markers) {
    const key = lineKey(m.path, m.line, m.commit);
    if (used.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.commit ?? '').localeCompare(b.commit ?? ''),
  );
}
