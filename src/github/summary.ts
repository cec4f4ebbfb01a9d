/**
 * The job summary (`GITHUB_STEP_SUMMARY`): what was scanned, a table of findings (redacted) with
 * links to the lines, and what to do next. Markdown in table cells is escaped: paths and messages
 * come from the scanned repository and must not be able to inject links or HTML.
 */
import type { ReportRule } from '../report/context.js';
import { plural } from '../report/text.js';
import type { Finding, ScanResult } from '../types.js';

/** A summary is capped at 1 MiB by GitHub; a few hundred rows stay far below it. */
const MAX_ROWS = 200;

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
}

export function renderSummary(input: SummaryInput): string {
  const { result } = input;
  const n = result.findings.length;
  const scanned =
    result.stats.commitsScanned !== undefined ? plural(result.stats.commitsScanned, 'commit') : plural(result.stats.filesScanned, 'file');
  const out: string[] = [];
  if (result.errors.length > 0) out.push(`## keyscan: scan incomplete (${plural(result.errors.length, 'path')} could not be scanned)`);
  else out.push(n === 0 ? '## keyscan: no secrets found' : `## keyscan: ${plural(n, 'secret')} found`);
  out.push('', `Scanned ${escapeText(input.scope)}: ${scanned}.`);
  for (const note of [...input.notes, ...result.warnings]) out.push('', `> ${escapeText(note)}`);
  if (n > 0) {
    out.push('', '| Severity | Rule | Location | Secret | Commit |', '| --- | --- | --- | --- | --- |');
    for (const f of result.findings.slice(0, MAX_ROWS)) out.push(row(f, input));
    if (n > MAX_ROWS) out.push('', `… and ${n - MAX_ROWS} more: see the SARIF report or run keyscan locally.`);
    out.push('', ...whatNow(result.findings, input.rules));
  }
  if (result.errors.length > 0) {
    out.push('', '**Not scanned:**', '');
    for (const e of result.errors.slice(0, 20)) out.push(`- ${code(e.path)}: ${escapeText(e.message)}`);
  }
  if (input.sarifPath !== undefined) out.push('', `SARIF report: ${code(input.sarifPath)}`);
  out.push('', `<sub>keyscan ${escapeText(input.version)} · secrets are redacted</sub>`, '');
  return out.join('\n');
}

function row(f: Finding, input: SummaryInput): string {
  const path = `${input.pathPrefix ?? ''}${f.path}`;
  const where = `${path}:${f.startLine}`;
  const at = f.commit ?? input.headSha;
  const location = input.repoUrl && at ? `[${code(where)}](${input.repoUrl}/blob/${at}/${encodePath(path)}#L${f.startLine})` : code(where);
  let commit = '';
  if (f.commit !== undefined) {
    const sha = f.commit.slice(0, 12);
    commit = input.repoUrl ? `[${code(sha)}](${input.repoUrl}/commit/${f.commit})` : code(sha);
    if (f.presentAtHead === false) commit += ' (removed later, still in history)';
  }
  return `| ${f.severity} | ${code(f.ruleId)} ${escapeText(f.message)} | ${location} | ${code(f.redacted)} | ${commit} |`;
}

function whatNow(findings: readonly Finding[], rules: readonly ReportRule[]): string[] {
  const fired = new Set(findings.map((f) => f.ruleId));
  const out = [
    '### What to do',
    '',
    '1. **Revoke the key first.** Once pushed, it has been exposed (clones, forks, CI logs, caches); removing it from the code or rewriting history does not make it safe again.',
    '2. **Rotate it**: issue a replacement and load it from a secret store or the environment, not from the repository.',
    '3. Remove it from the code. Purging history (`git filter-repo`) is optional cleanup after revoking, not a fix.',
    '4. A false positive? Add a `keyscan:allow` comment on the line, or record it in the baseline (`keyscan baseline`).',
    '',
  ];
  for (const rule of rules) {
    if (fired.has(rule.id) && rule.remediation !== undefined)
      out.push(`- ${code(rule.id)}: revoke at ${link(rule.remediation.revoke)}. ${escapeText(rule.remediation.rotate)}`);
  }
  return out;
}

/** Text in a markdown table cell: no HTML, links, emphasis or cell breaks. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/**
 * Inline code that survives any content: backticks and pipes become HTML entities inside a
 * `<code>` element (a backtick span cannot hold a pipe inside a table cell).
 */
export function code(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/[\r\n]+/g, ' ');
  return `<code>${escaped}</code>`;
}

/** An autolink for a plain https URL; anything else (a user rule's text) is escaped text. */
function link(url: string): string {
  return /^https:\/\/[^\s<>"'`|]+$/.test(url) ? `<${url}>` : escapeText(url);
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
