/**
 * The rules reference (docs/rules.md), rendered from the catalogue so it cannot drift from it:
 * one table per family (a rule's first tag, alphabetically), rules in catalogue order.
 */
import { keywordsOf, type RuleSpec } from '../../src/catalogue/spec.js';
import type { TopProvider } from './top-providers.js';

/** Text safe inside a Markdown table cell: no line breaks, no cell separators. */
const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** Keywords as code spans; backticks inside a keyword need a longer fence. */
const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

function matches(rule: RuleSpec): string {
  // Spaces, not commas: a `name`, `value` list reads like an assignment to the generic rule.
  const keywords = keywordsOf(rule).map(code).join(' ');
  // A rule without keywords reads the whole of every file its path condition admits.
  const where = keywords === '' ? 'the whole file' : `near ${keywords}`;
  const extras = [rule.validator === undefined ? '' : `checked by \`${rule.validator}\``, rule.partner ?? ''].filter((s) => s !== '');
  return cell([`${rule.description}; ${where}`, ...extras].join('. '));
}

function revoke(rule: RuleSpec): string {
  const url = rule.remediation.revoke;
  return /^https?:\/\//.test(url) ? `[${cell(url.replace(/^https?:\/\//, ''))}](${url})` : cell(url);
}

/** The section on the 100 most-used providers: each with its rules and the external detectors that test it. */
function topProvidersSection(top: readonly TopProvider[]): string[] {
  return [
    '',
    `## The ${top.length} most-used providers`,
    '',
    'The providers most teams hold keys for (`bench/external-recall/top-providers.json`). `npm run bench:external-recall`',
    'reports recall over the test cases other scanners ship for them (the detectors named here), per provider.',
    '',
    '| # | Provider | Family | Rules | External detectors |',
    '| --- | --- | --- | --- | --- |',
    ...top.map(
      (p, i) =>
        `| ${i + 1} | ${cell(p.name)} | ${p.family} | ${p.rules.map(code).join(' ')} | ${p.external.length > 0 ? p.external.map(code).join(' ') : 'none'} |`,
    ),
  ];
}

export function renderRulesMarkdown(rules: readonly RuleSpec[], top: readonly TopProvider[] = []): string {
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
    'credential and the literal text (lower-cased, unless a rule needs its case) that must occur near it; `keyscan rules --json` prints',
    "every rule's full pattern, and each finding's help says how to rotate the credential.",
    '',
    ...[...families.keys()].sort().map((f) => `- [${f}](#${f}) (${families.get(f)?.length ?? 0})`),
    ...(top.length > 0 ? [`- [the ${top.length} most-used providers](#the-${top.length}-most-used-providers)`] : []),
  ];
  const sorted = [...families].sort(([a], [b]) => a.localeCompare(b));
  for (const [family, list] of sorted) {
    out.push('', `## ${family}`, '', '| Rule | Provider | Severity | Matches | Revoke |', '| --- | --- | --- | --- | --- |');
    for (const rule of list) {
      out.push(`| \`${rule.id}\` | ${cell(rule.provider)} | ${rule.severity} | ${matches(rule)} | ${revoke(rule)} |`);
    }
  }
  if (top.length > 0) out.push(...topProvidersSection(top));
  return `${out.join('\n')}\n`;
}
