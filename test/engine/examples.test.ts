import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedExamples } from '../../rules/examples.js';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { exampleHash, isDocumentedExample } from '../../src/engine/examples.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { tokens } from '../helpers/tokens.js';

const catalogue = compileCatalogue(builtinRules);
const scan = (text: string) => scanFragment(catalogue, Buffer.from(text), { path: 'f', source: 'file' });

describe('documented example credentials', () => {
  it('are recognised by their keyed hash, whole values only', () => {
    const keyId = ['AKIAIOSFODNN7', 'EXAMPLE'].join('');
    expect(isDocumentedExample(keyId)).toBe(true);
    expect(isDocumentedExample(`${keyId}X`)).toBe(false);
    expect(isDocumentedExample(tokens.awsKeyId())).toBe(false);
    expect(exampleHash(keyId)).toMatch(/^[0-9a-f]{32}$/);
  });

  it("give the same answers when asked again, past the memo's bound (it forgets, never answers wrong)", () => {
    const keyId = ['AKIAIOSFODNN7', 'EXAMPLE'].join('');
    const others = Array.from({ length: 5000 }, () => tokens.awsKeyId());
    for (let round = 0; round < 2; round++) {
      expect(others.filter((t) => isDocumentedExample(t))).toEqual([]);
      expect(isDocumentedExample(keyId)).toBe(true);
    }
  });

  it('mark findings as examples instead of dropping them, before entropy and placeholder checks', () => {
    // Redis's documented requirepass value: neither random nor a placeholder word.
    const found = scan(['REDIS_PASSWORD=', 'foo', 'bared', '\n'].join(''));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.kind === 'example' && f.message.includes('documented example'))).toBe(true);
  });

  it('are stored as hashes: the list itself is clean to scan', () => {
    const text = readFileSync(new URL('../../rules/examples.ts', import.meta.url));
    expect(scanFragment(catalogue, text, { path: 'rules/examples.ts', source: 'file' })).toEqual([]);
    for (const e of documentedExamples) {
      expect(e.hash).toMatch(/^[0-9a-f]{32}$/);
      expect(e.source.length).toBeGreaterThan(10);
    }
    expect(new Set(documentedExamples.map((e) => e.hash)).size).toBe(documentedExamples.length);
  });
});
