import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

/**
 * Adversarial input for one rule: long runs of the characters its examples are made of, right
 * after each keyword (where every window starts), the examples repeated back to back with their
 * last character dropped (near-misses that invite backtracking), and a 1 MB single-line
 * "minified" blob with keywords sprinkled through it.
 */
function adversarial(rule: (typeof builtinRules)[number]): string[] {
  const random = seededRandom(`adversarial-${rule.id}`);
  const examples = rule.examples.positive.map((p) => expandExample(p, random));
  const chars = [...new Set(`${examples.join('')} =:"'\n-_./+`)];
  const inputs: string[] = [];
  for (const k of rule.keywords) {
    for (const c of chars) inputs.push(k + c.repeat(20_000));
    inputs.push(`${k}=`.repeat(10_000));
    // Assignment shapes spread over lines (Kubernetes env lists, XML attributes, YAML blocks).
    inputs.push(`- name: ${k}\n  value: `.repeat(5_000));
    inputs.push(`<add key="${k}" value="`.repeat(5_000));
    inputs.push(`${k}: |\n${'  a1B2\n'.repeat(20_000)}`);
  }
  for (const e of examples) {
    inputs.push(e.slice(0, -1).repeat(Math.ceil(50_000 / Math.max(1, e.length))));
    inputs.push(e.replace(/\n/g, ' ').repeat(200));
  }
  const blob: string[] = [];
  let size = 0;
  while (size < 1_000_000) {
    const piece = `${rule.keywords[blob.length % rule.keywords.length] ?? ''}${'aB3_-='.repeat(7)}`;
    blob.push(piece);
    size += piece.length;
  }
  inputs.push(blob.join(''));
  return inputs;
}

describe('regex safety', () => {
  it('runs every rule over adversarial input within a generous bound', () => {
    const times: Array<[string, number]> = [];
    let cases = 0;
    for (const rule of builtinRules) {
      const catalogue = compileCatalogue([rule]);
      const started = performance.now();
      for (const input of adversarial(rule)) {
        scanFragment(catalogue, Buffer.from(input), { path: 'adversarial', source: 'file' });
        cases++;
      }
      times.push([rule.id, performance.now() - started]);
    }
    times.sort((a, b) => b[1] - a[1]);
    // Linear-time rules finish these in milliseconds; catastrophic backtracking takes minutes.
    expect(cases).toBeGreaterThan(builtinRules.length * 5);
    expect(times[0]?.[1] ?? 0, `slowest rule: ${times[0]?.[0]}`).toBeLessThan(5_000);
    expect(times.reduce((s, [, t]) => s + t, 0)).toBeLessThan(60_000);
  });

  it('runs the whole catalogue over a 1 MB minified line holding every keyword', () => {
    const keywords = [...new Set(builtinRules.flatMap((r) => r.keywords))];
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const part = `${keywords[i % keywords.length]}=a.b(c,"${'xY3_-+/='.repeat(3)}");`;
      parts.push(part);
      size += part.length;
    }
    const started = performance.now();
    scanFragment(compileCatalogue(builtinRules), Buffer.from(parts.join('')), { path: 'min.js', source: 'file' });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('backtracking fallback', () => {
  it('lets a catastrophic user pattern finish on hostile input', async () => {
    const { enableBacktrackingFallback } = await import('../../src/regex-guard.js');
    enableBacktrackingFallback();
    const catalogue = compileCatalogue([
      {
        id: 'nested-quantifiers',
        description: 'a pattern with nested quantifiers',
        provider: 'Test',
        severity: 'low',
        regex: '(?<secret>k(a+)+b)', // case-sensitive: the linear engine does not support the i flag
        keywords: ['ka'],
        remediation: { revoke: 'https://example.com', rotate: 'n/a' },
        examples: { positive: [], negative: [] },
      },
    ]);
    const started = performance.now();
    // Without the fallback this input takes longer than the age of the universe.
    scanFragment(catalogue, Buffer.from(`k${'a'.repeat(100)}!`), { path: 'hostile', source: 'file' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
