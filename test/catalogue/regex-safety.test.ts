import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { checkRegexSafety, findNestedQuantifier, hasUnboundedQuantifier, regexErrorReason } from '../../src/catalogue/regex-safety.js';
import { keywordsOf } from '../../src/catalogue/spec.js';
import { cpuMs, withCpuClock } from '../helpers/cpu-time.js';

/**
 * The checker times match attempts with performance.now(); here it reads CPU time (helpers/cpu-time.ts),
 * so waiting for a core on a loaded machine is not taken for backtracking.
 */
const check: typeof checkRegexSafety = (pattern, options) => withCpuClock(() => checkRegexSafety(pattern, options));

describe('findNestedQuantifier', () => {
  it.each([
    ['(a+)+', '(a+)+'],
    ['x(?:\\w*y)*z', '(?:\\w*y)*'],
    ['((ab)+)*', '((ab)+)*'],
    ['(?<s>[a-z]+)+$', '(?<s>[a-z]+)+'],
    ['(a{2,})+', '(a{2,})+'],
    ['(?:(?:a|b)+)+?', '(?:(?:a|b)+)+?'],
    ['(?:[a-z]+\\.?)+', '(?:[a-z]+\\.?)+'],
    ['(?:a+|\\.)+', '(?:a+|\\.)+'],
  ])('flags %s', (source, at) => {
    expect(findNestedQuantifier(source)).toBe(at);
  });

  it.each([
    '(a+)',
    '(a+){1,5}',
    '(a{1,9})+',
    '\\(a+\\)+',
    '[(+)]+',
    'acme_[a-z0-9]{32}',
    '(?:ab|cd)*',
    '\\p{L}+(x)+',
    '(a)(b+)c*',
    '(?:\\.[A-Za-z0-9-]+)+',
    '(\\s*,\\s*\\w+)*',
  ])('accepts %s', (source) => {
    expect(findNestedQuantifier(source)).toBeUndefined();
  });
});

describe('checkRegexSafety', () => {
  it('refuses nested unbounded quantifiers without running them', () => {
    expect(check('^(\\w+\\s?)+$')).toMatch(/nested unbounded quantifiers at "\(\\w\+\\s\?\)\+"/);
  });

  it('refuses an exponential pattern that has no nested quantifier, by its time', () => {
    // (a|a)* doubles the ways to match with every character: no nesting, still exponential.
    const { result, ms } = cpuMs(() => check('^(?:a|a)*$'));
    expect(result).toMatch(/took \d+ ms/);
    expect(ms).toBeLessThan(3_000);
  });

  it('uses hints to reach the vulnerable part behind a literal prefix', () => {
    expect(check('acme_(?:x|x)*!', { hints: ['acme_'] })).toMatch(/catastrophic/);
  });

  it('refuses a quadratic pattern the linear fallback cannot run, by how its time grows', () => {
    // From every digit, [0-9]+ runs to the end of the digits and fails to find x: fast on a
    // kilobyte, hours on a 5 MB line, and the lookbehind keeps V8's linear engine out.
    expect(check('(?<![a-z])[0-9]+x')).toMatch(/grows faster than the input/);
    expect(check('(?<![a-z])[0-9]{1,64}x')).toBeUndefined();
  });

  it('tells patterns that repeat without bound', () => {
    for (const p of ['a+', 'a*', 'a{2,}', '(?:ab)+?', '[+*]x+'])
      expect({ p, unbounded: hasUnboundedQuantifier(p) }).toEqual({ p, unbounded: true });
    for (const p of ['a{1,64}', '[+*]', '\\+', '\\d{3}', '(?<n>a)?', 'a{2}'])
      expect({ p, unbounded: hasUnboundedQuantifier(p) }).toEqual({ p, unbounded: false });
  });

  it('reports an invalid pattern without quoting it', () => {
    const problem = check('(secret_value');
    expect(problem).toMatch(/^invalid regular expression: Unterminated group$/);
    expect(regexErrorReason(new SyntaxError('Invalid regular expression: /(x/: Unterminated group'))).toBe('Unterminated group');
  });

  it('accepts a leading (?i) and ordinary rule patterns quickly', () => {
    const { ms } = cpuMs(() => {
      expect(check('(?i)acme_(?<secret>[a-z0-9]{32})', { hints: ['acme_'] })).toBeUndefined();
      expect(check('^test-fixture-')).toBeUndefined();
    });
    expect(ms).toBeLessThan(500);
  });

  it('passes every built-in rule pattern', () => {
    for (const rule of builtinRules) {
      const random = seededRandom(rule.id);
      const hints = [...keywordsOf(rule), ...rule.examples.positive.map((e) => expandExample(e, random))];
      // `owns.value` runs anchored on generic values (src/engine/owned-names.ts), up to 900 times each.
      const owned = rule.owns?.value === undefined ? [] : [`^(?:${rule.owns.value})$`];
      for (const pattern of [rule.regex, ...(rule.allowLine ?? []), ...(rule.allowSecret ?? []), ...owned]) {
        // On CPU time a stalled thread no longer passes for backtracking, so one check is enough; 200 ms
        // an attempt (the default is 50) leaves room for collections on V8's helper threads, which count.
        const problem = check(pattern, { hints, budgetMs: 200 });
        expect(problem, `${rule.id}: ${String(pattern)}`).toBeUndefined();
      }
    }
  });
});
