import { expect } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { keywordsOf } from '../../src/catalogue/spec.js';
import type { Catalogue } from '../../src/engine/catalogue.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { cpuMs } from '../helpers/cpu-time.js';

type Rule = (typeof builtinRules)[number];

/**
 * Adversarial input for one rule: long runs of the characters its examples are made of, right
 * after each keyword (where every window starts), the examples repeated back to back with their
 * last character dropped (near-misses that invite backtracking), assignment shapes spread over
 * lines. `scale` multiplies every run length (1: runs of 20,000 characters after a keyword).
 */
export function adversarial(rule: Rule, scale = 1): string[] {
  const n = (count: number): number => Math.max(1, Math.round(count * scale));
  const random = seededRandom(`adversarial-${rule.id}`);
  const examples = rule.examples.positive.map((p) => expandExample(p, random));
  const chars = [...new Set(`${examples.join('')} =:"'\n-_./+`)];
  const inputs: string[] = [];
  for (const k of keywordsOf(rule)) {
    for (const c of chars) inputs.push(k + c.repeat(n(20_000)));
    inputs.push(`${k}=`.repeat(n(10_000)));
    // Assignment shapes spread over lines (Kubernetes env lists, XML attributes, YAML blocks).
    inputs.push(`- name: ${k}\n  value: `.repeat(n(5_000)));
    inputs.push(`<add key="${k}" value="`.repeat(n(5_000)));
    inputs.push(`${k}: |\n${'  a1B2\n'.repeat(n(20_000))}`);
  }
  for (const e of examples) {
    inputs.push(e.slice(0, -1).repeat(n(Math.ceil(50_000 / Math.max(1, e.length)))));
    inputs.push(e.replace(/\n/g, ' ').repeat(n(200)));
  }
  return inputs;
}

/**
 * A 1 MB single-line "minified" blob with the rule's keywords sprinkled through it: the keyword
 * hits are so close that their windows merge into one, so the pattern runs over the whole megabyte.
 */
export function minifiedBlob(rule: Rule): string {
  const blob: string[] = [];
  const keywords = keywordsOf(rule);
  let size = 0;
  while (size < 1_000_000) {
    const piece = `${keywords[blob.length % keywords.length] ?? ''}${'aB3_-='.repeat(7)}`;
    blob.push(piece);
    size += piece.length;
  }
  return blob.join('');
}

/**
 * The runs of {@link adversarial} at a quarter of their length: catastrophic backtracking needs
 * only a few dozen characters (the windows the engine runs a pattern on are at most a few hundred
 * around each keyword, however long the run), and the 1 MB blob stays whole.
 */
const SCALE = 1 / 4;

/** CPU milliseconds (helpers/cpu-time.ts) to scan `inputs`; a rule limited to some paths is scanned at one it accepts. */
function scanTime(rule: Rule, catalogue: Catalogue, inputs: readonly Buffer[]): number {
  return cpuMs(() => {
    for (const input of inputs) scanFragment(catalogue, input, { path: rule.examples.path ?? 'adversarial', source: 'file' });
  }).ms;
}

/** The fastest of `runs` scans: a collection or a busy machine can stall one run, not all of them alike. */
function bestTime(rule: Rule, catalogue: Catalogue, inputs: readonly Buffer[], runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) best = Math.min(best, scanTime(rule, catalogue, inputs));
  return best;
}

/** How many of a shard's slowest rules are also timed at four times the run length. */
const GROWTH_CHECKED = 3;

/**
 * Runs every `of`-th rule (from `shard`) over its adversarial input. The catalogue is split over
 * several test files so that vitest runs the shards side by side. Linear-time rules finish these
 * in milliseconds; catastrophic backtracking takes minutes: the bounds are per rule, so they stay
 * meaningful however large the catalogue grows. The slowest rules, the ones a superlinear
 * pattern would be among, are timed again on runs four times as long (the full 20,000
 * characters): their time must grow about as the input does, not as its square.
 */
export function checkShard(shard: number, of: number): void {
  const rules = builtinRules.filter((_r, i) => i % of === shard);
  const times: Array<{ rule: Rule; catalogue: Catalogue; ms: number; runsMs: number }> = [];
  let cases = 0;
  for (const rule of rules) {
    const catalogue = compileCatalogue([rule]);
    const runs = adversarial(rule, SCALE).map((s) => Buffer.from(s));
    const runsMs = scanTime(rule, catalogue, runs);
    times.push({ rule, catalogue, runsMs, ms: runsMs + scanTime(rule, catalogue, [Buffer.from(minifiedBlob(rule))]) });
    cases += runs.length + 1;
  }
  times.sort((a, b) => b.ms - a.ms);
  expect(rules.length).toBeGreaterThan(0);
  expect(cases).toBeGreaterThan(rules.length * 5);
  expect(times[0]?.ms ?? 0, `slowest rule: ${times[0]?.rule.id}`).toBeLessThan(5_000);
  // On average well under a second per rule (measured: ~0.1 s per rule on a quiet 2-core machine).
  expect(times.reduce((sum, { ms }) => sum + ms, 0) / rules.length).toBeLessThan(1_000);
  // The blob is left out here: it does not grow with the runs.
  const slowestRuns = [...times].sort((a, b) => b.runsMs - a.runsMs).slice(0, GROWTH_CHECKED);
  for (const { rule, catalogue } of slowestRuns) {
    const short = bestTime(
      rule,
      catalogue,
      adversarial(rule, SCALE).map((s) => Buffer.from(s)),
      3,
    );
    const long = bestTime(
      rule,
      catalogue,
      adversarial(rule, 4 * SCALE).map((s) => Buffer.from(s)),
      2,
    );
    // Four times the input: linear work takes about 4 times as long, quadratic 16 times.
    expect({ rule: rule.id, short, long, grows: long > 20 && long > 8 * short }).toMatchObject({ grows: false });
  }
}
