import type { Finding } from '../types.js';
import type { ReportContext } from './context.js';

/** The JSON report: `{ version, findings, stats, errors, unusedAllows?, inlineAllows? }`, stable key order, two-space indent. */
export function renderJson(ctx: ReportContext): string {
  const report = {
    version: ctx.version,
    findings: ctx.result.findings.map((f) => jsonFinding(f, ctx.reveal)),
    stats: ctx.result.stats,
    errors: ctx.result.errors,
    warnings: ctx.result.warnings,
    ...(ctx.result.unusedAllows !== undefined ? { unusedAllows: ctx.result.unusedAllows } : {}),
    ...(ctx.result.inlineAllows !== undefined ? { inlineAllows: ctx.result.inlineAllows } : {}),
    ...(ctx.result.shard !== undefined ? { shard: ctx.result.shard } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function jsonFinding(f: Finding, reveal: boolean): Record<string, unknown> {
  const { secret, ...fields } = f;
  return reveal ? { ...fields, secret: secret.reveal() } : fields;
}
