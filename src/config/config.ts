import type { RuleSpec } from '../catalogue/spec.js';
import type { ReportFormat } from '../report/formats.js';
import type { Severity } from '../types.js';

/** Findings that match are not reported. The same shape globally and per rule. */
export interface Allowlist {
  /** picomatch globs on repository-relative paths. */
  readonly paths: readonly string[];
  /** Regular expressions (strings, `(?i)` accepted) tested against the secret. */
  readonly secretRegexes: readonly string[];
  /** Regular expressions tested against the line(s) the secret is on. */
  readonly lineRegexes: readonly string[];
  /** Case-insensitive words: a secret that contains one is not reported. */
  readonly stopwords: readonly string[];
}

/** Settings for one rule, built-in or custom. */
export interface RuleOverride {
  readonly severity?: Severity;
  /** Replaces the rule's minimum entropy (bits per character). */
  readonly entropy?: number;
  readonly allowlist?: Allowlist;
}

/** Report formats a config may choose as the default: every registered format. */
export type ConfigFormat = ReportFormat;

/** The effective configuration after the file and the command line are merged. */
export interface Config {
  /** Where it was read from, or undefined when no config file was found. */
  readonly file: string | undefined;
  /** Default report format; undefined means text. */
  readonly format: ConfigFormat | undefined;
  /** picomatch globs on repository-relative paths: matching files are not scanned. */
  readonly exclude: readonly string[];
  /** Rule ids that do not run. */
  readonly disable: readonly string[];
  /** Rules with any of these tags do not run. */
  readonly disableTags: readonly string[];
  /** The user's own rules, run alongside the catalogue. */
  readonly rules: readonly RuleSpec[];
  /** Per-rule severity, entropy and allowlist, by rule id. */
  readonly ruleOverrides: Readonly<Record<string, RuleOverride>>;
  /** Applies to every rule. */
  readonly allowlist: Allowlist;
  /**
   * Regular expressions for placeholder values in env templates (`.env.example`), matched
   * case-insensitively. Read by the `.env` template check; empty means its built-in list only.
   */
  readonly placeholders: readonly string[];
  /** The baseline file to apply, absolute (the file says it relative to itself), if any. */
  readonly baseline: string | undefined;
}

export const EMPTY_ALLOWLIST: Allowlist = { paths: [], secretRegexes: [], lineRegexes: [], stopwords: [] };

export const EMPTY_CONFIG: Config = {
  file: undefined,
  format: undefined,
  exclude: [],
  disable: [],
  disableTags: [],
  rules: [],
  ruleOverrides: {},
  allowlist: EMPTY_ALLOWLIST,
  placeholders: [],
  baseline: undefined,
};

/**
 * Looked for at the repository root, in this order. More than one present is an error: keyscan
 * never guesses which one you meant.
 */
export const CONFIG_FILE_NAMES = ['.keyscan.yaml', '.keyscan.yml', '.keyscan.json'] as const;

/** `keyscan baseline` writes here (at the repository root) unless told otherwise. */
export const DEFAULT_BASELINE_FILE = '.keyscan-baseline.json';
