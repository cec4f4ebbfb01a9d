/**
 * keyscan as a library.
 *
 * ```ts
 * import { scan } from 'keyscan-secrets';
 * const { findings, stats, errors } = await scan({ paths: ['src'] });
 * ```
 * Findings carry the secret as a {@link Secret}, which prints as `[REDACTED]`; call
 * `finding.secret.reveal()` to get the value.
 */
export { builtinRules } from '../rules/index.js';
export { type Baseline, type BaselineEntry, buildBaseline, parseBaseline, serializeBaseline } from './baseline/format.js';
export { checkRegexSafety, type RegexSafetyOptions } from './catalogue/regex-safety.js';
export type { Remediation, RuleSpec } from './catalogue/spec.js';
export { validateRuleSpec } from './catalogue/validate.js';
export { DEFAULT_ENV_TEMPLATES } from './checks/env-names.js';
export { type EnvEntry, parseEnv } from './checks/env-parse.js';
export { DEFAULT_ENV_PLACEHOLDERS, type PlaceholderPattern } from './checks/env-values.js';
export type { EnvCheckOptions } from './checks/options.js';
export { type CheckRule, ENV_CHECK_RULES } from './checks/rules.js';
export type { Allowlist, Config, RuleOverride } from './config/config.js';
export { effectiveRules, loadConfig } from './config/load.js';
export { type ErrorCode, KeyscanError } from './errors.js';
export type { BaselineKey } from './filters/baseline.js';
export { DEFAULT_MAX_FILE_SIZE, type ScanOptions, type ScanProgress, scan } from './scan.js';
export { Secret } from './secret.js';
export type {
  Finding,
  ScanError,
  ScanResult,
  ScanStats,
  Severity,
  SkipCounts,
  SkipReason,
  SourceKind,
  SuppressedCounts,
  UnusedAllow,
} from './types.js';
export { VERSION } from './version.js';
