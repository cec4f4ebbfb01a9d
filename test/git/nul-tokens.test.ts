import { describe, expect, it } from 'vitest';
import { nulRecords, nulTokenBatches, nulTokens } from '../../src/git/run.js';

async function* chunksOf(parts: readonly string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p, 'latin1');
}

async function tokens(parts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const t of nulTokens(chunksOf(parts))) out.push(t.toString('latin1'));
  return out;
}

describe('nulTokens', () => {
  it('gives the same tokens wherever git’s output is cut into chunks', async () => {
    const text = 'commit a\0path/one\0\0a much longer token with spaces\0x\0tail-without-nul';
    const expected = text.split('\0');
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b += 3) {
        const got = await tokens([text.slice(0, a), text.slice(a, b), text.slice(b)]);
        expect(got, `cut at ${a} and ${b}`).toEqual(expected);
      }
    }
  });

  it('joins a token spread over many chunks without a NUL, and one that ends exactly at an edge', async () => {
    const long = 'm'.repeat(1000);
    const pieces = [...Array.from({ length: 100 }, (_v, i) => long.slice(i * 10, i * 10 + 10)), '\0next\0'];
    expect(await tokens(pieces)).toEqual([long, 'next']);
    expect(await tokens(['one\0', 'two\0', 'three'])).toEqual(['one', 'two', 'three']);
  });

  it('nulTokenBatches gives the same tokens, at most one batch per chunk (and one for an unterminated tail), none empty', async () => {
    const text = 'commit a\0path/one\0\0a much longer token with spaces\0x\0tail-without-nul';
    for (let a = 0; a <= text.length; a += 2) {
      const parts = [text.slice(0, a), text.slice(a, a + 5), text.slice(a + 5)];
      const batches: string[][] = [];
      for await (const batch of nulTokenBatches(chunksOf(parts))) batches.push(batch.map((t) => t.toString('latin1')));
      expect(batches.flat(), `cut at ${a}`).toEqual(text.split('\0'));
      expect(batches.length).toBeLessThanOrEqual(parts.length + 1);
      expect(batches.every((b) => b.length > 0)).toBe(true);
    }
  });

  it('nulRecords gives the same records, each a copy that outlives the chunk it came from', async () => {
    const chunk = Buffer.from('kept/name\0other\0', 'latin1');
    const records: Buffer[] = [];
    for await (const r of nulRecords(
      (async function* () {
        yield chunk;
      })(),
    ))
      records.push(r);
    chunk.fill(0x78);
    expect(records.map((r) => r.toString('latin1'))).toEqual(['kept/name', 'other']);
  });
});
