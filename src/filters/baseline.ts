import { type Candidate, type Partition, partition } from './candidate.js';

/** What identifies an accepted finding: never its line or commit, so it survives moves and modes. */
export interface BaselineKey {
  readonly ruleId: string;
  readonly path: string;
  readonly secretHash: string;
}

/**
 * Silences findings the baseline accepted. A finding matches an entry with its rule, secret hash
 * and path. A finding at a new path matches an entry with its rule and secret hash whose path no
 * longer exists (`isGone`): the file was renamed or moved. Each gone entry covers one new path
 * (the first in path order), so a secret that was moved and also copied is reported once.
 * While the original path exists, the same secret at another path is a new finding: a paste.
 */
export function applyBaseline(
  candidates: readonly Candidate[],
  entries: readonly BaselineKey[],
  isGone: (path: string) => boolean,
): Partition {
  const exact = new Set(entries.map((e) => keyOf(e)));
  const notExact = candidates.filter((c) => !exact.has(keyOf(c.finding)));
  const moved = movedPaths(notExact, entries, exact, isGone);
  return partition(candidates, (c) => exact.has(keyOf(c.finding)) || moved.has(keyOf(c.finding)));
}

/** For each rule + secret, the new paths that gone entries account for (as exact keys). */
function movedPaths(
  candidates: readonly Candidate[],
  entries: readonly BaselineKey[],
  exact: ReadonlySet<string>,
  isGone: (path: string) => boolean,
): Set<string> {
  const gone = new Map<string, number>();
  for (const e of entries) {
    if (isGone(e.path)) gone.set(secretOf(e), (gone.get(secretOf(e)) ?? 0) + 1);
  }
  const moved = new Set<string>();
  if (gone.size === 0) return moved;
  const newPaths = new Map<string, Set<string>>();
  for (const { finding } of candidates) {
    if (!gone.has(secretOf(finding)) || exact.has(keyOf(finding))) continue;
    const paths = newPaths.get(secretOf(finding)) ?? new Set<string>();
    paths.add(finding.path);
    newPaths.set(secretOf(finding), paths);
  }
  for (const [secret, paths] of newPaths) {
    const sorted = [...paths].sort();
    for (const path of sorted.slice(0, gone.get(secret) ?? 0)) moved.add(`${secret}\0${path}`);
  }
  return moved;
}

function secretOf(k: Pick<BaselineKey, 'ruleId' | 'secretHash'>): string {
  return `${k.ruleId}\0${k.secretHash}`;
}

export function keyOf(k: BaselineKey): string {
  return `${secretOf(k)}\0${k.path}`;
}
