import { describe, expect, it } from 'vitest';
import { WASM_AFTER } from '../../src/engine/keyword-scan.js';
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

  it('agrees with a plain search over texts long enough to be scanned in parallel lanes and blocks', () => {
    // Lanes split every 64 KiB block in four and start early by the longest keyword: keywords
    // that straddle a lane's or a block's edge must be found once, and in order of their ends.
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const keywords = ['ab', 'abc', 'ba', 'cab', 'aaaa', `${'abc'.repeat(13)}a`, 'c-c', 'bb'];
    const m = compileKeywords(keywords);
    // The first text is past WASM_AFTER: this matcher moves to WebAssembly at once; a fresh one
    // (the last length's second matcher) scans in JavaScript and must agree.
    for (const length of [WASM_AFTER + 12_345, 4095, 4096 * 4 + 3, 65536, 65536 * 3 + 17, 300_000]) {
      let text = '';
      while (text.length < length) text += rnd() < 0.01 ? keywords[5] : 'abcAB-'[Math.floor(rnd() * 6)];
      text = text.slice(0, length);
      const lower = text.toLowerCase();
      const expected: string[] = [];
      keywords.forEach((k) => {
        for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) expected.push(`${k}@${i + k.length}`);
      });
      const found: string[] = [];
      let last = 0;
      let ordered = true;
      findKeywords(m, Buffer.from(text), (id, end) => {
        if (end < last) ordered = false;
        last = end;
        found.push(`${keywords[id]}@${end}`);
      });
      expect(ordered).toBe(true);
      expect(found.sort()).toEqual(expected.sort());
      if (length < WASM_AFTER) {
        const inJs: string[] = [];
        findKeywords(compileKeywords(keywords), Buffer.from(text), (id, end) => inJs.push(`${keywords[id]}@${end}`));
        expect(inJs.sort()).toEqual(found);
      }
      // A range of the text finds what lies wholly inside it.
      const from = Math.floor(length / 3);
      const inRange: string[] = [];
      findKeywords(m, Buffer.from(text), (id, end) => inRange.push(`${keywords[id]}@${end}`), from, length - 5);
      const fits = (h: string) => {
        const [k, at] = h.split('@') as [string, string];
        return Number(at) - k.length >= from && Number(at) <= length - 5;
      };
      expect(inRange.sort()).toEqual(expected.filter(fits).sort());
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

  it('is handed to worker threads in shared memory, the same bytes, copied once', async () => {
    const { deserializeKeywords, offerPrecompiledKeywords, precompiledKeywordData, serializeKeywords } = await import(
      '../../src/engine/keywords.js'
    );
    const bytes = serializeKeywords(compileKeywords(['aaa', 'bbb']));
    offerPrecompiledKeywords(bytes);
    const shared = precompiledKeywordData();
    expect(shared?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared?.equals(bytes)).toBe(true);
    expect(precompiledKeywordData()).toBe(shared);
    // A worker reads the table in place: a view of the shared memory, not a copy.
    const read = deserializeKeywords(shared as Buffer);
    expect(read.delta.buffer).toBe(shared?.buffer);
  });
});
