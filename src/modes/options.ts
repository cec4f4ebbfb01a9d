/**
 * What a scan is asked to do: the options of {@link scan}, and their one check. Every caller (the
 * CLI, `keyscan ci`, the library) gets the same messages for the same mistakes.
 */
import type { RuleSpec } from '../catalogue/spec.js';
import type { EnvCheckOptions } from '../checks/options.js';
import type { Allowlist } from '../config/config.js';
import { KeyscanError } from '../errors.js';
import type { BaselineKey } from '../filters/baseline.js';
import type { ScanProgress } from '../pipeline/collector.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const MAX_THREADS = 256;
export const MAX_SHARDS = 1000;

export interface ScanOptions {
  /** Files and directories to scan. Default: the working directory. */
  readonly paths?: readonly string[];
  /** Scan this stream instead of files, reported under `name`. */
  readonly stdin?: { readonly stream: AsyncIterable<Buffer | string>; readonly name: string };
  /** Scan what is staged for commit (the added lines of `git diff --cached`). */
  readonly staged?: boolean;
  /** Scan every commit of `BASE..HEAD` (each commit's own changes). */
  readonly range?: string;
  /** Scan every commit reachable from every ref. */
  readonly history?: boolean;
  /** With `history`: include stashes (refs/stash). */
  readonly includeStash?: boolean;
  /**
   * Scan the commits a push would add to the remote: `updates` is what git's pre-push hook reads
   * on stdin (`<local ref> <local sha> <remote ref> <remote sha>` lines), `remote` the remote's
   * name (the hook's first argument), whose remote-tracking branches count as already pushed.
   */
  readonly prePush?: { readonly updates: string; readonly remote?: string };
  readonly cwd?: string;
  /** Files larger than this many bytes are skipped and counted. */
  readonly maxFileSize?: number;
  /** Count files that cannot be read as skipped instead of failing the scan. */
  readonly skipUnreadable?: boolean;
  /** Worker threads (0 to {@link MAX_THREADS}); default one per core. 0 scans on the calling thread. */
  readonly threads?: number;
  /** picomatch globs on reported (repository-relative) paths. */
  readonly exclude?: readonly string[];
  /** The rules to run. Default: the built-in catalogue. */
  readonly rules?: readonly RuleSpec[];
  /** Called as work completes (for progress displays). */
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Receives notes on what the scan is doing (for `--debug`); never secrets or content. */
  readonly onDebug?: (message: string) => void;
  /** Findings these cover are not reported: `global` for every rule, `byRule` by rule id. */
  readonly allowlists?: { readonly global?: Allowlist; readonly byRule?: Readonly<Record<string, Allowlist>> };
  /** Accepted findings (a baseline file's entries): not reported, also after a rename. */
  readonly baseline?: readonly BaselineKey[];
  /**
   * The project's salt for keyed secret hashes (a baseline file's `salt`); without one, a public
   * default (see src/hash/secret-hash.ts). Hashes match a baseline only when made with its salt.
   */
  readonly salt?: string;
  /** The {@link baseline} entries are in the old format: plain SHA-256 of each secret. */
  readonly legacyBaseline?: boolean;
  /**
   * Repository-relative paths of the baseline file in use. It is scanned like any file; only the
   * values of its hash fields are not findings (also in files with the default name).
   */
  readonly baselineFiles?: readonly string[];
  /** List `keyscan:allow` markers that silenced nothing in {@link ScanResult.unusedAllows}. */
  readonly reportUnusedAllows?: boolean;
  /** Env-file checks (tracked, not ignored, staged, committed, template values); `false` turns them off. */
  readonly env?: EnvCheckOptions | false;
  /** How long a worker may show no progress before its task is retried, then failed (tests). */
  readonly stallMs?: number;
  /** Also report documented example credentials, as findings of kind `example`. */
  readonly includeExamples?: boolean;
  /** Range and history scans: report only secrets some branch or tag still holds (see {@link Finding.liveAt}). */
  readonly liveOnly?: boolean;
  /**
   * With `history`: remember the commits found clean in `dir` (default: `.git/keyscan/`), and
   * scan only the others next time (see src/cache/history-cache.ts). Off unless given.
   */
  readonly cache?: { readonly dir?: string };
  /** With `history` or `range`: scan only part `index` (1-based) of `count` of the commit list (see modes/shard.ts). */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** The options that choose a source, by the name the CLI gives them. */
const SOURCES: ReadonlyArray<readonly [keyof ScanOptions, string]> = [
  ['stdin', 'stdin'],
  ['staged', 'staged'],
  ['range', 'range'],
  ['history', 'history'],
  ['prePush', 'pre-push'],
];

/** Refuses options that contradict each other or are out of range (E_USAGE, exit 2). */
export function validateOptions(options: ScanOptions): void {
  const { threads } = options;
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > MAX_THREADS)) {
    throw usage(`--threads must be a whole number from 0 to ${MAX_THREADS}`, 'Use 0 to scan on the main thread only.');
  }
  const chosen = SOURCES.filter(([key]) => options[key] !== undefined && options[key] !== false).map(([, flag]) => flag);
  if (chosen.length > 1) throw usage(`--${chosen[0]} and --${chosen[1]} cannot be combined`, 'Choose one source per run.');
  if (chosen.length === 1 && (options.paths?.length ?? 0) > 0) {
    throw usage(`--${chosen[0]} does not take paths`, 'Scan either paths or one of --stdin, --staged, --range, --history, --pre-push.');
  }
  if (options.includeStash && !options.history) throw usage('--include-stash goes with --history', 'Add --history.');
  if (options.liveOnly && !options.history && options.range === undefined && options.prePush === undefined) {
    throw usage('--live-only goes with --history or --range', 'Add --history (or --range BASE..HEAD): files on disk are always live.');
  }
  if (options.cache !== undefined && !options.history)
    throw usage('the history cache goes with --history', 'Add --history, or drop --cache-dir.');
  const { shard } = options;
  if (shard !== undefined) {
    if (!options.history && options.range === undefined) throw usage('--shard goes with --history or --range', 'Add --history.');
    if (!Number.isInteger(shard.count) || !Number.isInteger(shard.index) || shard.count < 1 || shard.count > MAX_SHARDS) {
      throw usage(`--shard needs a number of shards from 1 to ${MAX_SHARDS}`, 'Use I/N, for example --shard 2/4.');
    }
    if (shard.index < 1 || shard.index > shard.count) {
      throw usage(`--shard ${shard.index}/${shard.count}: the part must be from 1 to ${shard.count}`, 'Use I/N, for example --shard 2/4.');
    }
  }
  if (options.maxFileSize !== undefined && !(options.maxFileSize >= 0)) {
    throw usage(`the maximum file size must be a number of bytes, not ${options.maxFileSize}`, 'Use bytes or a unit: 5MB, 512KiB.');
  }
}

function usage(message: string, hint: string): KeyscanError {
  return new KeyscanError('E_USAGE', message, { hint });
}
