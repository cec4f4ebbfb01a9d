import { compileCatalogue } from '../catalogue/compile.js';
import { expandExample, seededRandom } from '../catalogue/examples.js';
import type { RuleSpec } from '../catalogue/spec.js';
import { validateRuleSpec } from '../catalogue/validate.js';
import { scanFragment } from '../engine/scan-fragment.js';

/** What a user rule gets for the fields the catalogue requires and a config may leave out. */
export const USER_RULE_DEFAULTS = {
  provider: 'Custom',
  severity: 'high',
  keywords: [],
  remediation: {
    revoke: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
    rotate: 'Revoke the credential where it was issued, issue a new one, and keep it out of source code.',
  },
  examples: { positive: [], negative: [] },
} as const;

export type Report = (key: string, problem: string) => void;

/**
 * Turns the `rules` list of a config (already checked against the schema) into rule specs, and
 * reports what the catalogue's own validation and the rules' examples say about them.
 */
export function userRules(value: unknown, builtinIds: ReadonlySet<string>, report: Report): RuleSpec[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const specs: RuleSpec[] = [];
  value.forEach((raw, i) => {
    const r = raw as Record<string, unknown>;
    const key = `rules[${i}] (${String(r.id)})`;
    const spec = {
      ...USER_RULE_DEFAULTS,
      ...r,
      description: r.description ?? r.id,
      examples: { ...USER_RULE_DEFAULTS.examples, ...(r.examples as object | undefined) },
    } as unknown as RuleSpec;
    if (builtinIds.has(spec.id)) {
      report(
        `${key}.id`,
        `"${spec.id}" is a built-in rule id; give your rule another id (to replace the built-in one, also add it to "disable")`,
      );
      return;
    }
    if (seen.has(spec.id)) {
      report(`${key}.id`, `"${spec.id}" is used twice`);
      return;
    }
    seen.add(spec.id);
    const problems = validateRuleSpec(spec).map((p) => withoutExamples(p, spec));
    if (problems.length > 0) {
      report(key, problems.join('; '));
      return;
    }
    const failed = exampleProblem(spec);
    if (failed !== undefined) {
      report(`${key}.examples`, failed);
      return;
    }
    specs.push(spec);
  });
  return specs;
}

/** Problems may quote an example, and an example is secret-shaped: never show it. */
function withoutExamples(problem: string, spec: RuleSpec): string {
  let out = problem;
  for (const t of [...spec.examples.positive, ...spec.examples.negative]) {
    const quoted = t.slice(0, 40);
    if (quoted.length > 0) out = out.split(quoted).join('(example)');
  }
  return out;
}

/** A user rule's own examples must behave as stated, or the rule is refused. */
function exampleProblem(spec: RuleSpec): string | undefined {
  const { positive, negative, path = 'example' } = spec.examples;
  if (positive.length === 0 && negative.length === 0) return undefined;
  const catalogue = compileCatalogue([spec]);
  const random = seededRandom(spec.id);
  const hits = (t: string): boolean => scanFragment(catalogue, Buffer.from(expandExample(t, random)), { path, source: 'file' }).length > 0;
  const missed = positive.findIndex((t) => !hits(t));
  if (missed !== -1) return `positive[${missed}] is not matched (check the regex, keywords and entropy)`;
  const matched = negative.findIndex((t) => hits(t));
  if (matched !== -1) return `negative[${matched}] is matched but should not be`;
  return undefined;
}
