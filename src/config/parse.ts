import { dirname, resolve } from 'node:path';
import { expandExample, seededRandom } from '../catalogue/examples.js';
import { checkRegexSafety } from '../catalogue/regex-safety.js';
import type { RuleSpec } from '../catalogue/spec.js';
import { KeyscanError } from '../errors.js';
import { escapeControl } from '../report/escape.js';
import { type Allowlist, type Config, EMPTY_ALLOWLIST, type RuleOverride } from './config.js';
import { globProblem } from './glob.js';
import { CONFIG_SCHEMA } from './schema.js';
import { checkSchema, type FormatCheck, isObject, type SchemaNode, type SchemaProblem } from './schema-check.js';
import { userRules } from './user-rules.js';

const HINT = 'See the README section "Configuration", or point "$schema" at keyscan’s schema for completion in your editor.';

/** What ids and tags a config may name: the catalogue's rules and the env-file checks. */
export type KnownRule = Pick<RuleSpec, 'id' | 'tags'>;

/**
 * Validates parsed config data and returns the effective config. Every problem is reported at
 * once, one line each, as `<file>: <key>: <problem>` (E_CONFIG, exit 2). Messages name keys,
 * ids and globs but never quote a regular expression or an example: either could hold a secret.
 */
export function parseConfig(data: unknown, file: string, catalogue: readonly KnownRule[]): Config {
  const fail = (problems: readonly SchemaProblem[]): never => {
    // Keys and values are quoted from the file: a key holding a line break must not start a line of its own.
    const lines = problems.map((p) => `${file}: ${escapeControl(p.path)}: ${escapeControl(p.problem)}`);
    throw new KeyscanError('E_CONFIG', lines.join('\n'), { hint: HINT });
  };
  const schemaProblems = checkSchema(data, CONFIG_SCHEMA as unknown as SchemaNode, FORMATS);
  if (schemaProblems.length > 0) fail(schemaProblems);
  const obj = data as Record<string, unknown>;

  const problems: SchemaProblem[] = [];
  const report = (path: string, problem: string): void => {
    problems.push({ path, problem });
  };
  const builtinIds = new Set(catalogue.map((r) => r.id));
  const rules = userRules(obj.rules, builtinIds, report);
  const ids = new Set([...builtinIds, ...rules.map((r) => r.id), ...ruleIdsOf(obj.rules)]);
  const tags = new Set([...catalogue, ...rules].flatMap((r) => r.tags ?? []));

  const disable = strings(obj.disable);
  disable.forEach((id, i) => {
    if (!ids.has(id)) report(`disable[${i}]`, `no rule has the id "${id}" (keyscan rules lists them)`);
  });
  const disableTags = strings(obj.disableTags);
  disableTags.forEach((tag, i) => {
    if (!tags.has(tag)) report(`disableTags[${i}]`, `no rule has the tag "${tag}" (known tags: ${[...tags].sort().join(', ')})`);
  });
  const ruleOverrides = (isObject(obj.ruleOverrides) ? obj.ruleOverrides : {}) as Record<string, RuleOverride>;
  for (const id of Object.keys(ruleOverrides)) {
    if (!ids.has(id)) report(`ruleOverrides.${id}`, `no rule has the id "${id}" (keyscan rules lists them)`);
  }
  if (problems.length > 0) fail(problems);

  return {
    file,
    format: obj.format as Config['format'],
    exclude: strings(obj.exclude),
    disable,
    disableTags,
    rules,
    ruleOverrides: Object.fromEntries(
      Object.entries(ruleOverrides).map(([id, o]) => [id, o.allowlist ? { ...o, allowlist: allowlist(o.allowlist) } : o]),
    ),
    allowlist: allowlist(obj.allowlist),
    placeholders: strings(obj.placeholders),
    baseline: typeof obj.baseline === 'string' ? resolve(dirname(file), obj.baseline) : undefined,
  };
}

/** The ids the user's rules claim, valid or not, so `disable` of a broken rule is not a second error. */
function ruleIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((r) => (isObject(r) && typeof r.id === 'string' ? [r.id] : [])) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : [];
}

function allowlist(value: unknown): Allowlist {
  if (!isObject(value)) return EMPTY_ALLOWLIST;
  return {
    paths: strings(value.paths),
    secretRegexes: strings(value.secretRegexes),
    lineRegexes: strings(value.lineRegexes),
    stopwords: strings(value.stopwords).map((w) => w.toLowerCase()),
  };
}

const FORMATS: Readonly<Record<string, FormatCheck>> = {
  'keyscan-glob': (value) => globProblem(value),
  'keyscan-regex': (value, parent) => checkRegexSafety(value, { hints: hintsFrom(parent) }),
};

/** For a rule's own regex: its keywords and examples lead the adversarial input to the pattern. */
function hintsFrom(parent: unknown): string[] {
  if (!isObject(parent)) return [];
  const listed = [parent.keywords, parent.keywordsExact].flatMap((list) => (Array.isArray(list) ? list : []));
  const keywords = listed.filter((k): k is string => typeof k === 'string');
  const examples = isObject(parent.examples) && Array.isArray(parent.examples.positive) ? parent.examples.positive : [];
  const random = seededRandom(String(parent.id));
  const expanded = examples.flatMap((e) => {
    if (typeof e !== 'string') return [];
    try {
      return [expandExample(e, random)];
    } catch {
      return []; // an unknown {{class}} is reported by the rule's own validation
    }
  });
  return [...keywords, ...expanded];
}
