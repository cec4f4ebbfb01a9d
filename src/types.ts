/** Shared types of keyscan's pipeline: source → engine → findings → reporters. */
import type { Secret } from './secret.js';

/** How bad a leak of this kind of credential is; drives SARIF level and security-severity. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/**
 * Where a finding was read from. Besides content: `path` (a file or directory name, reported at
 * that path), `ref` (a branch or tag name), `commit-message`, `commit-author` (an author's or
 * committer's name or e-mail) and `tag-message` (an annotated tag), each with its commit.
 */
export type SourceKind =
  | 'file'
  | 'stdin'
  | 'staged'
  | 'commit'
  | 'check'
  | 'path'
  | 'ref'
  | 'commit-message'
  | 'commit-author'
  | 'tag-message';

/** Sources that are names or messages rather than file content (see src/sources/metadata.ts). */
export const METADATA_SOURCES: ReadonlySet<SourceKind> = new Set(['path', 'ref', 'commit-message', 'commit-author', 'tag-message']);

/** A finding as every reporter sees it. Positions are 1-based; `endColumn` is exclusive (as in SARIF). */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** POSIX path relative to the repository root (or the working directory outside a repository). */
  readonly path: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The secret with everything but a short recognisable prefix masked. */
  readonly redacted: string;
  /** SHA-256 (hex) of the secret: lets baselines and de-duplication work without storing it. */
  readonly secretHash: string;
  /** Stable across runs and line moves: rule + path + secret hash (+ commit in history mode). */
  readonly fingerprint: string;
  readonly source: SourceKind;
  /** Full SHA of the commit that introduced the secret (range and history scans). */
  readonly commit?: string;
  readonly author?: string;
  readonly authorEmail?: string;
  /** Author date of {@link commit}, ISO 8601. */
  readonly date?: string;
  /** History scans: how many commits added this secret to this path (re-added, cherry-picked, on several branches). */
  readonly commitCount?: number;
  /** History scans: whether the file at this path still contains the secret at HEAD. */
  readonly presentAtHead?: boolean;
  /** Refs (branch, tag, HEAD short names) whose tip still holds this secret at this path; empty: only in history. Set by --history and --range. */
  readonly liveAt?: readonly string[];
  /** The commit that removed it from the last ref that held it, when known. */
  readonly removedIn?: string;
  /** The secret itself; prints as `[REDACTED]` everywhere unless a reporter is told to reveal it. */
  readonly secret: Secret;
  /**
   * `example`: a documented example credential (rules/examples.ts), reported only with
   * `--include-examples` and never failing a run.
   */
  readonly kind?: 'example';
}

/** Why a file was not scanned. Counted in the summary, never dropped silently. */
export type SkipReason = 'binary' | 'tooLarge' | 'symlink' | 'notRegular' | 'excluded' | 'deleted' | 'submodule' | 'unreadable';

export type SkipCounts = Record<SkipReason, number>;

export function emptySkipCounts(): SkipCounts {
  return { binary: 0, tooLarge: 0, symlink: 0, notRegular: 0, excluded: 0, deleted: 0, submodule: 0, unreadable: 0 };
}

export const SKIP_REASONS = Object.keys(emptySkipCounts()) as readonly SkipReason[];

/** Something that should have been scanned and was not. Any of these makes the exit code 2. */
export interface ScanError {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** Findings that were found and then silenced, by what silenced them. */
export interface SuppressedCounts {
  /** By a `keyscan:allow` comment on their line. */
  inline: number;
  /** By the config's global or per-rule allowlist. */
  allowlist: number;
  /** By the baseline. */
  baseline: number;
}

export interface ScanStats {
  filesScanned: number;
  /** Range and history scans: commits whose changes were scanned (by this run, or by an earlier one: see commitsFromCache). */
  commitsScanned?: number;
  /** History scans with the cache: commits an earlier scan with the same settings found nothing in, not rescanned. */
  commitsFromCache?: number;
  /** History scans with the cache: commits whose message, identities and file names an earlier scan found nothing in, not read again. */
  metadataFromCache?: number;
  bytesScanned: number;
  /** Git LFS pointer files scanned as committed: the content they stand for is not in the repository. */
  lfsPointers?: number;
  /** With `--live-only`: secrets found only in history (no branch or tag holds them), not listed. */
  historyOnlyHidden?: number;
  skipped: SkipCounts;
  suppressed: SuppressedCounts;
  durationMs: number;
}

/** A `keyscan:allow` marker that silenced nothing (reported with `--report-unused-allows`). */
export interface UnusedAllow {
  readonly path: string;
  readonly line: number;
  readonly commit?: string;
}

/** A finding silenced by a `keyscan:allow` comment: where the comment is, and what it silenced. */
export interface InlineAllow {
  readonly path: string;
  /** The line of the comment. */
  readonly line: number;
  readonly ruleId: string;
  readonly commit?: string;
}

/**
 * One part of a sharded `--history` or `--range` scan (`--shard I/N`): what `keyscan merge` needs
 * to combine the parts into exactly the report of one run.
 */
export interface ShardRecord {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** SHA-256 of the whole commit list and the tip: the same for every shard of one audit. */
  readonly commits: string;
  /** SHA-256 of what else changes a result (version, rules, config, options): shards must agree. */
  readonly scan: string;
  /** This shard's commits: positions `[start, end)` of the whole topological list, of `total`. */
  readonly start: number;
  readonly end: number;
  readonly total: number;
  /** The position in the whole list of each commit the findings name (ties are broken by it). */
  readonly order: Readonly<Record<string, number>>;
}

export interface ScanResult {
  readonly findings: Finding[];
  readonly stats: ScanStats;
  readonly errors: ScanError[];
  /** Things the user should know that did not stop the scan (a shallow clone's cut history). */
  readonly warnings: string[];
  /** Present when unused allow markers were asked for. */
  readonly unusedAllows?: UnusedAllow[];
  /** Findings that `keyscan:allow` comments silenced (present when there are any), sorted by path and line. */
  readonly inlineAllows?: InlineAllow[];
  /** Present in a sharded scan's result. */
  readonly shard?: ShardRecord;
}

/** Where a fragment came from, as far as the engine needs to know. */
export interface FragmentMeta {
  /** POSIX, repository-relative. */
  readonly path: string;
  readonly source: SourceKind;
  /** Line number of the fragment's first line in its file (diff hunks start mid-file). */
  readonly firstLine?: number;
  /**
   * Byte range this fragment is responsible for when it carries context from overlapping
   * neighbours (stdin chunks): only secrets that start inside it are reported.
   */
  readonly owned?: readonly [number, number];
  /** The commit whose change this fragment is (range and history scans); part of the fingerprint. */
  readonly commit?: CommitInfo;
}

/** Who introduced a change, when: copied onto every finding in that change. */
export interface CommitInfo {
  readonly commit: string;
  readonly author: string;
  readonly authorEmail: string;
  readonly date: string;
}

/** A commit as a diff or log header names it: who, when, and its parents. */
export interface CommitHeader extends CommitInfo {
  readonly parents: readonly string[];
}

export interface FragmentInput {
  readonly data: Uint8Array;
  readonly meta: FragmentMeta;
  /**
   * Set when `data` is a changed file's whole new blob: flat [first, last] pairs of the lines the
   * change added. The blob is judged and decoded as a file, and only findings on these lines count.
   */
  readonly added?: readonly number[];
  /** The added lines of a file already judged to be text (do not sniff them for NULs). */
  readonly judged?: true;
}
