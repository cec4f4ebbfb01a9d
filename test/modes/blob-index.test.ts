import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobIds, ChangeLists, StoredList } from '../../src/modes/blob-index.js';

const ids = (n: number, bytes = 20): string[] => Array.from({ length: n }, () => randomBytes(bytes).toString('hex'));

describe('BlobIds', () => {
  it('numbers each id once, in the order first added, across rehashes', () => {
    // Past the first table's 4,096 slots: several rehashes.
    const list = ids(20_000);
    const table = new BlobIds();
    const numbers = list.map((id) => table.add(id));
    const again = list.map((id) => table.add(id.toUpperCase()));
    const order = list.map((_, i) => i);
    expect(numbers).toEqual(order);
    expect(again).toEqual(order);
    expect(table.size).toBe(list.length);
    expect(list.map((id) => table.numberOf(id))).toEqual(order);
    expect(order.map((i) => table.hex(i))).toEqual(list);
    expect(table.numberOf(ids(1)[0] as string)).toBe(-1);
  });

  it('tells apart ids that share their first bytes (the slot they hash to)', () => {
    const table = new BlobIds();
    const a = `deadbeef${'0'.repeat(32)}`;
    const b = `deadbeef${'0'.repeat(31)}1`;
    expect(table.add(a)).toBe(0);
    expect(table.add(b)).toBe(1);
    expect(table.numberOf(a)).toBe(0);
    expect(table.numberOf(b)).toBe(1);
    // Not hex, or of another length: no blob (and no read past the id).
    expect(table.numberOf(`deadbeef${'0'.repeat(31)}g`)).toBe(-1);
    expect(table.numberOf('deadbeef')).toBe(-1);
  });

  it('holds SHA-256 ids, and refuses ids of another length or not in hex', () => {
    const table = new BlobIds();
    const [long] = ids(1, 32) as [string];
    expect(table.add(long)).toBe(0);
    expect(table.hex(0)).toBe(long);
    expect(() => table.add(ids(1)[0] as string)).toThrow(/two lengths/);
    expect(() => table.add(`${'z'.repeat(64)}`)).toThrow(/hexadecimal/);
  });
});

describe('ChangeLists', () => {
  it('keeps each blob its own changes, newest first', () => {
    const lists = new ChangeLists();
    for (let c = 0; c < 10_000; c++) lists.add(c % 7 === 0 ? 5000 : c % 3, c, c * 2);
    const of = (blob: number): number[] => {
      const out: number[] = [];
      lists.each(blob, (commit, path) => {
        expect(path).toBe(commit * 2);
        out.push(commit);
      });
      return out;
    };
    const expected = (keep: (c: number) => boolean): number[] =>
      Array.from({ length: 10_000 }, (_, c) => c)
        .filter(keep)
        .reverse();
    expect(of(5000)).toEqual(expected((c) => c % 7 === 0));
    expect(of(1)).toEqual(expected((c) => c % 7 !== 0 && c % 3 === 1));
    expect(of(4)).toEqual([]);
    expect(of(99_999)).toEqual([]);
  });
});

describe('StoredList', () => {
  it('maps stored blobs to the indexed ones in listing order, -1 for the rest', () => {
    const known = ids(3);
    const table = new BlobIds();
    for (const id of known) table.add(id);
    const stored = new StoredList();
    const listing = [known[2], ids(1)[0], known[0], known[2]] as string[];
    listing.forEach((id, i) => {
      const line = Buffer.from(`blob ${id} ${i}`, 'latin1');
      stored.add(line, 5, 5 + id.length, i * 10);
    });
    const seen: Array<[number, number]> = [];
    stored.drain(table, (blob, size) => seen.push([blob, size]));
    expect(seen).toEqual([
      [2, 0],
      [-1, 10],
      [0, 20],
      [2, 30],
    ]);
  });

  it('keeps ids and sizes apart across its chunks (SHA-256 ids too)', () => {
    for (const width of [20, 32]) {
      const known = ids(70_000, width); // past two chunks of 32,768
      const table = new BlobIds();
      for (const id of known.slice(0, 50_000)) table.add(id);
      const stored = new StoredList();
      known.forEach((id, i) => {
        const line = Buffer.from(`blob ${id} ${i * 3}`, 'latin1');
        stored.add(line, 5, 5 + id.length, i * 3);
      });
      expect(stored.size).toBe(known.length);
      let n = 0;
      let wrong = 0;
      stored.drain(table, (blob, size) => {
        if (blob !== (n < 50_000 ? n : -1) || size !== n * 3) wrong++;
        n++;
      });
      expect([n, wrong]).toEqual([known.length, 0]);
      // Drained: it lets go of what it listed.
      expect(stored.size).toBe(0);
    }
  });

  it('refuses an id that is not hex, or of another length than the first', () => {
    const stored = new StoredList();
    const good = ids(1)[0] as string;
    stored.add(Buffer.from(good), 0, good.length, 1);
    const bad = `${good.slice(0, 39)}z`;
    expect(() => stored.add(Buffer.from(bad), 0, bad.length, 1)).toThrow(/hexadecimal/);
    expect(() => stored.add(Buffer.from(good), 0, 38, 1)).toThrow(/two lengths/);
  });
});
