/**
 * GitHub Actions annotations: one workflow command per finding, which GitHub shows on the file
 * and line (in a pull request's diff when the line is part of it).
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 */

import type { ReportRule } from '../../report/context.js';
import { escapeControl } from '../../report/escape.js';
import { liveness, onlyInHistory } from '../../report/liveness.js';
import type { Finding, Severity } from '../../types.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

const LEVEL: Record<Severity, AnnotationLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

/** GitHub keeps at most this many annotations of each level per step and drops the rest. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface AnnotationOptions {
  /** Prepended to paths when the repository is not the workspace root (`actions/checkout` `path:`). */
  readonly pathPrefix?: string;
}

/**
 * The annotations for `findings`, one line each, redacted. Past GitHub's per-level limit, one
 * notice says how many more there are and where to see them.
 */
export function renderAnnotations(findings: readonly Finding[], rules: readonly ReportRule[], options: AnnotationOptions = {}): string {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  const lines: string[] = [];
  for (const f of findings) {
    const level = LEVEL[f.severity];
    // Keep one notice slot for the line that says how many were left out.
    const limit = level === 'notice' ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    if (counts[level] >= limit) {
      dropped++;
      continue;
    }
    counts[level]++;
    lines.push(annotation(level, f, byId.get(f.ruleId), options.pathPrefix ?? ''));
  }
  if (dropped > 0) {
    lines.push(
      workflowCommand(
        'notice',
        { title: 'keyscan' },
        `${dropped} more finding${dropped === 1 ? '' : 's'} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level): see the job summary or the SARIF report.`,
      ),
    );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function annotation(level: AnnotationLevel, f: Finding, rule: ReportRule | undefined, prefix: string): string {
  const props: Record<string, string> = { file: `${prefix}${f.path}`, line: String(f.startLine), endLine: String(f.endLine) };
  // GitHub accepts columns only on a one-line annotation.
  if (f.startLine === f.endLine) {
    props.col = String(f.startColumn);
    props.endColumn = String(Math.max(f.startColumn, f.endColumn - 1));
  }
  // A check's finding (an env file) has no secret: its title is the check, its message says what happened.
  props.title = `keyscan: ${f.source === 'check' ? (rule?.description ?? f.ruleId) : f.message}`;
  const parts = [f.source === 'check' ? `${f.ruleId}: ${sentence(f.message, rule)}` : `${f.ruleId}: ${f.redacted}.`];
  if (f.commit !== undefined) {
    parts.push(`Introduced in ${f.commit.slice(0, 12)}${f.date ? ` on ${f.date.slice(0, 10)}` : ''}.`);
    const live = liveness(f);
    if (live !== undefined)
      parts.push(onlyInHistory(f) ? `It is ${live}: no branch or tag holds it, but git history does.` : `It is ${live}.`);
    else if (f.presentAtHead === false) parts.push('A later commit removed it, but it is still in git history.');
  }
  if (f.source === 'check') parts.push(`See keyscan rules for ${f.ruleId}: how to fix it.`);
  else parts.push(rule?.remediation ? `Revoke it first (${rule.remediation.revoke}), then rotate it.` : 'Revoke it first, then rotate it.');
  // The path, title and message come from the repository: no control characters reach the log, a
  // terminal or the UI (a path holding one cannot be placed on its file; such a path is an attack).
  for (const [k, v] of Object.entries(props)) props[k] = escapeControl(v);
  return workflowCommand(level, props, escapeControl(parts.join(' ')));
}

/** A check's message as a sentence; an empty one (env-file-committed) says what the check found. */
function sentence(message: string, rule: ReportRule | undefined): string {
  const text = message.trim() === '' ? (rule?.description ?? 'env-file check') : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** `::level k=v,…::message`, escaped as GitHub's toolkit does. */
export function workflowCommand(name: string, properties: Readonly<Record<string, string>>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

/** Message escaping (actions/toolkit `escapeData`): `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property escaping (actions/toolkit `escapeProperty`): also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
