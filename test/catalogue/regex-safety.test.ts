import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { checkRegexSafety, findNestedQuantifier, hasUnboundedQuantifier, regexErrorReason } from '../../src/catalogue/regex-safety.js';

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
    expect(checkRegexSafety('^(\\w+\\s?)+$')).toMatch(/nested unbounded quantifiers at "\(\\w\+\\s\?\)\+"/);
  });

  it('refuses an exponential pattern that has no nested quantifier, by its time', () => {
    // (a|a)* doubles the ways to match with every character: no nesting, still exponential.
    const started = performance.now();
    expect(checkRegexSafety('^(?:a|a)*$')).toMatch(/took \d+ ms/);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('uses hints to reach the vulnerable part behind a literal prefix', () => {
    expect(checkRegexSafety('acme_(?:x|x)*!', { hints: ['acme_'] })).toMatch(/catastrophic/);
  });

  it('refuses a quadratic pattern the linear fallback cannot run, by how its time grows', () => {
    // From every digit, [0-9]+ runs to the end of the digits and fails to find x: fast on a
    // kilobyte, hours on a 5 MB line, and the lookbehind keeps V8's linear engine out.
    expect(checkRegexSafety('(?<![a-z])[0-9]+x')).toMatch(/grows faster than the input/);
    expect(checkRegexSafety('(?<![a-z])[0-9]{1,64}x')).toBeUndefined();
  });

  it('tells patterns that repeat without bound', () => {
    for (const p of ['a+', 'a*', 'a{2,}', '(?:ab)+?', '[+*]x+'])
      expect({ p, unbounded: hasUnboundedQuantifier(p) }).toEqual({ p, unbounded: true });
    for (const p of ['a{1,64}', '[+*]', '\\+', '\\d{3}', '(?<n>a)?', 'a{2}'])
      expect({ p, unbounded: hasUnboundedQuantifier(p) }).toEqual({ p, unbounded: false });
  });

  it('reports an invalid pattern without quoting it', () => {
    const problem = checkRegexSafety('(secret_value');
    expect(problem).toMatch(/^invalid regular expression: Unterminated group$/);
    expect(regexErrorReason(new SyntaxError('Invalid regular expression: /(x/: Unterminated group'))).toBe('Unterminated group');
  });

  it('accepts a leading (?i) and ordinary rule patterns quickly', () => {
    const started = performance.now();
    expect(checkRegexSafety('(?i)acme_(?<secret>[a-z0-9]{32})', { hints: ['acme_'] })).toBeUndefined();
    expect(checkRegexSafety('^test-fixture-')).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('passes every built-in rule pattern', () => {
    for (const rule of builtinRules) {
      const random = seededRandom(rule.id);
      const hints = [...rule.keywords, ...rule.examples.positive.map((e) => expandExample(e, random))];
      for (const pattern of [rule.regex, ...(rule.allowLine ?? []), ...(rule.allowSecret ?? [])]) {
        // The checker times attempts in wall time, and on a machine shared with other jobs one can
        // stall past the budget: a pattern is unsafe when it is found so twice, as an unsafe one is.
        const problem = checkRegexSafety(pattern, { hints, budgetMs: 200 }) && checkRegexSafety(pattern, { hints, budgetMs: 200 });
        expect(problem, `${rule.id}: ${String(pattern)}`).toBeUndefined();
      }
    }
  });
});
