import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { isPrevalidated, markPrevalidated } from '../../src/catalogue/prevalidated.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

const spec = (over: { regex?: string; allowLine?: string[]; allowSecret?: string[] }): RuleSpec => ({
  id: 'test-rule',
  description: 'Test rule',
  provider: 'Test',
  severity: 'high',
  regex: '(?<secret>tst_[a-z0-9]{16})',
  keywords: ['tst_'],
  remediation: { revoke: 'https://example.com/revoke', rotate: 'Issue a new key.' },
  examples: { positive: [], negative: [] },
  ...over,
});

describe('prevalidated rule specs (the built-in catalogue)', () => {
  it('are the built-in rules, and only those', () => {
    expect(builtinRules.every(isPrevalidated)).toBe(true);
    expect(isPrevalidated(spec({}))).toBe(false);
  });

  it('compile their patterns on first use; any other spec compiles at once', () => {
    const broken = { regex: '(?<secret>tst_[', allowLine: ['('] };
    expect(() => compileCatalogue([spec(broken)])).toThrow(/rule test-rule: invalid regular expression/);
    // Never touched: a prevalidated spec costs no RegExp until a keyword hits.
    const lazy = compileCatalogue(markPrevalidated([spec(broken)]));
    expect(() => lazy.rules[0]?.regex).toThrow(/invalid regular expression/);
    expect(() => lazy.rules[0]?.allowLine).toThrow(/allowLine\[0\]/);
  });

  it('find the same as when compiled at once, and build each RegExp once', () => {
    const specs = [spec({ allowSecret: ['^tst_0{16}$'] })];
    const eager = compileCatalogue(specs);
    const lazy = compileCatalogue(markPrevalidated([spec({ allowSecret: ['^tst_0{16}$'] })]));
    const text = Buffer.from('a = "tst_q8zr3klm9xw2vb7n"\nb = "tst_0000000000000000"\n');
    const found = (c: typeof eager) => scanFragment(c, text, { path: 'a.txt', source: 'file' }).map((f) => [f.ruleId, f.startLine]);
    expect(found(lazy)).toEqual(found(eager));
    expect(found(lazy)).toEqual([['test-rule', 1]]);
    expect(lazy.rules[0]?.regex).toBe(lazy.rules[0]?.regex);
  });
});
