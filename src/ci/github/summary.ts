/**
 * The job summary (`GITHUB_STEP_SUMMARY`): what was scanned, a table of findings (redacted) with
 * links to the lines, what was skipped or silenced, and what to do next.
 *
 * Paths, messages and rule descriptions come from the scanned repository (or a pull request's
 * config), and GitHub renders the summary as GitHub-flavoured markdown with HTML: they must not
 * become links, images, HTML or table cells. Code goes into backtick spans, which GFM never
 * parses or autolinks inside; prose is entity-escaped, and `.`, `:` and `@` followed by text get
 * an empty HTML comment after them, because GitHub joins text (entities included) before it looks
 * for autolinks, and a comment is the one thing that keeps `www.`, `https:` and `a@b` apart.
 */
import type { ReportRule } from '../../report/context.js';
import { scannedCount } from '../../report/found-line.js';
import { liveness } from '../../report/liveness.js';
import { mdCode, mdText } from '../../report/markdown-escape.js';
import { foundSummary, plural, SUPPRESSED_LABEL, skipLabel } from '../../report/text.js';
import { type Finding, type InlineAllow, type ScanResult, SEVERITIES } from '../../types.js';
import type { ConfigChange } from '../plan.js';

/** A summary is capped at 1 MiB by GitHub; a few hundred rows stay far below it. */
const MAX_ROWS = 200;
const MAX_ALLOWS = 50;

export interface SummaryInput {
  readonly result: ScanResult;
  readonly rules: readonly ReportRule[];
  /** What was scanned, as a phrase: "the commits of pull request #3 (abc..def)". */
  readonly scope: string;
  /** Lines for the reader: fetches made, fallbacks taken. */
  readonly notes: readonly string[];
  /** `https://github.com/owner/name`, for links; undefined writes no links. */
  readonly repoUrl: string | undefined;
  /** The commit file links point at when a finding has none (the scanned head). */
  readonly headSha: string | undefined;
  readonly version: string;
  readonly sarifPath: string | undefined;
  readonly pathPrefix?: string;
  readonly configChange?: ConfigChange;
}

export function renderSummary(input: SummaryInput): string {
  const { result } = input;
  const n = result.findings.length;
  const scanned = scannedCount(result.stats);
  const out: string[] = [];
  if (result.errors.length > 0) out.push(`## keyscan: scan incomplete (${plural(result.errors.length, 'path')} could not be scanned)`);
  else out.push(`## keyscan: ${foundSummary(result.findings)}`);
  if (input.configChange !== undefined) out.push('', ...configBanner(input.configChange));
  out.push('', `Scanned ${escapeText(input.scope)}: ${scanned}.`);
  const counts = countLines(result);
  if (counts.length > 0) out.push('', counts.join('<br>\n'));
  for (const note of [...input.notes, ...result.warnings]) out.push('', `> ${escapeText(note)}`);
  if (n > 0) {
    out.push('', '| Severity | Rule | Location | Secret | Commit |', '| --- | --- | --- | --- | --- |');
    for (const f of bySeverity(result.findings).slice(0, MAX_ROWS)) out.push(row(f, input));
    if (n > MAX_ROWS) out.push('', `… and ${n - MAX_ROWS} more: see the SARIF report or run keyscan locally.`);
  }
  out.push(...allowList(result.inlineAllows ?? [], input));
  if (n > 0) out.push('', ...whatNow(result.findings, input.rules));
  if (result.errors.length > 0) {
    out.push('', '**Not scanned:**', '');
    for (const e of result.errors.slice(0, 20)) out.push(`- ${code(e.path)}: ${escapeText(e.message)}`);
  }
  if (input.sarifPath !== undefined) out.push('', `SARIF report: ${code(input.sarifPath)}`);
  out.push('', `<sub>keyscan ${escapeText(input.version)} · secrets are redacted</sub>`, '');
  return out.join('\n');
}

function configBanner(change: ConfigChange): string[] {
  const files = change.files.map((f) => code(f)).join(', ');
  const silenced = plural(change.silenced, 'finding');
  const base = code(change.baseSha.slice(0, 12));
  const said =
    change.used === 'base'
      ? `This check used the base commit's version (${base}). The pull request's version would silence ${silenced} that this check reports.`
      : `This check used the pull request's version (trust-pr-config is on). It silences ${silenced} that the base commit's version (${base}) reports.`;
  return [`> **This pull request changes keyscan's configuration:** ${files}.`, `> ${said}`];
}

/** Skipped files and silenced findings, every counter the scan keeps, so none hides in the raw log. */
function countLines(result: ScanResult): string[] {
  const lines: string[] = [];
  const skipped = Object.entries(result.stats.skipped).filter(([, v]) => typeof v === 'number' && v > 0);
  if (skipped.length > 0) lines.push(`**Skipped:** ${skipped.map(([k, v]) => `${v} ${escapeText(skipLabel(k))}`).join(', ')}`);
  const silenced = Object.entries(result.stats.suppressed).filter(([, v]) => typeof v === 'number' && v > 0);
  if (silenced.length > 0) {
    const label = (k: string): string => SUPPRESSED_LABEL[k as keyof typeof SUPPRESSED_LABEL] ?? k;
    lines.push(`**Silenced:** ${silenced.map(([k, v]) => `${v} ${escapeText(label(k))}`).join(', ')}`);
  }
  return lines;
}

/** Every `keyscan:allow` comment that silenced a finding, with its file and line, for the reviewer. */
function allowList(allows: readonly InlineAllow[], input: SummaryInput): string[] {
  if (allows.length === 0) return [];
  const out = ['', `**Silenced by \`keyscan:allow\` comments** (${allows.length}); check that each is a false positive:`, ''];
  for (const a of allows.slice(0, MAX_ALLOWS)) {
    out.push(`- ${location(a.path, a.line, a.commit, input, false)}: ${code(a.ruleId)}`);
  }
  if (allows.length > MAX_ALLOWS) out.push(`- … and ${allows.length - MAX_ALLOWS} more (see the JSON report's inlineAllows)`);
  return out;
}

/** Most severe first, then by path and line. */
function bySeverity(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.startLine - b.startLine);
}

function row(f: Finding, input: SummaryInput): string {
  let commit = '';
  if (f.commit !== undefined) {
    const sha = f.commit.slice(0, 12);
    commit = input.repoUrl ? `[${code(sha, true)}](${input.repoUrl}/commit/${encodeURIComponent(f.commit)})` : code(sha, true);
    const live = liveness(f);
    if (live !== undefined) commit += ` · ${escapeText(live)}`;
    else if (f.presentAtHead === false) commit += ' (removed later, still in history)';
  }
  // A check's finding (an env file) has no secret to show.
  const secret = f.source === 'check' ? '' : code(f.redacted, true);
  return `| ${f.severity} | ${code(f.ruleId, true)} ${escapeText(f.message)} | ${location(f.path, f.startLine, f.commit, input, true)} | ${secret} | ${commit} |`;
}

function location(path: string, line: number, commit: string | undefined, input: SummaryInput, inTable: boolean): string {
  const full = `${input.pathPrefix ?? ''}${path}`;
  const where = code(`${full}:${line}`, inTable);
  const at = commit ?? input.headSha;
  return input.repoUrl && at ? `[${where}](${input.repoUrl}/blob/${encodeURIComponent(at)}/${encodePath(full)}#L${line})` : where;
}

function whatNow(findings: readonly Finding[], rules: readonly ReportRule[]): string[] {
  const fired = new Set(findings.map((f) => f.ruleId));
  const out = [
    '### What to do',
    '',
    '1. **Revoke the key first.** Once pushed, it has been exposed (clones, forks, CI logs, caches); removing it from the code or rewriting history does not make it safe again.',
    '2. **Rotate it**: issue a replacement and load it from a secret store or the environment, not from the repository.',
    '3. Remove it from the code. Purging history (`git filter-repo`) is optional cleanup after revoking, not a fix.',
    "4. A false positive? Add a `keyscan:allow <rule-id>` comment on its line (listed here for the reviewer), or accept it in the baseline: run `npx keyscan baseline` and commit `.keyscan-baseline.json` to the base branch (a pull request's own baseline or config change does not silence its check).",
    '',
  ];
  for (const rule of rules) {
    if (fired.has(rule.id) && rule.remediation !== undefined)
      out.push(`- ${code(rule.id)}: revoke at ${link(rule.remediation.revoke)}. ${escapeText(rule.remediation.rotate)}`);
  }
  return out;
}

/** Prose from the repository: no HTML, links, images, emphasis or cell breaks (see markdown-escape.ts). */
export const escapeText = mdText;

/** A code span holding `text` literally; `inTable` escapes the pipes that would end a cell. */
export function code(text: string, inTable = false): string {
  return mdCode(text, inTable);
}

/** An autolink for a plain https URL; anything else (a user rule's text) is escaped text. */
function link(url: string): string {
  return /^https:\/\/[^\s<>"'`|()[\]\\]+$/.test(url) ? `<${url}>` : escapeText(url);
}

/** A path for a URL: every segment percent-encoded, parentheses and quotes too (they end a markdown link). */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
