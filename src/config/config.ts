import type { RuleSpec } from '../catalogue/spec.js';

/** The effective configuration after the file and the command line are merged. */
export interface Config {
  /** Where it was read from, or undefined when no config file was found. */
  readonly file: string | undefined;
  /** picomatch globs on repository-relative paths: matching files are not scanned. */
  readonly exclude: readonly string[];
  /** Rule ids that do not run. */
  readonly disable: readonly string[];
  /** The user's own rules, run alongside the catalogue. */
  readonly rules: readonly RuleSpec[];
}

export const EMPTY_CONFIG: Config = { file: undefined, exclude: [], disable: [], rules: [] };

export const CONFIG_FILE_NAMES = ['.keyscan.json'] as const;
