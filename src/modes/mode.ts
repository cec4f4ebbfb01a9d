/**
 * The scan-mode seam. A mode is one way of choosing what to scan (files, standard input, the
 * staged changes, a set of commits): it turns its options into tasks for the executor, runs its
 * env-file checks, and says what happens to the filtered findings (history: one per secret).
 * Everything else (rules, filters, hashing, names, the result) is the same for every mode, in
 * scan.ts. Adding a mode is a new file here and a line in index.ts.
 */
import type { EnvChecks } from '../checks/options.js';
import type { Collector } from '../pipeline/collector.js';
import type { Executor } from '../scanner/task.js';
import type { NameSet } from '../sources/metadata.js';
import type { Finding } from '../types.js';
import type { ScanOptions } from './options.js';

/** What a mode does with the filtered findings before they are reported. */
export type Finalize = (findings: Finding[]) => Promise<Finding[]>;

export const asIs: Finalize = async (findings) => findings;

/** What every mode is given: where results go and how work runs. */
export interface ScanContext {
  readonly debug: (message: string) => void;
  /** Every name the scan saw (files, directories; in history, per commit), scanned for keys afterwards. */
  readonly names: NameSet;
  /** The real path of a path reported redacted (a key in its name); set once names are scanned. */
  readonly realPath: { current: (path: string) => string };
  readonly cwd: string;
  readonly collector: Collector;
  readonly threads: number;
  /** The executor for this scan, started on first call: workers when `large`, else this thread. */
  readonly executorFor: (large: boolean) => Executor;
  readonly isExcluded: (path: string) => boolean;
  readonly env: EnvChecks | undefined;
  /** Ids of rules tagged generic: specific rules and checks take precedence over them. */
  readonly genericRules: ReadonlySet<string>;
}

export interface ScanMode {
  /** The mode's name, as its CLI flag says it (`staged`, `range`…); `files` for the default. */
  readonly name: string;
  /** Whether `options` ask for this mode. The first mode of the registry that says yes runs. */
  selects(options: ScanOptions): boolean;
  /** Scans, reporting into `ctx.collector`; resolves to what to do with the filtered findings. */
  run(options: ScanOptions, ctx: ScanContext): Promise<Finalize>;
}
