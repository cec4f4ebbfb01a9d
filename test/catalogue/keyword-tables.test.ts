import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import {
  KEYWORD_TABLES_TAG,
  type KeywordTables,
  keywordTables,
  offeredKeywordTables,
  offerKeywordTables,
  parseKeywordTables,
  serializeKeywordTables,
} from '../../src/catalogue/keyword-tables.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { claimedPrefixSet } from '../../src/engine/detect.js';
import { ROOT } from '../helpers/cli.js';

const rule = (id: string, keywords: string[], extra: Partial<RuleSpec> = {}): RuleSpec => ({
  id,
  description: `${id} token`,
  provider: 'Test',
  severity: 'high',
  regex: `${id}_[a-z0-9]{8}`,
  keywords,
  examples: { positive: [], negative: [] },
  remediation: { revoke: 'https://example.com/revoke', rotate: 'Issue a new key.' },
  ...extra,
});

const tablesOf = (specs: readonly RuleSpec[]): KeywordTables => {
  const { keywords, rulesByKeyword, unconditional, carrierOf } = compileCatalogue(specs);
  return { keywords: keywords.keywords, rulesByKeyword, unconditional, carrierOf };
};

afterEach(() => offerKeywordTables([], () => undefined));

describe('keyword tables', () => {
  it('map each lowercase keyword to the rules it opens windows for, once each, and list rules without keywords', () => {
    const specs = [rule('aaa', ['Foo_', 'bar']), rule('bbb', ['foo_', 'FOO_']), rule('ccc', [], { path: '\\.env$' })];
    const tables = tablesOf(specs);
    expect(tables.keywords.slice(0, 2)).toEqual(['foo_', 'bar']);
    expect(tables.rulesByKeyword.slice(0, 2)).toEqual([[0, 1], [0]]);
    expect(tables.unconditional).toEqual([2]);
    // The base64 carriers' keywords follow the rules' own, each naming its carrier.
    expect(tables.carrierOf.slice(0, 2)).toEqual([undefined, undefined]);
    expect(tables.carrierOf.slice(2).every((c, i) => c === i)).toBe(true);
    expect(tables.carrierOf).toHaveLength(tables.keywords.length);
  });

  it('survive their file', () => {
    const tables = keywordTables(compileCatalogue(builtinRules).rules);
    const file = serializeKeywordTables(tables);
    expect(file.startsWith(KEYWORD_TABLES_TAG)).toBe(true);
    expect(parseKeywordTables(file)).toStrictEqual(tables);
    expect(parseKeywordTables('{"keywords":[]}')).toBeUndefined();
  });

  it('that the bundle ships are those the built-in catalogue computes', () => {
    const shipped = parseKeywordTables(readFileSync(join(ROOT, 'dist', 'bundle', 'keyword-tables.bin'), 'utf8'));
    expect(shipped).toStrictEqual(keywordTables(compileCatalogue(builtinRules).rules));
  });

  it('are used only for the very specs they were offered for, in their order', () => {
    const specs = [rule('aaa', ['foo_']), rule('bbb', ['bar_'])];
    // Tables that no computation gives, to see where they are used.
    const planted: KeywordTables = { keywords: ['planted'], rulesByKeyword: [[1]], unconditional: [0], carrierOf: [undefined] };
    let reads = 0;
    offerKeywordTables(specs, () => {
      reads++;
      return planted;
    });
    expect(offeredKeywordTables([...specs])).toBe(planted);
    expect(tablesOf([...specs])).toEqual(planted);
    expect(reads).toBe(1);
    // Reordered, a spec copied (a worker's, an override's), one more, one fewer: computed.
    for (const other of [
      [specs[1], specs[0]],
      [{ ...specs[0] }, specs[1]],
      [...specs, rule('ccc', ['baz_'])],
      [specs[0]],
    ] as RuleSpec[][]) {
      expect(offeredKeywordTables(other)).toBeUndefined();
      expect(tablesOf(other).keywords).toContain('foo_');
    }
  });

  it('give the literal prefixes that the rules’ own keywords give', () => {
    const catalogue = compileCatalogue(builtinRules);
    const expected = new Set<string>();
    for (const r of catalogue.rules) {
      if (r.generic) continue;
      for (const k of r.keywords) if (k.length >= 4 && /^[a-z0-9][a-z0-9_.-]*[_.-]$/.test(k)) expected.add(k);
    }
    for (const word of ['key-', 'secret-', 'secret-live-', 'secret-test-', '1000.']) expected.delete(word);
    const prefixes = claimedPrefixSet(catalogue);
    expect(prefixes).toEqual(expected);
    expect(prefixes.size).toBeGreaterThan(100);
    expect(prefixes.has('glpat-')).toBe(true);
    // A generic rule's keywords are not a provider's prefix.
    expect(claimedPrefixSet(compileCatalogue([rule('aaa', ['abcd_'], { tags: ['generic'] })])).has('abcd_')).toBe(false);
  });
});
