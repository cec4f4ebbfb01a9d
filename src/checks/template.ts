/**
 * Template checks on text already read: values must be placeholders (env-template-value), and,
 * when asked, a template and its env file must name the same variables (env-drift). Pure.
 */
import type { CommitInfo, Finding } from '../types.js';
import { type EnvEntry, parseEnv } from './env-parse.js';
import { judgeTemplateValue } from './env-values.js';
import { checkFinding } from './finding.js';
import { ENV_DRIFT, ENV_TEMPLATE_VALUE } from './rules.js';

/**
 * One finding per variable of `text` (a template at `path`) whose value looks real. Only
 * variables whose value lies within `lines` (1-based, inclusive ranges) are judged, when given:
 * a staged change is judged by what it adds.
 */
export function templateValueFindings(
  path: string,
  text: string,
  placeholders: readonly RegExp[],
  lines?: ReadonlyArray<readonly [number, number]>,
  /** The commit whose version of the template this is (range and history scans). */
  commit?: CommitInfo,
): Finding[] {
  const findings: Finding[] = [];
  const textLines = text.split('\n');
  for (const entry of parseEnv(text)) {
    if (lines !== undefined && !lines.some(([a, b]) => entry.valueLine <= b && a <= entry.endLine)) continue;
    const verdict = judgeTemplateValue(entry.key, entry.value, placeholders);
    if (verdict === undefined) continue;
    const what = verdict === 'url-password' ? 'a URL with a real-looking password' : 'a real-looking value (random, not a placeholder)';
    findings.push(
      checkFinding({
        rule: ENV_TEMPLATE_VALUE,
        path,
        message: `${entry.key} on line ${entry.line} of env template ${path} holds ${what}. Templates are committed: replace it with an empty value or a placeholder such as <${entry.key}>, and rotate it if it is a real credential`,
        at: { line: entry.valueLine, column: entry.valueColumn, endLine: entry.endLine, endColumn: entry.endColumn },
        identity: entry.key,
        value: entry.value,
        ...(commit === undefined ? {} : { commit }),
        // From the variable's line to its value's end: a `keyscan:allow` on any of them applies.
        lines: textLines.slice(entry.line - 1, entry.endLine).join('\n'),
      }),
    );
  }
  return findings;
}

/** An env file next to a template: where it is reported and what it holds. */
export interface EnvFileText {
  readonly path: string;
  readonly text: string;
}

/**
 * Variables the template names that none of the env files set, and variables the env files set
 * that the template does not name. Values are never looked at.
 */
export function driftFindings(template: EnvFileText, envFiles: readonly EnvFileText[]): Finding[] {
  if (envFiles.length === 0) return [];
  const templateEntries = firstByKey(parseEnv(template.text));
  const envEntries = envFiles.map((f) => ({ path: f.path, entries: firstByKey(parseEnv(f.text)) }));
  const envNames = envFiles.map((f) => f.path).join(' or ');
  const findings: Finding[] = [];
  for (const [key, entry] of templateEntries) {
    if (envEntries.some((e) => e.entries.has(key))) continue;
    findings.push(
      driftFinding(template.path, key, entry, `${key} is in env template ${template.path} but not set in ${envNames}: add it there`),
    );
  }
  const reported = new Set<string>();
  for (const env of envEntries) {
    for (const [key, entry] of env.entries) {
      if (templateEntries.has(key) || reported.has(key)) continue;
      reported.add(key);
      findings.push(
        driftFinding(
          env.path,
          key,
          entry,
          `${key} is set in ${env.path} but not named in env template ${template.path}: document it there with a placeholder`,
        ),
      );
    }
  }
  return findings;
}

function firstByKey(entries: readonly EnvEntry[]): Map<string, EnvEntry> {
  const map = new Map<string, EnvEntry>();
  for (const e of entries) if (!map.has(e.key)) map.set(e.key, e);
  return map;
}

function driftFinding(path: string, key: string, entry: EnvEntry, message: string): Finding {
  const column = entry.keyColumn;
  return checkFinding({
    rule: ENV_DRIFT,
    path,
    message,
    at: { line: entry.line, column, endLine: entry.line, endColumn: column + key.length },
    identity: key,
  });
}
