import type { Finding } from '../types.js';
import { ENV_TEMPLATE_VALUE } from './rules.js';

/**
 * One finding per secret: a template value that a catalogue rule already reported (on the same
 * path and lines) is left to that rule, which knows the provider and how to revoke the key.
 */
export function withoutMatchedValues(checkFindings: readonly Finding[], matches: readonly Finding[]): Finding[] {
  const byPath = new Map<string, Finding[]>();
  for (const m of matches) if (m.source !== 'check') byPath.set(m.path, [...(byPath.get(m.path) ?? []), m]);
  return checkFindings.filter(
    (f) =>
      f.ruleId !== ENV_TEMPLATE_VALUE.id || !(byPath.get(f.path) ?? []).some((m) => m.startLine <= f.endLine && f.startLine <= m.endLine),
  );
}
