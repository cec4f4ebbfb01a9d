import { type Finding, SEVERITIES, type Severity } from '../types.js';
import type { ReportContext, ReportRule } from './context.js';
import { secretTag } from './tag.js';

/**
 * The shape of the JSON report, documented by `schema/report.schema.json`. Raised when a field
 * changes meaning or goes away; new optional fields do not raise it.
 */
export const JSON_SCHEMA_VERSION = 2;

/**
 * The JSON report: `{ schemaVersion, version, findings, stats, errors, warnings, unusedAllows?,
 * inlineAllows? }`, stable key order, two-space indent. Findings carry their rule's `provider`
 * and `revoke` and a `tag`; `stats` counts the listed findings by severity, rule and provider.
 */
export function renderJson(ctx: ReportContext): string {
  const rules = new Map(ctx.rules.map((r) => [r.id, r]));
  const findings = ctx.result.findings;
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    version: ctx.version,
    findings: findings.map((f) => jsonFinding(f, rules.get(f.ruleId), ctx.reveal)),
    stats: { ...ctx.result.stats, ...counts(findings, rules) },
    errors: ctx.result.errors,
    warnings: ctx.result.warnings,
    ...(ctx.result.unusedAllows !== undefined ? { unusedAllows: ctx.result.unusedAllows } : {}),
    ...(ctx.result.inlineAllows !== undefined ? { inlineAllows: ctx.result.inlineAllows } : {}),
    ...(ctx.result.shard !== undefined ? { shard: ctx.result.shard } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function jsonFinding(f: Finding, rule: ReportRule | undefined, reveal: boolean): Record<string, unknown> {
  const { secret, ...fields } = f;
  const about = {
    provider: provider(rule),
    ...(rule?.remediation === undefined ? {} : { revoke: rule.remediation.revoke }),
    tag: secretTag(f.secretHash),
  };
  return reveal ? { ...fields, ...about, secret: secret.reveal() } : { ...fields, ...about };
}

/** Who issued the credential; a finding of a rule the report was not told about says so. */
function provider(rule: ReportRule | undefined): string {
  return rule?.provider ?? 'Unknown';
}

/** Counts of the listed findings: every severity (zeros too), and the rules and providers that fired, by name. */
function counts(
  findings: readonly Finding[],
  rules: ReadonlyMap<string, ReportRule>,
): { bySeverity: Record<Severity, number>; byRule: Record<string, number>; byProvider: Record<string, number> } {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule = new Map<string, number>();
  const byProvider = new Map<string, number>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const p = provider(rules.get(f.ruleId));
    byProvider.set(p, (byProvider.get(p) ?? 0) + 1);
  }
  return { bySeverity, byRule: sorted(byRule), byProvider: sorted(byProvider) };
}

function sorted(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
