/**
 * `--range` in the forms git itself accepts, with git's meaning: `A..B` (commits of B not in A),
 * `A...B` (commits of either side not in both), and either end left out for HEAD (`A..`, `..B`).
 * A revision name never contains `..` (git check-ref-format forbids it), so the first `...` or
 * `..` is the operator.
 */
export interface CommitRange {
  readonly base: string;
  readonly head: string;
  /** `A...B`: the symmetric difference. */
  readonly symmetric: boolean;
}

export function parseRange(text: string): CommitRange | undefined {
  const symmetric = text.includes('...');
  const operator = symmetric ? '...' : '..';
  const at = text.indexOf(operator);
  if (at < 0) return undefined;
  const base = text.slice(0, at) || 'HEAD';
  const head = text.slice(at + operator.length) || 'HEAD';
  if (base.includes('..') || head.includes('..') || (base === 'HEAD' && head === 'HEAD' && text.length <= 3)) return undefined;
  return { base, head, symmetric };
}

/** The revision argument for `git rev-list`. */
export function rangeRevision(range: CommitRange): string {
  return `${range.base}${range.symmetric ? '...' : '..'}${range.head}`;
}
