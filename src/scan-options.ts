/**
 * A config turned into scan options: the rules it yields, its excludes, allowlists, env-check
 * settings and the baseline files whose hash values are not findings. The CLI (after checking its
 * flags) and `keyscan ci` both build their {@link ScanOptions} here, so a CI job scans with exactly
 * what a plain `keyscan` run in the same directory would.
 */
import { relative } from 'node:path';
import { builtinRules } from '../rules/index.js';
import type { RuleSpec } from './catalogue/spec.js';
import { DEFAULT_ENV_TEMPLATES } from './checks/env-names.js';
import { DEFAULT_ENV_PLACEHOLDERS } from './checks/env-values.js';
import { ENV_CHECK_RULES } from './checks/rules.js';
import type { Config } from './config/config.js';
import { effectiveRules, loadConfig } from './config/load.js';
import type { KnownRule } from './config/parse.js';
import type { ScanOptions } from './modes/options.js';
import { toPosix } from './sources/paths.js';

/** The rule ids a config may name: the built-in rules and the env-file checks. */
export const KNOWN_RULES: readonly KnownRule[] = [...builtinRules, ...ENV_CHECK_RULES];

/** The config at `root` (or `explicit`, absolute), checked against {@link KNOWN_RULES}. */
export function loadScanConfig(root: string, explicit: string | undefined): Promise<Config> {
  return loadConfig(root, explicit, KNOWN_RULES);
}

export interface ScanInputs {
  /** The repository root: baseline files are named relative to it, as findings name paths. */
  readonly root: string;
  /** Baseline files in use besides the config's (absolute). */
  readonly baselineFiles?: readonly string[];
  /** Env template file names besides the default ones. */
  readonly envTemplates?: readonly string[];
  /** Placeholder patterns besides the default ones and the config's. */
  readonly envPlaceholders?: readonly string[];
  readonly envDrift?: boolean;
}

export interface ConfiguredScan {
  /** The rules the config yields (the env checks are not rules). */
  readonly rules: RuleSpec[];
  /** What the config decides; the caller adds the source (paths, range…) and its own settings. */
  readonly options: ScanOptions;
}

export function scanOptionsFor(config: Config, inputs: ScanInputs): ConfiguredScan {
  const rules = effectiveRules(builtinRules, config);
  // A baseline lists secret hashes under a key named "secretHash", which the generic rule would
  // report. It is scanned like any file, in every mode (a key in a `reason` is a finding); only
  // its hash values are not findings (see dropBaselineHashes).
  const baselines = [config.baseline, ...(inputs.baselineFiles ?? [])].flatMap((f) => (f ? [repoPath(inputs.root, f)] : []));
  const options: ScanOptions = {
    exclude: config.exclude,
    baselineFiles: [...new Set(baselines)],
    rules,
    env: {
      templates: [...DEFAULT_ENV_TEMPLATES, ...(inputs.envTemplates ?? [])],
      placeholders: [...DEFAULT_ENV_PLACEHOLDERS, ...config.placeholders, ...(inputs.envPlaceholders ?? [])],
      drift: inputs.envDrift ?? false,
      disable: config.disable,
    },
    allowlists: {
      global: config.allowlist,
      byRule: Object.fromEntries(Object.entries(config.ruleOverrides).flatMap(([id, o]) => (o.allowlist ? [[id, o.allowlist]] : []))),
    },
  };
  return { rules, options };
}

/** A file's repository-relative POSIX path, as findings name it. */
function repoPath(root: string, file: string): string {
  return toPosix(relative(root, file));
}
