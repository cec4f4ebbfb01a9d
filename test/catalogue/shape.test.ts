import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { validateRuleSpec } from '../../src/catalogue/validate.js';

describe('catalogue shape', () => {
  it('has unique ids', () => {
    const ids = builtinRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least 30 rules', () => {
    expect(builtinRules.length).toBeGreaterThanOrEqual(30);
  });

  it.each(builtinRules.map((r) => [r.id, r] as const))('%s is a valid rule', (_id, rule) => {
    expect(validateRuleSpec(rule)).toEqual([]);
  });
});
