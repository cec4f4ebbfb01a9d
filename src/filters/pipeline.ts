import type { Finding, InlineAllow, SuppressedCounts } from '../types.js';
import { applyAllowlists, type CompiledAllowlist } from './allowlist.js';
import { applyBaseline, type BaselineKey } from './baseline.js';
import { dropBaselineHashes } from './baseline-file.js';
import type { Candidate } from './candidate.js';
import { applyInlineAllows } from './inline-allow.js';
import { type UnusedAllow, unusedAllows } from './unused-allows.js';

/** Everything the filters need, prepared once per scan. */
export interface FilterPolicy {
  /** Rule ids an allow marker may name (every known rule, enabled or not). */
  readonly knownRuleIds: ReadonlySet<string>;
  readonly allowlist: CompiledAllowlist | undefined;
  readonly ruleAllowlists: ReadonlyMap<string, CompiledAllowlist>;
  readonly baseline: { readonly entries: readonly BaselineKey[]; readonly isGone: (path: string) => boolean } | undefined;
  /** Repository-relative paths of the baseline in use: its hash values are not findings. */
  readonly baselineFiles?: ReadonlySet<string>;
}

export interface FilterOutcome {
  readonly findings: Finding[];
  readonly suppressed: SuppressedCounts;
  /** Present when markers were collected (`--report-unused-allows`). */
  readonly unusedAllows?: UnusedAllow[];
  /** What `keyscan:allow` comments silenced, so a reviewer can see every one (the job summary lists them). */
  readonly inlineAllows: InlineAllow[];
}

/**
 * The post-scan chain, the same for every source: a baseline's own hash values → allow comments →
 * allowlists → baseline. Runs
 * on the main thread after collection, so it sees every finding of a scan at once (the baseline
 * needs that to tell a moved secret from a copied one).
 */
export function runFilters(
  candidates: readonly Candidate[],
  markers: readonly UnusedAllow[] | undefined,
  policy: FilterPolicy,
): FilterOutcome {
  // Not suppressions: a baseline's hash values were never secrets, so they are not counted.
  const scanned = dropBaselineHashes(candidates, policy.baselineFiles ?? new Set()).kept;
  const inline = applyInlineAllows(scanned, policy.knownRuleIds);
  const allowed = applyAllowlists(inline.kept, policy.allowlist, policy.ruleAllowlists);
  const baselined = policy.baseline
    ? applyBaseline(allowed.kept, policy.baseline.entries, policy.baseline.isGone)
    : { kept: allowed.kept, suppressed: [] };
  return {
    findings: baselined.kept.map((c) => c.finding),
    suppressed: { inline: inline.suppressed.length, allowlist: allowed.suppressed.length, baseline: baselined.suppressed.length },
    ...(markers !== undefined ? { unusedAllows: unusedAllows(markers, inline.used) } : {}),
    inlineAllows: inline.allows,
  };
}
