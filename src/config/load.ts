import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compileCatalogue } from '../catalogue/compile.js';
import { expandExample, seededRandom } from '../catalogue/examples.js';
import type { RuleSpec } from '../catalogue/spec.js';
import { validateRuleSpec } from '../catalogue/validate.js';
import { scanFragment } from '../engine/scan-fragment.js';
import { KeyscanError, systemErrorCode } from '../errors.js';
import { CONFIG_FILE_NAMES, type Config, EMPTY_CONFIG } from './config.js';
import { globProblem } from './globs.js';

const TOP_LEVEL_KEYS = new Set(['$schema', 'exclude', 'disable', 'rules']);

/**
 * Finds and loads the config: `explicit` if given (it must exist), else the first of
 * {@link CONFIG_FILE_NAMES} in `dir`. Every problem is an E_CONFIG error naming file and key.
 */
export async function loadConfig(dir: string, explicit: string | undefined, knownRuleIds: ReadonlySet<string>): Promise<Config> {
  const candidates = explicit !== undefined ? [resolve(explicit)] : CONFIG_FILE_NAMES.map((n) => join(dir, n));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if (systemErrorCode(e) === 'ENOENT' && explicit === undefined) continue;
      throw new KeyscanError('E_CONFIG', `cannot read config ${file}: ${systemErrorCode(e) ?? String(e)}`, {
        hint: 'Check the --config path.',
        cause: e,
      });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new KeyscanError('E_CONFIG', `${file}: not valid JSON (${(e as Error).message})`, {
        hint: 'Fix the syntax; a JSON validator or your editor will point at the spot.',
      });
    }
    const config = parseConfig(data, file, knownRuleIds);
    for (const [i, glob] of config.exclude.entries()) {
      const problem = await globProblem(glob);
      if (problem !== undefined) {
        throw new KeyscanError('E_CONFIG', `${file}: exclude[${i}]: invalid glob "${glob}": ${problem}`, {
          hint: 'See the README section "Configuration".',
        });
      }
    }
    return config;
  }
  return EMPTY_CONFIG;
}

export function parseConfig(data: unknown, file: string, knownRuleIds: ReadonlySet<string>): Config {
  const fail = (key: string, problem: string): never => {
    throw new KeyscanError('E_CONFIG', `${file}: ${key}: ${problem}`, { hint: 'See the README section "Configuration".' });
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('(top level)', 'must be an object');
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!TOP_LEVEL_KEYS.has(key)) fail(key, `unknown key (known keys: ${[...TOP_LEVEL_KEYS].join(', ')})`);
  }
  const exclude = stringList(obj.exclude, 'exclude', fail);
  const rules = ruleList(obj.rules, fail);
  const ids = new Set([...knownRuleIds, ...rules.map((r) => r.id)]);
  const disable = stringList(obj.disable, 'disable', fail);
  disable.forEach((id, i) => {
    if (!ids.has(id)) fail(`disable[${i}]`, `no rule has the id "${id}" (keyscan rules lists them)`);
  });
  return { file, exclude, disable, rules };
}

type Fail = (key: string, problem: string) => never;

function stringList(value: unknown, key: string, fail: Fail): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return fail(key, 'must be a list of strings');
  return value as string[];
}

const USER_RULE_DEFAULTS = {
  provider: 'Custom',
  severity: 'high',
  keywords: [],
  remediation: {
    revoke: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
    rotate: 'Revoke the credential where it was issued, issue a new one, and keep it out of source code.',
  },
  examples: { positive: [], negative: [] },
} as const;

function ruleList(value: unknown, fail: Fail): RuleSpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail('rules', 'must be a list of rule objects');
  const seen = new Set<string>();
  return value.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return fail(`rules[${i}]`, 'must be an object');
    const r = raw as Record<string, unknown>;
    const spec = {
      ...USER_RULE_DEFAULTS,
      ...r,
      description: r.description ?? r.id,
      examples: { ...USER_RULE_DEFAULTS.examples, ...(r.examples as object | undefined) },
    } as unknown as RuleSpec;
    if (typeof r.regex !== 'string') fail(`rules[${i}].regex`, 'must be a string (a JavaScript regular expression)');
    const problems = validateRuleSpec(spec);
    if (problems.length > 0) fail(`rules[${i}]${typeof r.id === 'string' ? ` (${r.id})` : ''}`, problems.join('; '));
    if (seen.has(spec.id)) fail(`rules[${i}].id`, `"${spec.id}" is used twice`);
    seen.add(spec.id);
    checkExamples(spec, (problem) => fail(`rules[${i}] (${spec.id}).examples`, problem));
    return spec;
  });
}

/** A user rule's own examples must behave as stated, or the rule is refused. */
function checkExamples(spec: RuleSpec, fail: (problem: string) => never): void {
  const { positive, negative } = spec.examples;
  if (positive.length === 0 && negative.length === 0) return;
  const catalogue = compileCatalogue([spec]);
  const random = seededRandom(spec.id);
  const hits = (t: string): boolean =>
    scanFragment(catalogue, Buffer.from(expandExample(t, random)), { path: 'example', source: 'file' }).length > 0;
  positive.forEach((t, i) => {
    if (!hits(t)) fail(`positive[${i}] is not matched (check the regex, keywords and entropy)`);
  });
  negative.forEach((t, i) => {
    if (hits(t)) fail(`negative[${i}] is matched but should not be`);
  });
}

/** The rules a scan runs: the catalogue and the user's rules, minus the disabled ones. */
export function effectiveRules(builtin: readonly RuleSpec[], config: Config): RuleSpec[] {
  const disabled = new Set(config.disable);
  const builtinIds = new Set(builtin.map((r) => r.id));
  for (const r of config.rules) {
    if (builtinIds.has(r.id)) {
      throw new KeyscanError('E_CONFIG', `${config.file}: rules: "${r.id}" is a built-in rule id`, {
        hint: 'Give your rule another id; to replace a built-in rule, add its id to "disable".',
      });
    }
  }
  return [...builtin, ...config.rules].filter((r) => !disabled.has(r.id));
}
