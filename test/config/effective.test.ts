import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { EMPTY_CONFIG } from '../../src/config/config.js';
import { effectiveRules } from '../../src/config/effective.js';

describe('effective rules', () => {
  it('without anything disabled, added or overridden are the catalogue’s own specs, in a list of their own', () => {
    const rules = effectiveRules(builtinRules, EMPTY_CONFIG);
    expect(rules).not.toBe(builtinRules);
    expect(rules).toHaveLength(builtinRules.length);
    // The same objects: what is known of the built-in specs (prevalidated patterns, keyword tables) holds for them.
    expect(rules.every((r, i) => r === builtinRules[i])).toBe(true);
  });

  it('leave out disabled ids and tags and apply overrides, keeping every other spec as it is', () => {
    const [first, second] = builtinRules as [(typeof builtinRules)[number], (typeof builtinRules)[number]];
    const tag = (builtinRules.find((r) => r.tags?.includes('generic'))?.tags ?? [])[0] as string;
    const rules = effectiveRules(builtinRules, {
      ...EMPTY_CONFIG,
      disable: [first.id],
      disableTags: [tag],
      ruleOverrides: { [second.id]: { severity: 'low' } },
    });
    expect(rules.some((r) => r.id === first.id || r.tags?.includes(tag))).toBe(false);
    expect(rules.find((r) => r.id === second.id)?.severity).toBe('low');
    const kept = rules.filter((r) => r.id !== second.id);
    expect(kept.length).toBeGreaterThan(builtinRules.length / 2);
    expect(kept.every((r) => builtinRules.includes(r))).toBe(true);
  });
});
