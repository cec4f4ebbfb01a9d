import { isValidatorName, VALIDATOR_NAMES } from '../engine/validators.js';
import { SEVERITIES } from '../types.js';
import { toRegExp } from './compile.js';
import { expandExample, seededRandom } from './examples.js';
import { isDistinctivePrefix, type RuleSpec } from './spec.js';

const KNOWN_KEYS = new Set([
  'id',
  'description',
  'provider',
  'severity',
  'regex',
  'keywords',
  'keywordsExact',
  'entropy',
  'maxLength',
  'path',
  'allowLine',
  'allowSecret',
  'remediation',
  'references',
  'tags',
  'partner',
  'validator',
  'examples',
  'owns',
]);

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isPattern = (v: unknown): boolean => isString(v) || v instanceof RegExp;
const isBits = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 8;
const CHARSETS = new Set(['hex', 'alnum', 'base64', 'other']);
const isEntropy = (v: unknown): boolean =>
  isBits(v) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(v).every(([k, n]) => CHARSETS.has(k) && isBits(n)));

/**
 * Checks a rule's shape and returns every problem found (empty when valid). Used for the
 * built-in catalogue in tests and for users' rules when a config file is loaded.
 */
export function validateRuleSpec(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['a rule must be an object'];
  const rule = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(rule)) if (!KNOWN_KEYS.has(key)) problems.push(`unknown key "${key}"`);

  if (!isString(rule.id) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) problems.push('"id" must be kebab-case (a-z, 0-9, -)');
  for (const key of ['description', 'provider'] as const) {
    if (!isString(rule[key]) || rule[key].trim() === '') problems.push(`"${key}" must be a non-empty string`);
  }
  if (!SEVERITIES.includes(rule.severity as never)) problems.push(`"severity" must be one of ${SEVERITIES.join(', ')}`);
  if (!isPattern(rule.regex)) problems.push('"regex" must be a string');
  else {
    try {
      toRegExp(rule.regex as RegExp | string, 'regex');
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  problems.push(...pathProblems(rule));
  // Both lists: keywords at least two characters long; the plain ones lowercase too.
  for (const [key, list] of [
    ['keywords', rule.keywords],
    ['keywordsExact', rule.keywordsExact],
  ] as const) {
    if (list === undefined && key === 'keywordsExact') continue;
    if (!isStringArray(list)) {
      problems.push(`"${key}" must be a list of strings`);
      continue;
    }
    for (const k of list) {
      if (k.length < 2) problems.push(`keyword "${k}" is too short to prefilter anything (2 characters at least)`);
      if (key === 'keywords' && k !== k.toLowerCase()) problems.push(`keyword "${k}" must be lowercase`);
    }
  }
  if (rule.entropy !== undefined && !isEntropy(rule.entropy)) {
    problems.push(
      '"entropy" must be a number from 0 to 8 (bits per character), or an object of such numbers keyed by hex, alnum, base64, other',
    );
  }
  if (rule.validator !== undefined && !isValidatorName(rule.validator)) {
    problems.push(`"validator" must be one of ${VALIDATOR_NAMES.join(', ')}`);
  }
  if (
    rule.maxLength !== undefined &&
    (!Number.isInteger(rule.maxLength) || (rule.maxLength as number) < 8 || (rule.maxLength as number) > 1_000_000)
  ) {
    problems.push('"maxLength" must be a whole number from 8 to 1000000');
  }
  for (const key of ['allowLine', 'allowSecret'] as const) {
    const list = rule[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every(isPattern)) problems.push(`"${key}" must be a list of patterns`);
    else
      list.forEach((p, i) => {
        try {
          toRegExp(p as RegExp | string, `${key}[${i}]`);
        } catch (e) {
          problems.push((e as Error).message);
        }
      });
  }
  problems.push(...ownsProblems(rule.owns));
  const remediation = rule.remediation as Record<string, unknown> | undefined;
  if (typeof remediation !== 'object' || remediation === null || !isString(remediation.revoke) || !isString(remediation.rotate)) {
    problems.push('"remediation" must have "revoke" (a URL) and "rotate" (text)');
  } else if (!/^https:\/\//.test(remediation.revoke)) problems.push('"remediation.revoke" must be an https URL');
  if (rule.references !== undefined && (!isStringArray(rule.references) || !rule.references.every((r) => /^https:\/\//.test(r)))) {
    problems.push('"references" must be a list of https URLs');
  }
  if (rule.tags !== undefined && !isStringArray(rule.tags)) problems.push('"tags" must be a list of strings');
  if (rule.partner !== undefined && !isString(rule.partner)) problems.push('"partner" must be a string');
  const examples = rule.examples as Record<string, unknown> | undefined;
  if (typeof examples !== 'object' || examples === null || !isStringArray(examples.positive) || !isStringArray(examples.negative)) {
    problems.push('"examples" must have "positive" and "negative" lists of strings');
  } else if (isStringArray(rule.keywords) && (rule.keywords.length > 0 || rule.keywordsExact !== undefined) && problems.length === 0) {
    const random = seededRandom(String(rule.id));
    const exact = (rule.keywordsExact ?? []) as string[];
    for (const template of examples.positive) {
      const text = expandExample(template, random);
      const lower = text.toLowerCase();
      if (!rule.keywords.some((k) => lower.includes(k)) && !exact.some((k) => text.includes(k))) {
        problems.push(`positive example "${template.slice(0, 40)}…" contains none of the keywords`);
      }
    }
  }
  return problems;
}

/** `owns`: lowercase name words or distinctive prefixes, and a value pattern that compiles. */
function ownsProblems(owns: unknown): string[] {
  if (owns === undefined) return [];
  const o = (typeof owns === 'object' && owns !== null ? owns : {}) as Record<string, unknown>;
  const names = o.names ?? [];
  const prefixes = o.prefixes ?? [];
  if (
    !isStringArray(names) ||
    !isStringArray(prefixes) ||
    names.length + prefixes.length === 0 ||
    (o.value !== undefined && !isString(o.value))
  ) {
    return ['"owns" must have "names" (lowercase words) or "prefixes" (literals), and may have "value" (a pattern)'];
  }
  const problems = names.filter((n) => !/^[a-z0-9]+(?:[_.-][a-z0-9]+)*$/.test(n)).map((n) => `"owns" name "${n}" must be a lowercase word`);
  // A short prefix is shared: `sk-` starts the keys of a dozen providers, and owning it would hide theirs.
  for (const p of prefixes)
    if (!isDistinctivePrefix(p)) problems.push(`"owns" prefix "${p}" must be 4 characters or more and end in _ - or .`);
  try {
    if (o.value !== undefined) toRegExp(o.value, 'owns.value');
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

/** The path condition compiles, and the examples are scanned under a path it matches. */
function pathProblems(rule: Record<string, unknown>): string[] {
  const examples = rule.examples as Record<string, unknown> | undefined;
  const examplePath = examples?.path;
  const hasExamples = [examples?.positive, examples?.negative].some((list) => Array.isArray(list) && list.length > 0);
  if (examplePath !== undefined && !isString(examplePath)) return ['"examples.path" must be a string'];
  if (rule.path === undefined) return [];
  if (!isPattern(rule.path)) return ['"path" must be a string'];
  let path: RegExp;
  try {
    path = toRegExp(rule.path as RegExp | string, 'path', '');
  } catch (e) {
    return [(e as Error).message];
  }
  if (examplePath === undefined)
    return hasExamples ? ['"examples.path" is needed: a rule with a "path" only runs on files that match it'] : [];
  return path.test(examplePath) ? [] : ['"examples.path" does not match the rule\'s "path"'];
}

export type { RuleSpec };
