import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';

const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));
/** Every family file: all of rules/ except the builders, the documented-examples list and the index itself. */
const families = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && f !== 'define.ts' && f !== 'index.ts' && f !== 'examples.ts')
  .sort();

const isRuleList = (value: unknown): value is readonly RuleSpec[] =>
  Array.isArray(value) && value.length > 0 && value.every((r) => typeof r === 'object' && r !== null && 'id' in r && 'regex' in r);

describe('rules/index.ts', () => {
  const index = readFileSync(`${rulesDir}index.ts`, 'utf8');

  it.each(families)('imports %s', (file) => {
    expect(index).toContain(`from './${file.replace(/\.ts$/, '.js')}';`);
  });

  it.each(families)('puts every rule of %s into the catalogue', async (file) => {
    const module: Record<string, unknown> = await import(`${rulesDir}${file}`);
    const lists = Object.values(module).filter(isRuleList);
    expect(lists.length, `${file} exports no rule list`).toBeGreaterThan(0);
    const catalogued = new Set(builtinRules.map((r) => r.id));
    const missing = lists.flat().filter((r) => !catalogued.has(r.id));
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  it('imports no file that is not in rules/', () => {
    const imported = [...index.matchAll(/from '\.\/([\w-]+)\.js';/g)].map((m) => `${m[1]}.ts`);
    expect(imported.filter((f) => f !== 'define.ts' && f !== 'examples.ts').sort()).toEqual(families);
  });
});
