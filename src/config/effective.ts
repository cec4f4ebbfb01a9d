import type { RuleSpec } from '../catalogue/spec.js';
import type { Config } from './config.js';

/**
 * The rules a scan runs: the catalogue and the user's rules, minus those disabled by id or tag,
 * with per-rule severity and entropy from `ruleOverrides` applied. The result is plain data, so
 * workers receive the overrides with the rules.
 */
export function effectiveRules(builtin: readonly RuleSpec[], config: Config): RuleSpec[] {
  // Nothing to take out or change (most configs): no pass over ~900 rules' tags at every start.
  const { disable, disableTags, rules, ruleOverrides } = config;
  if (disable.length === 0 && disableTags.length === 0 && rules.length === 0 && Object.keys(ruleOverrides).length === 0)
    return [...builtin];
  const disabled = new Set(config.disable);
  const disabledTags = new Set(config.disableTags);
  return [...builtin, ...config.rules]
    .filter((r) => !disabled.has(r.id) && !(r.tags ?? []).some((t) => disabledTags.has(t)))
    .map((r) => {
      const o = config.ruleOverrides[r.id];
      if (o === undefined || (o.severity === undefined && o.entropy === undefined)) return r;
      return {
        ...r,
        ...(o.severity !== undefined ? { severity: o.severity } : {}),
        ...(o.entropy !== undefined ? { entropy: o.entropy } : {}),
      };
    });
}
