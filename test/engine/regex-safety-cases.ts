import { expect } from 'vitest';
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
export function adversarial(rule: (typeof builtinRules)[number]): string[] {
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

/**
 * Runs every `of`-th rule (from `shard`) over its adversarial input. The catalogue is split over
 * several test files so that vitest runs the shards side by side. Linear-time rules finish these
 * in milliseconds; catastrophic backtracking takes minutes: the bounds are per rule, so they stay
 * meaningful however large the catalogue grows.
 */
export function checkShard(shard: number, of: number): void {
  const rules = builtinRules.filter((_r, i) => i % of === shard);
  const times: Array<[string, number]> = [];
  let cases = 0;
  for (const rule of rules) {
    const catalogue = compileCatalogue([rule]);
    const started = performance.now();
    for (const input of adversarial(rule)) {
      // A rule limited to some paths runs only there: scan the input at a path it accepts.
      scanFragment(catalogue, Buffer.from(input), { path: rule.examples.path ?? 'adversarial', source: 'file' });
      cases++;
    }
    times.push([rule.id, performance.now() - started]);
  }
  times.sort((a, b) => b[1] - a[1]);
  expect(rules.length).toBeGreaterThan(0);
  expect(cases).toBeGreaterThan(rules.length * 5);
  expect(times[0]?.[1] ?? 0, `slowest rule: ${times[0]?.[0]}`).toBeLessThan(5_000);
  // On average well under a second per rule (measured: ~0.1 s per rule on a quiet 2-core machine).
  expect(times.reduce((sum, [, t]) => sum + t, 0) / rules.length).toBeLessThan(1_000);
}
