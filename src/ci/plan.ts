/**
 * What a CI event asks keyscan to scan, in terms every provider shares: each provider turns its
 * own event (a GitHub payload, GitLab's CI_* variables) into a {@link CiPlan}, and target.ts turns
 * the plan into something the clone can scan completely.
 */

/** The SHA git uses for "no commit": `before` of a new branch, `after` of a deleted one. */
export const ZERO_SHA = /^0+$/;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export type CiPlan =
  /** Every commit of base..head. */
  | {
      readonly kind: 'range';
      readonly base: string;
      readonly head: string;
      readonly label: string;
      /** A first fetch depth that likely covers the range (a pull request's commit count + 1). */
      readonly depthHint?: number;
      /**
       * A pull (merge) request: its own config and baseline must not decide its check, so they
       * are read from `base` (see pr-config.ts).
       */
      readonly pullRequest?: boolean;
    }
  /** A push to an existing branch: before..after, with the branch's new commits as fallback when `before` is gone. */
  | { readonly kind: 'push'; readonly base: string; readonly head: string; readonly label: string; readonly branch: BranchInfo }
  /** A new branch (or tag): the commits of head that are not on the default branch. */
  | { readonly kind: 'branch'; readonly head: string; readonly label: string; readonly branch: BranchInfo }
  | { readonly kind: 'history'; readonly label: string }
  /** The checked-out files, not commits. */
  | { readonly kind: 'files'; readonly label: string }
  /** Nothing to scan (a deleted branch). */
  | { readonly kind: 'none'; readonly label: string };

export interface BranchInfo {
  /** The pushed ref, e.g. `refs/heads/feature`. */
  readonly ref: string | undefined;
  /** The repository's default branch name, e.g. `main`. */
  readonly defaultBranch: string | undefined;
}

export type CiMode = 'auto' | 'history' | 'files';

/** A pull (merge) request that changes keyscan's config or baseline. */
export interface ConfigChange {
  /** Repository-relative paths of the config and baseline files the request changes. */
  readonly files: readonly string[];
  /** Whose version the check used: the base commit's (the default) or the request's (opted in). */
  readonly used: 'base' | 'pull-request';
  /** Findings the base version reports that the request's version does not. */
  readonly silenced: number;
  readonly baseSha: string;
}

/** The plan of an explicit --mode, the same for every provider. */
export function explicitPlan(mode: Exclude<CiMode, 'auto'>): CiPlan {
  return mode === 'files'
    ? { kind: 'files', label: 'the checked-out files (mode: files)' }
    : { kind: 'history', label: 'the full history (mode: history)' };
}

/** A full commit SHA, lower-cased; undefined for anything else and for the all-zero SHA. */
export function sha(value: string | undefined): string | undefined {
  const v = value?.toLowerCase();
  return v !== undefined && SHA.test(v) && !ZERO_SHA.test(v) ? v : undefined;
}

export function short(sha: string): string {
  return sha.slice(0, 12);
}
