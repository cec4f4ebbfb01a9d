import type { Finding, Severity } from '../types.js';
import { INFORMATION_URI } from '../version.js';
import { type ReportContext, type ReportRule, shownSecret } from './context.js';
import { liveness, onlyInHistory } from './liveness.js';
import { secretTag } from './tag.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning reads this as a CVSS-like score to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules that fired (each once, in catalogue
 * order) with help and security-severity, results with repository-relative URIs and
 * fingerprints that do not depend on line numbers.
 */
export function renderSarif(ctx: ReportContext): string {
  const fired = new Set(ctx.result.findings.map((f) => f.ruleId));
  const rules = ctx.rules.filter((r) => fired.has(r.id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'keyscan',
            semanticVersion: ctx.version,
            version: ctx.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        results: ctx.result.findings.map((f) => result(f, ruleIndex.get(f.ruleId) ?? 0, ctx.reveal)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: ReportRule): Record<string, unknown> {
  const refs = rule.references ?? [];
  const help = rule.help !== undefined ? { text: plainText(rule.help), markdown: rule.help } : revokeHelp(rule, refs);
  return {
    id: rule.id,
    name: pascalCase(rule.description),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.partner ? `${rule.description}. ${rule.partner}` : `${rule.description}.` },
    ...(refs[0] ? { helpUri: refs[0] } : {}),
    help,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'secret', ...(rule.tags ?? [])],
      precision: rule.tags?.includes('generic') ? 'medium' : 'high',
      'problem.severity': LEVEL[rule.severity] === 'note' ? 'recommendation' : LEVEL[rule.severity],
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

/** Help for a credential rule: what it is, how to revoke and rotate it. */
function revokeHelp(rule: ReportRule, refs: readonly string[]): { text: string; markdown: string } {
  const revoke = rule.remediation?.revoke ?? '';
  const rotate = rule.remediation?.rotate ?? '';
  const markdown = [
    `**${rule.description}** (${rule.provider})`,
    rule.partner ? `\n${rule.partner}` : '',
    '\n**What to do**',
    `1. Revoke it: ${revoke}`,
    `2. Rotate it: ${rotate}`,
    '3. Remove it from the code and load it from the environment or a secret manager.',
    '4. If it was ever committed, it stays in git history: revoking is what protects you; rewriting history only hides it.',
    refs.length > 0 ? `\n**Format**: ${refs.join(', ')}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { text: `${rule.description}. Revoke it (${revoke}), then: ${rotate}`, markdown };
}

/** Markdown help as one line of plain text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*|`/g, '')
    .replace(/\s*\n+\s*/g, ' ')
    .trim();
}

function result(f: Finding, ruleIndex: number, reveal: boolean): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: resultMessage(f, reveal) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.path) },
          region: { startLine: f.startLine, startColumn: f.startColumn, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { 'keyscan/v2': f.fingerprint },
    ...(f.liveAt === undefined ? {} : { properties: historyProperties(f) }),
  };
}

/** Where a history finding's secret still is, for tools that read SARIF rather than the message. */
function historyProperties(f: Finding): Record<string, unknown> {
  return {
    tag: secretTag(f.secretHash),
    liveAt: f.liveAt,
    ...(f.removedIn === undefined ? {} : { removedIn: f.removedIn }),
    ...(f.commit === undefined ? {} : { introducedIn: f.commit }),
  };
}

function resultMessage(f: Finding, reveal: boolean): string {
  // A check's finding holds no secret; its message already says what happened and what to do.
  const check = f.source === 'check';
  const base = check ? f.message : `${f.message}: ${shownSecret(f, reveal)}`;
  if (f.commit === undefined) return base;
  // Code scanning closes an alert once the file changes, but a committed secret stays in history.
  const live = liveness(f);
  const head = check
    ? ''
    : live !== undefined
      ? onlyInHistory(f)
        ? ` It is ${live}: no branch or tag holds it, but git history does: revoke it.`
        : ` It is ${live}.`
      : f.presentAtHead === false
        ? ' It is no longer in the file, but it is still in git history: revoke it.'
        : '';
  return `${base} (introduced in commit ${f.commit.slice(0, 12)}${f.date ? ` on ${f.date.slice(0, 10)}` : ''}).${head}`;
}

/** A relative URI reference: each path segment percent-encoded (spaces, unicode, `#`, `?`). */
export function toUri(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** SARIF wants a name that is an identifier and differs from the id: `JsonWebToken`. */
function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join('');
}
