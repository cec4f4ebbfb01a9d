import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { detect } from '../../src/engine/detect.js';

// A match's checks read only the lines that hold it when those are a small part of the fragment
// (detect.ts, Latin1.lines): the same example alone, where the whole text is decoded, and amid
// other lines, where only its lines are, must give the same matches at the same places.
describe('a match checked on its own lines', () => {
  const catalogue = compileCatalogue(builtinRules);
  const filler = (n: number): string => Array.from({ length: n }, (_, i) => `const value${i} = compute(${i}); // line ${i}`).join('\n');

  it('finds what the whole text finds, for every built-in rule’s positive examples', () => {
    const random = seededRandom('match-lines');
    let compared = 0;
    let found = 0;
    // Rules with a path condition read a whole file's format (a master.key is nothing but the
    // key): other lines around their examples change what they match. bench/engine-equality.mjs
    // compares them, and every rule, on whole files against the build before.
    for (const rule of builtinRules.filter((r) => r.path === undefined)) {
      for (const template of rule.examples.positive) {
        const example = expandExample(template, random);
        const path = rule.examples.path ?? 'src/settings.ts';
        const head = `${filler(150)}\n`;
        const padded = `${head}${example}\n${filler(150)}\n`;
        const alone = detect(catalogue, Buffer.from(example), path).map((m) => [m.rule, m.start, m.end, m.secret]);
        const amid = detect(catalogue, Buffer.from(padded), path).map((m) => {
          const at = Buffer.byteLength(head);
          return [m.rule, m.start - at, m.end - at, m.secret];
        });
        expect(amid, `${rule.id}: ${template}`).toEqual(alone);
        compared++;
        found += alone.length;
      }
    }
    expect(compared).toBeGreaterThan(1_000);
    expect(found).toBeGreaterThan(1_000);
  });
});
