/**
 * The rules reference (docs/rules.md), rendered from the catalogue so it cannot drift from it:
 * one table per family (a rule's first tag, alphabetically), rules in catalogue order.
 */
import type { RuleSpec } from '../../src/catalogue/spec.js';

/** Text safe inside a Markdown table cell: no line breaks, no cell separators. */
const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** Keywords as code spans; backticks inside a keyword need a longer fence. */
const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

function matches(rule: RuleSpec): string {
  // Spaces, not commas: a `name`, `value` list reads like an assignment to the generic rule.
  const keywords = rule.keywords.map(code).join(' ');
  const extras = [rule.validator === undefined ? '' : `checked by \`${rule.validator}\``, rule.partner ?? ''].filter((s) => s !== '');
  return cell([`${rule.description}; near ${keywords}`, ...extras].join('. '));
}

function revoke(rule: RuleSpec): string {
  const url = rule.remediation.revoke;
  return /^https?:\/\//.test(url) ? `[${cell(url.replace(/^https?:\/\//, ''))}](${url})` : cell(url);
}

export function renderRulesMarkdown(rules: readonly RuleSpec[]): string {
  const families = new Map<string, RuleSpec[]>();
  for (const rule of rules) {
    const family = rule.tags?.[0] ?? 'other';
    families.set(family, [...(families.get(family) ?? []), rule]);
  }
  const providers = new Set(rules.map((r) => r.provider)).size;
  const out = [
    '# Rules reference',
    '',
    '<!-- Generated from the catalogue by `npm run docs:rules`; do not edit by hand. -->',
    '',
    `keyscan ships ${rules.length} rules for ${providers} providers, grouped here by family. "Matches" names the`,
    'credential and the literal text (lower-cased) that must occur near it; `keyscan rules --json` prints',
    "every rule's full pattern, and each finding's help says how to rotate the credential.",
    '',
    ...[...families.keys()].sort().map((f) => `- [${f}](#${f}) (${families.get(f)?.length ?? 0})`),
  ];
  const sorted = [...families].sort(([a], [b]) => a.localeCompare(b));
  for (const [family, list] of sorted) {
    out.push('', `## ${family}`, '', '| Rule | Provider | Severity | Matches | Revoke |', '| --- | --- | --- | --- | --- |');
    for (const rule of list) {
      out.push(`| \`${rule.id}\` | ${cell(rule.provider)} | ${rule.severity} | ${matches(rule)} | ${revoke(rule)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
