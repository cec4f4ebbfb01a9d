import { describe, expect, it } from 'vitest';
import { compileKeywords, findKeywords } from '../../src/engine/keywords.js';

function hits(keywords: string[], text: string): Array<[string, number]> {
  const m = compileKeywords(keywords);
  const out: Array<[string, number]> = [];
  findKeywords(m, Buffer.from(text), (id, end) => out.push([keywords[id] as string, end]));
  return out;
}

/** The obvious algorithm, to compare the automaton against. */
function naive(keywords: string[], text: string): Array<[string, number]> {
  const lower = text.toLowerCase();
  const out: Array<[string, number]> = [];
  for (let end = 1; end <= lower.length; end++) {
    for (const k of keywords) if (lower.slice(0, end).endsWith(k)) out.push([k, end]);
  }
  return out;
}

describe('keyword automaton', () => {
  it('finds overlapping and nested keywords, case-insensitively', () => {
    const found = hits(['he', 'she', 'his', 'hers'], 'uSHERS');
    expect(found.sort()).toEqual([
      ['he', 4],
      ['hers', 6],
      ['she', 4],
    ]);
  });

  it('agrees with a naive search on random text', () => {
    const keywords = ['ghp_', 'gh', 'xoxb-', 'akia', 'aa', 'aab', 'token', 'sk_live_', 'k_l'];
    const alphabet = 'aAbkghp_xoX-sltiveyn';
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 200; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const sort = (a: Array<[string, number]>) => a.map((x) => x.join('@')).sort();
      expect(sort(hits(keywords, text))).toEqual(sort(naive(keywords, text)));
    }
  });

  it('matches keywords with non-ASCII bytes and ignores case only for ASCII', () => {
    expect(hits(['clé'], 'CLÉ clé')).toEqual([['clé', 9]]); // byte offsets: É is not folded
  });
});

describe('precompiled automaton', () => {
  it('round-trips through bytes and finds exactly what a fresh build finds', async () => {
    const { deserializeKeywords, serializeKeywords } = await import('../../src/engine/keywords.js');
    const keywords = ['ghp_', 'xoxb-', 'akia', 'token', 'password', 'sk_live_', 'clé'];
    const fresh = compileKeywords(keywords);
    const loaded = deserializeKeywords(serializeKeywords(fresh));
    const text = Buffer.from('my token=ghp_x and XOXB-1 AKIAZZ password clé sk_live_y '.repeat(50));
    const run = (m: typeof fresh) => {
      const out: Array<[number, number]> = [];
      findKeywords(m, text, (id, end) => out.push([id, end]));
      return out;
    };
    expect(run(loaded)).toEqual(run(fresh));
    expect(run(fresh).length).toBeGreaterThan(300);
  });

  it('is used only for the keyword list it was built from', async () => {
    const { offerPrecompiledKeywords, serializeKeywords } = await import('../../src/engine/keywords.js');
    offerPrecompiledKeywords(serializeKeywords(compileKeywords(['aaa', 'bbb'])));
    // Another list compiles as usual and finds its own keywords.
    expect(hits(['ccc'], 'xcccx')).toEqual([['ccc', 4]]);
    expect(hits(['aaa', 'bbb'], 'aaabbb')).toEqual([
      ['aaa', 3],
      ['bbb', 6],
    ]);
  });
});
