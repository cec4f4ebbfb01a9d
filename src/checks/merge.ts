import type { Finding } from '../types.js';
import { ENV_TEMPLATE_VALUE } from './rules.js';

export interface MergedTemplateValues {
  /** The check findings to keep. */
  readonly checks: Finding[];
  /** Catalogue findings that a template-value finding replaces. */
  readonly superseded: ReadonlySet<Finding>;
}

/**
 * One finding per secret in env templates. A value that a specific catalogue rule reported (on the
 * same path and lines) is left to that rule, which knows the provider and how to revoke the key.
 * A value only a generic rule caught is reported as a template value instead: that names the
 * variable, says what to put there, and never shows the value (not even with --no-redact).
 */
export function mergeTemplateValues(
  checkFindings: readonly Finding[],
  matches: readonly Finding[],
  isGeneric: (ruleId: string) => boolean,
): MergedTemplateValues {
  const byPath = new Map<string, Finding[]>();
  for (const m of matches) if (m.source !== 'check') byPath.set(m.path, [...(byPath.get(m.path) ?? []), m]);
  const superseded = new Set<Finding>();
  const checks = checkFindings.filter((f) => {
    if (f.ruleId !== ENV_TEMPLATE_VALUE.id) return true;
    // In range and history scans, the same lines of the same commit's version of the file.
    const overlapping = (byPath.get(f.path) ?? []).filter(
      (m) => m.commit === f.commit && m.startLine <= f.endLine && f.startLine <= m.endLine,
    );
    if (overlapping.some((m) => !isGeneric(m.ruleId))) return false;
    for (const m of overlapping) superseded.add(m);
    return true;
  });
  return { checks, superseded };
}
