import { describe, expect, it } from 'vitest';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { validateRuleSpec } from '../../src/catalogue/validate.js';

const rule = (over: Partial<RuleSpec>): RuleSpec => ({
  id: 'scoped-rule',
  description: 'scoped',
  provider: 'Test',
  severity: 'high',
  regex: 'pw (?<secret>\\w+)',
  keywords: ['pw '],
  remediation: { revoke: 'https://example.com', rotate: 'rotate it' },
  examples: { positive: ['pw {{alnum:8}}'], negative: ['pw'] },
  ...over,
});

describe('a rule path condition', () => {
  it('is valid with examples scanned under a path it matches', () => {
    expect(
      validateRuleSpec(rule({ path: '(?:^|/)\\.pgpass$', examples: { positive: ['pw {{alnum:8}}'], negative: [], path: '.pgpass' } })),
    ).toEqual([]);
  });

  it('needs examples.path, matching it, when the rule has examples', () => {
    expect(validateRuleSpec(rule({ path: '(?:^|/)\\.pgpass$' }))).toEqual([
      '"examples.path" is needed: a rule with a "path" only runs on files that match it',
    ]);
    const elsewhere = rule({ path: '(?:^|/)\\.pgpass$', examples: { positive: [], negative: ['pw'], path: 'notes.txt' } });
    expect(validateRuleSpec(elsewhere)).toEqual(['"examples.path" does not match the rule\'s "path"']);
    expect(validateRuleSpec(rule({ path: '(?:^|/)\\.pgpass$', examples: { positive: [], negative: [] } }))).toEqual([]);
  });

  it('must be a valid regular expression', () => {
    const problems = validateRuleSpec(rule({ path: '(unclosed', examples: { positive: [], negative: [], path: 'x' } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/invalid regular expression/);
  });
});
