import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue, toRegExp } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

const catalogue = compileCatalogue(builtinRules);

/** What a default scan reports: documented example values (rules/examples.ts) are not. */
function scan(text: string, path = 'example.txt') {
  return scanFragment(catalogue, Buffer.from(text, 'utf8'), { path, source: 'file' }).filter((f) => f.kind !== 'example');
}

/** Ways a bare token is written down in real files (as gitleaks' sample carriers do). */
const CARRIERS: ReadonlyArray<[string, (token: string) => string]> = [
  ['.env', (t) => `API_TOKEN=${t}\n`],
  ['.env quoted', (t) => `export API_TOKEN="${t}"\n`],
  ['json', (t) => `{\n  "service": { "token": "${t}" }\n}\n`],
  ['yaml', (t) => `service:\n  token: '${t}'\n`],
  ['js', (t) => `const client = new Client({ token: \`${t}\` });\n`],
  ['python', (t) => `client = Client(token='${t}')\n`],
  ['shell', (t) => `curl -H "Authorization: Bearer ${t}" https://api.example.com\n`],
  ['url query', (t) => `https://api.example.com/v1/items?key=${t}&page=2\n`],
];

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  const random = seededRandom(id);
  const positives = rule.examples.positive.map((p) => expandExample(p, random));
  const negatives = rule.examples.negative.map((p) => expandExample(p, random));
  const path = rule.examples.path ?? 'example.txt';

  it('has at least two positive and two negative examples', () => {
    expect(positives.length).toBeGreaterThanOrEqual(2);
    expect(negatives.length).toBeGreaterThanOrEqual(2);
  });

  it.each(positives.map((p, i) => [i, p]))('finds positive example %i', (_i, text) => {
    const ids = scan(text, path).map((f) => f.ruleId);
    expect(ids).toContain(id);
  });

  it.each(negatives.map((n, i) => [i, n]))('ignores negative example %i', (_i, text) => {
    const ids = scan(text, path).map((f) => f.ruleId);
    expect(ids).not.toContain(id);
  });

  // A path the rule's condition rejects: an ordinary source file, or a test fixture for rules that run everywhere else.
  const elsewhere = ['src/notes.txt', 'test/fixtures/notes.txt'].find(
    (p) => rule.path !== undefined && !toRegExp(rule.path, id, '').test(p),
  );
  it.runIf(rule.path !== undefined)('runs only on the files its path names', () => {
    expect(elsewhere).toBeDefined();
    for (const text of positives) expect(scan(text, elsewhere).map((f) => f.ruleId)).not.toContain(id);
  });

  it('finds bare-token positives in every carrier format', () => {
    for (const text of positives) {
      const found = scan(text, path).find((f) => f.ruleId === id);
      if (found === undefined || found.secretText !== text || rule.path !== undefined) continue; // not a bare token
      for (const [name, wrap] of CARRIERS) {
        const hit = scan(wrap(text), path).find((f) => f.ruleId === id);
        expect(hit?.secretText, `${id} in ${name}`).toBe(text);
      }
    }
  });
});
