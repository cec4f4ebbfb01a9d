/**
 * `--format markdown`: the audit report as a document for an issue, a merge request comment or a
 * wiki page, rendered alike by GitHub and GitLab. The same content as the HTML report, in tables
 * and lists; repository text is escaped (see markdown-escape.ts).
 */
import { type Audit, type AuditSecret, authorOf, buildAudit, type MonthCount, NO_AUTHOR, type Tally } from './audit.js';
import type { ReportContext } from './context.js';
import { blobUrl, commitUrl, type Forge } from './forge.js';
import { mdCode, mdLink, mdText } from './markdown-escape.js';
import { formatBytes, plural, SUPPRESSED_LABEL, skipLabel } from './text.js';

const MAX_LOCATIONS = 12;
const MAX_SECRETS = 500;

export function renderMarkdown(ctx: ReportContext): string {
  const audit = buildAudit(ctx);
  const out: string[] = [];
  const repo = ctx.forge ? ` · ${mdLink(mdCode(ctx.forge.url.replace(/^https:\/\//, '')), ctx.forge.url)}` : '';
  out.push(`# Secrets audit${repo}`, '', verdict(ctx, audit), '');
  out.push(...headline(audit), '');
  out.push(...timeline(audit.months));
  out.push(...tally('By provider', 'Provider', audit.byProvider, false));
  out.push(...tally('By severity', 'Severity', audit.bySeverity, false));
  if (audit.byAuthor.some((t) => t.name !== NO_AUTHOR)) out.push(...tally('By author', 'Introduced by', audit.byAuthor, false));
  out.push(...tally('By path', 'Path', audit.byPath, true));
  out.push('## Secrets', '');
  if (audit.secrets.length === 0) out.push('No secrets found.', '');
  for (const [i, s] of audit.secrets.slice(0, MAX_SECRETS).entries()) out.push(...secret(i + 1, s, ctx.forge), '');
  if (audit.secrets.length > MAX_SECRETS)
    out.push(`… and ${audit.secrets.length - MAX_SECRETS} more secrets (see --format json or html).`, '');
  if (audit.issues.length > 0) {
    out.push('## Env-file issues', '', '| Severity | Path | Check | What to do |', '|---|---|---|---|');
    for (const f of audit.issues)
      out.push(`| ${f.severity} | ${mdCode(`${f.path}:${f.startLine}`)} | ${mdCode(f.ruleId)} | ${mdText(f.message)} |`);
    out.push('');
  }
  out.push(...notes(ctx));
  out.push(
    `<sub>keyscan ${ctx.version} · secrets are ${ctx.reveal ? 'shown IN FULL (--no-redact)' : 'redacted'}; a tag such as ${mdCode('#a1b2c3')} comes from a keyed hash and tells them apart without revealing them</sub>`,
    '',
  );
  return out.join('\n');
}

function verdict(ctx: ReportContext, audit: Audit): string {
  const { stats } = ctx.result;
  const scope =
    stats.commitsScanned !== undefined
      ? `${plural(stats.commitsScanned, 'commit')} (${plural(stats.filesScanned, 'file change')}, ${formatBytes(stats.bytesScanned)})`
      : `${plural(stats.filesScanned, 'file')} (${formatBytes(stats.bytesScanned)})`;
  const { live, secrets } = audit.headline;
  const bold =
    ctx.result.errors.length > 0
      ? `Scan incomplete: ${plural(ctx.result.errors.length, 'path')} could not be scanned.`
      : live > 0
        ? `${plural(live, 'live secret')} to revoke and rotate today.`
        : secrets > 0
          ? `${plural(secrets, 'secret')} in history: revoke them too.`
          : 'No secrets found.';
  return `**${mdText(bold)}** Scanned ${mdText(scope)} with keyscan ${ctx.version}.`;
}

function headline(audit: Audit): string[] {
  const h = audit.headline;
  const span = h.firstDate === undefined ? '—' : h.firstDate === h.lastDate ? h.firstDate : `${h.firstDate} – ${h.lastDate}`;
  const scanned = h.commitsScanned !== undefined ? ['Commits scanned', h.commitsScanned] : ['Files scanned', h.filesScanned];
  return [
    `| Distinct secrets | Live | Providers | Locations | ${scanned[0]} | Introduced between |`,
    '|---:|---:|---:|---:|---:|---|',
    `| ${h.secrets} | ${h.live} | ${h.providers} | ${h.locations} | ${scanned[1]} | ${mdText(span)} |`,
  ];
}

function timeline(months: readonly MonthCount[]): string[] {
  if (months.length === 0) return [];
  const max = Math.max(1, ...months.map((m) => m.live + m.history));
  const bar = (n: number, c: string): string => c.repeat(Math.round((20 * n) / max));
  const rows = months.map((m) => `| ${m.month} | ${m.live} | ${m.history} | ${bar(m.live, '█')}${bar(m.history, '░')} |`);
  return ['## Introductions by month', '', '| Month | Live | Only in history | |', '|---|---:|---:|---|', ...rows, ''];
}

function tally(title: string, column: string, rows: readonly Tally[], code: boolean): string[] {
  if (rows.length === 0) return [];
  const name = (t: Tally): string => (code ? mdCode(t.name) : mdText(t.name));
  return [
    `## ${title}`,
    '',
    `| ${column} | Secrets | Live | Locations | Worst |`,
    '|---|---:|---:|---:|---|',
    ...rows.map((t) => `| ${name(t)} | ${t.secrets} | ${t.live} | ${t.locations} | ${t.worst} |`),
    '',
  ];
}

function secret(n: number, s: AuditSecret, forge: Forge | undefined): string[] {
  const { group, rule } = s;
  const first = group.findings[0];
  const status = mdText(s.livenessText);
  const lines = [
    `### ${n}. ${group.severity.toUpperCase()} · ${mdText(s.provider)} · ${mdCode(s.shown)} ${mdCode(group.tag)} · ${status}`,
    '',
  ];
  lines.push(`- **Rule:** ${group.ruleIds.map((id) => mdCode(id)).join(', ')}${rule ? ` (${mdText(rule.description)})` : ''}`);
  const locations = group.findings.slice(0, MAX_LOCATIONS).map((f) => {
    const url = forge && f.commit ? blobUrl(forge, f.commit, f.path, f.startLine) : undefined;
    return mdLink(mdCode(`${f.path}:${f.startLine}`), url);
  });
  if (group.findings.length > MAX_LOCATIONS) locations.push(`and ${group.findings.length - MAX_LOCATIONS} more`);
  lines.push(`- **${group.findings.length === 1 ? 'Location' : 'Locations'}:** ${locations.join(', ')}`);
  const intro = group.introduced ?? (first.commit ? first : undefined);
  if (intro?.commit) {
    const sha = mdLink(mdCode(intro.commit.slice(0, 12)), forge ? commitUrl(forge, intro.commit) : undefined);
    const who = intro.author ? ` by ${mdText(authorOf(intro))}` : '';
    const when = intro.date ? ` on ${mdText(intro.date.slice(0, 10))}` : '';
    lines.push(`- **Introduced:** ${sha}${who}${when}`);
  }
  const revoke = rule?.remediation?.revoke;
  if (revoke) lines.push(`- **Revoke:** ${/^https:\/\/[^\s<>"'`|()[\]\\]+$/.test(revoke) ? `<${revoke}>` : mdText(revoke)}`);
  if (rule?.remediation?.rotate) lines.push(`- **Rotate:** ${mdText(rule.remediation.rotate)}`);
  return lines;
}

function notes(ctx: ReportContext): string[] {
  const { stats, errors, warnings } = ctx.result;
  const items: string[] = [];
  for (const e of errors.slice(0, 50)) items.push(`- **Not scanned:** ${mdCode(e.path, false)}: ${mdText(e.message)}`);
  if (errors.length > 50) items.push(`- … and ${errors.length - 50} more paths not scanned (see --format json)`);
  const skipped = Object.entries(stats.skipped).filter(([, n]) => n > 0);
  if (skipped.length > 0) items.push(`- Skipped: ${mdText(skipped.map(([k, n]) => `${n} ${skipLabel(k)}`).join(', '))}`);
  const silenced = (Object.keys(SUPPRESSED_LABEL) as Array<keyof typeof SUPPRESSED_LABEL>).filter((k) => stats.suppressed[k] > 0);
  if (silenced.length > 0)
    items.push(`- Silenced: ${mdText(silenced.map((k) => `${stats.suppressed[k]} ${SUPPRESSED_LABEL[k]}`).join(', '))}`);
  for (const w of warnings) items.push(`- ${mdText(w)}`);
  return items.length === 0 ? [] : ['## About this scan', '', ...items, ''];
}
