import type { RuleSpec } from '../catalogue/spec.js';
import type { Finding, ScanResult, Severity, SkipCounts } from '../types.js';
import { type ReportContext, shownSecret } from './context.js';
import { stagedHelp } from './staged-help.js';

const SEVERITY_STYLE: Record<Severity, string> = {
  critical: '1;31',
  high: '31',
  medium: '33',
  low: '36',
  info: '2',
};

const SKIP_LABEL: Record<keyof SkipCounts, string> = {
  binary: 'binary',
  tooLarge: 'over --max-file-size',
  symlink: 'symbolic links (not followed)',
  notRegular: 'not regular files',
  excluded: 'excluded by config',
  deleted: 'deleted from the work tree',
  submodule: 'submodules or nested repositories (not descended into)',
};

/** The human report: one block per finding, then a summary of what was and was not scanned. */
export function renderText(ctx: ReportContext): string {
  const paint = (style: string, s: string): string => (ctx.color ? `\u001b[${style}m${s}\u001b[0m` : s);
  const rules = new Map(ctx.rules.map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const f of ctx.result.findings) lines.push(...findingBlock(f, rules.get(f.ruleId), ctx.reveal, paint), '');
  lines.push(...summary(ctx.result, paint));
  if (ctx.result.findings[0]?.source === 'staged') lines.push(...stagedHelp(ctx.result.findings, ctx.rules, paint));
  return `${lines.join('\n')}\n`;
}

type Paint = (style: string, s: string) => string;

function findingBlock(f: Finding, rule: RuleSpec | undefined, reveal: boolean, paint: Paint): string[] {
  const where = `${f.path}:${f.startLine}:${f.startColumn}`;
  const block = [
    `${paint(SEVERITY_STYLE[f.severity], f.severity.toUpperCase().padEnd(8))} ${paint('1', where)}  ${paint('2', f.ruleId)}`,
    `         ${f.message}`,
    `         secret: ${shownSecret(f, reveal)}`,
  ];
  if (f.commit !== undefined) block.push(`         ${provenance(f)}`);
  if (rule) block.push(`         revoke: ${rule.remediation.revoke}`);
  return block;
}

/** Where in history a secret came from: what an auditor reads first. */
function provenance(f: Finding): string {
  const who = f.author ? ` by ${f.author}${f.authorEmail ? ` <${f.authorEmail}>` : ''}` : '';
  const when = f.date ? ` on ${f.date.slice(0, 10)}` : '';
  const count = f.commitCount !== undefined && f.commitCount > 1 ? ` · added in ${f.commitCount} commits` : '';
  const head =
    f.presentAtHead === undefined ? '' : f.presentAtHead ? ' · still in the file at HEAD' : ' · no longer at HEAD (still in history)';
  return `introduced in ${f.commit?.slice(0, 12)}${who}${when}${count}${head}`;
}

function summary(result: ScanResult, paint: Paint): string[] {
  const { stats, findings, errors } = result;
  const bytes = formatBytes(stats.bytesScanned);
  const what =
    stats.commitsScanned !== undefined
      ? `${plural(stats.commitsScanned, 'commit')} (${plural(stats.filesScanned, 'file change')}, ${bytes})`
      : `${plural(stats.filesScanned, 'file')} (${bytes})`;
  const scanned = `${what} in ${(stats.durationMs / 1000).toFixed(2)}s`;
  const out: string[] = [];
  if (findings.length === 0 && errors.length === 0) out.push(`${paint('32', 'No secrets found')} · scanned ${scanned}`);
  else if (findings.length === 0) out.push(`${paint('1;31', 'Scan incomplete')}: no secrets in what was read · scanned ${scanned}`);
  else {
    const bySeverity = countBy(findings.map((f) => f.severity));
    const detail = (['critical', 'high', 'medium', 'low', 'info'] as const)
      .filter((s) => bySeverity.has(s))
      .map((s) => `${bySeverity.get(s)} ${s}`)
      .join(', ');
    out.push(`${paint('1;31', `${plural(findings.length, 'secret')} found`)} (${detail}) · scanned ${scanned}`);
  }
  const skipped = (Object.keys(stats.skipped) as Array<keyof SkipCounts>).filter((k) => stats.skipped[k] > 0);
  if (skipped.length > 0) out.push(`Skipped: ${skipped.map((k) => `${stats.skipped[k]} ${SKIP_LABEL[k]}`).join(', ')}`);
  if (errors.length > 0) {
    out.push(paint('1;31', `${plural(errors.length, 'path')} could not be scanned:`));
    for (const e of errors.slice(0, 20)) out.push(`  ${e.path}: ${e.message}`);
    if (errors.length > 20) out.push(`  … and ${errors.length - 20} more (see --format json)`);
  }
  for (const w of result.warnings) out.push(paint('33', `Warning: ${w}`));
  return out;
}

function countBy<T>(items: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
