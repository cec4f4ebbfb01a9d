import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { validateRuleSpec } from '../../src/catalogue/validate.js';

describe('catalogue shape', () => {
  it('has unique ids', () => {
    const ids = builtinRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least 200 rules covering at least 150 providers', () => {
    expect(builtinRules.length).toBeGreaterThanOrEqual(200);
    expect(new Set(builtinRules.map((r) => r.provider)).size).toBeGreaterThanOrEqual(150);
  });

  it.each(builtinRules.map((r) => [r.id, r] as const))('%s documents its format, family and remediation', (_id, rule) => {
    expect(rule.references?.length ?? 0).toBeGreaterThan(0);
    expect(rule.tags?.[0]).toMatch(/^[a-z-]+$/);
    expect(rule.remediation.rotate.length).toBeGreaterThan(20);
  });

  it('keeps keywords specific enough for the prefilter', () => {
    // Short keywords hit everywhere and make every window run; three characters is the floor.
    const short = builtinRules.flatMap((r) => r.keywords.filter((k) => k.length < 3).map((k) => `${r.id}: ${k}`));
    expect(short).toEqual(['azure-entra-client-secret: q~']);
  });

  it.each(builtinRules.map((r) => [r.id, r] as const))('%s is a valid rule', (_id, rule) => {
    expect(validateRuleSpec(rule)).toEqual([]);
  });
});
