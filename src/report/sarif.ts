import type { RuleSpec } from '../catalogue/spec.js';
import type { Finding, Severity } from '../types.js';
import { INFORMATION_URI } from '../version.js';
import { type ReportContext, shownSecret } from './context.js';

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

function ruleDescriptor(rule: RuleSpec): Record<string, unknown> {
  const refs = rule.references ?? [];
  const markdown = [
    `**${rule.description}** (${rule.provider})`,
    rule.partner ? `\n${rule.partner}` : '',
    '\n**What to do**',
    `1. Revoke it: ${rule.remediation.revoke}`,
    `2. Rotate it: ${rule.remediation.rotate}`,
    '3. Remove it from the code and load it from the environment or a secret manager.',
    '4. If it was ever committed, it stays in git history: revoking is what protects you; rewriting history only hides it.',
    refs.length > 0 ? `\n**Format**: ${refs.join(', ')}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const text = `${rule.description}. Revoke it (${rule.remediation.revoke}), then: ${rule.remediation.rotate}`;
  return {
    id: rule.id,
    name: pascalCase(rule.description),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.partner ? `${rule.description}. ${rule.partner}` : `${rule.description}.` },
    ...(refs[0] ? { helpUri: refs[0] } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'secret', ...(rule.tags ?? [])],
      precision: rule.tags?.includes('generic') ? 'medium' : 'high',
      'problem.severity': LEVEL[rule.severity] === 'note' ? 'recommendation' : LEVEL[rule.severity],
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
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
    partialFingerprints: { 'keyscan/v1': f.fingerprint },
  };
}

function resultMessage(f: Finding, reveal: boolean): string {
  const base = `${f.message}: ${shownSecret(f, reveal)}`;
  if (f.commit === undefined) return base;
  // Code scanning closes an alert once the file changes, but a committed secret stays in history.
  const head = f.presentAtHead === false ? ' It is no longer in the file, but it is still in git history: revoke it.' : '';
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
