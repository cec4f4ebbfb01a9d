import type { Finding, ScanResult, Severity, SkipCounts, SuppressedCounts } from '../types.js';
import { type ReportContext, type ReportRule, shownSecret } from './context.js';
import { escapeControl as clean, neutraliseCommands } from './escape.js';
import { groupFindings, type SecretGroup } from './group.js';
import { liveness, livenessWords } from './liveness.js';
import { pushHelp } from './push-help.js';
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
  unreadable: 'unreadable (--skip-unreadable)',
};

/** The words for a skip counter; a counter without its own words gets its name spelled out. */
export function skipLabel(key: string): string {
  const known = (SKIP_LABEL as Readonly<Record<string, string>>)[key];
  return known ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export const SUPPRESSED_LABEL: Record<keyof SuppressedCounts, string> = {
  inline: 'by keyscan:allow comments',
  allowlist: 'by config allowlists',
  baseline: 'by the baseline',
};

/**
 * The human report: one block per finding, then a summary of what was and was not scanned. Every
 * piece of text that comes from the scan (paths, rule descriptions, authors, messages) has its
 * control characters escaped, and no line can read as a CI workflow command.
 */
export function renderText(ctx: ReportContext): string {
  const paint = (style: string, s: string): string => (ctx.color ? `\u001b[${style}m${s}\u001b[0m` : s);
  const rules = new Map(ctx.rules.map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const g of groupFindings(ctx.result.findings)) lines.push(...groupBlock(g, rules, ctx.reveal, paint), '');
  lines.push(...summary(ctx.result, paint));
  if (ctx.prePush) lines.push(...pushHelp(ctx.result.findings, ctx.rules, paint));
  else if (ctx.staged ?? ctx.result.findings.some((f) => f.source === 'staged'))
    lines.push(...stagedHelp(ctx.result.findings, ctx.rules, paint));
  return neutraliseCommands(`${lines.join('\n')}\n`);
}

type Paint = (style: string, s: string) => string;

/** One secret: its first location in full, then every other place it was found. */
function groupBlock(g: SecretGroup, rules: ReadonlyMap<string, ReportRule>, reveal: boolean, paint: Paint): string[] {
  const [first, ...others] = g.findings;
  // With refs computed, the secret's liveness is over all its locations.
  const live = g.findings.some((f) => f.liveAt !== undefined) ? livenessWords(g.liveness) : undefined;
  const block = findingBlock(first, rules.get(first.ruleId), reveal, paint, g.tag, live);
  if (others.length === 0) return block;
  const at = others
    .slice(0, 20)
    .map((f) => `${clean(f.path)}:${f.startLine}:${f.startColumn}${f.ruleId === first.ruleId ? '' : ` (${clean(f.ruleId)})`}`);
  if (others.length > 20) at.push(`… and ${others.length - 20} more (see --format json)`);
  block.splice(3, 0, `         also at: ${at.join(', ')}`);
  return block;
}

function findingBlock(
  f: Finding,
  rule: ReportRule | undefined,
  reveal: boolean,
  paint: Paint,
  tag: string,
  live: string | undefined,
): string[] {
  const where = `${clean(f.path)}:${f.startLine}:${f.startColumn}`;
  const block = [
    `${paint(SEVERITY_STYLE[f.severity], f.severity.toUpperCase().padEnd(8))} ${paint('1', where)}  ${paint('2', clean(f.ruleId))}`,
    `         ${clean(f.message)}`,
  ];
  // A check's finding (an env file) holds no secret to show; its message says what to do.
  if (f.source !== 'check') block.push(`         secret: ${clean(shownSecret(f, reveal))} ${tag}`);
  if (f.commit !== undefined) block.push(`         ${provenance(f, live)}`);
  if (rule?.remediation) block.push(`         revoke: ${clean(rule.remediation.revoke)}`);
  return block;
}

/** Where in history a secret came from: what an auditor reads first. */
function provenance(f: Finding, live: string | undefined): string {
  const who = f.author ? ` by ${clean(f.author)}${f.authorEmail ? ` <${clean(f.authorEmail)}>` : ''}` : '';
  const when = f.date ? ` on ${f.date.slice(0, 10)}` : '';
  const count = f.commitCount !== undefined && f.commitCount > 1 ? ` · added in ${f.commitCount} commits` : '';
  // A group's liveness covers all its locations; a lone finding's is its own.
  const words = live ?? liveness(f);
  const head =
    words !== undefined
      ? ` · ${clean(words)}`
      : f.presentAtHead === undefined
        ? ''
        : f.presentAtHead
          ? ' · still in the file at HEAD'
          : ' · no longer at HEAD (still in history)';
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
    const secrets = findings.filter((f) => f.source !== 'check');
    const distinct = new Set(secrets.map((f) => f.secretHash)).size;
    const grouped = distinct < secrets.length ? ` · ${plural(distinct, 'distinct secret')}` : '';
    out.push(`${paint('1;31', foundSummary(findings))} (${detail})${grouped} · scanned ${scanned}`);
  }
  const skipped = (Object.keys(stats.skipped) as Array<keyof SkipCounts>).filter((k) => stats.skipped[k] > 0);
  if (skipped.length > 0) out.push(`Skipped: ${skipped.map((k) => `${stats.skipped[k]} ${skipLabel(k)}`).join(', ')}`);
  if (stats.lfsPointers !== undefined && stats.lfsPointers > 0) {
    out.push(
      `Git LFS: ${plural(stats.lfsPointers, 'pointer file')} scanned as committed (the content they stand for is not in the repository)`,
    );
  }
  const silenced = (Object.keys(SUPPRESSED_LABEL) as Array<keyof SuppressedCounts>).filter((k) => stats.suppressed[k] > 0);
  if (silenced.length > 0) {
    out.push(`Silenced: ${silenced.map((k) => `${stats.suppressed[k]} ${SUPPRESSED_LABEL[k]}`).join(', ')}`);
  }
  const unused = result.unusedAllows ?? [];
  if (unused.length > 0) {
    out.push(paint('33', `${plural(unused.length, 'keyscan:allow comment')} silenced nothing (remove them):`));
    for (const u of unused.slice(0, 50)) out.push(`  ${clean(u.path)}:${u.line}${u.commit ? ` (${u.commit.slice(0, 12)})` : ''}`);
    if (unused.length > 50) out.push(`  … and ${unused.length - 50} more (see --format json)`);
  }
  if (errors.length > 0) {
    out.push(paint('1;31', `${plural(errors.length, 'path')} could not be scanned:`));
    for (const e of errors.slice(0, 20)) out.push(`  ${clean(e.path)}: ${clean(e.message)}`);
    if (errors.length > 20) out.push(`  … and ${errors.length - 20} more (see --format json)`);
  }
  for (const w of result.warnings) out.push(paint('33', `Warning: ${clean(w)}`));
  return out;
}

function countBy<T>(items: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

/** `2 secrets found`, `1 secret and 1 env-file issue found`: env-file checks are not secrets. */
export function foundSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no secrets found';
  const checks = findings.filter((f) => f.source === 'check').length;
  const secrets = findings.length - checks;
  const parts = [secrets > 0 ? plural(secrets, 'secret') : '', checks > 0 ? plural(checks, 'env-file issue') : ''];
  return `${parts.filter((p) => p !== '').join(' and ')} found`;
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
