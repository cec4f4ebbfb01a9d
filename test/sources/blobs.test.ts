import { describe, expect, it } from 'vitest';
import { BlobReader } from '../../src/sources/blobs.js';
import { git, makeRepo } from '../helpers/repo.js';

describe('BlobReader', () => {
  it('answers requests in order: whole blobs, the head of one over the cap, a missing one', async () => {
    const big = Buffer.alloc(3 << 20, 'a'); // arrives in many chunks
    big.write('end', big.length - 3);
    const dir = makeRepo({ 'big.txt': big, 'small.txt': 'hello\n' }, { commit: true });
    const oid = (path: string) => git(dir, 'rev-parse', `HEAD:${path}`).trim();
    const reader = new BlobReader(dir, 4 << 20);
    const [a, b, c] = await Promise.all([reader.read(oid('big.txt')), reader.read(oid('small.txt')), reader.read('f'.repeat(40))]);
    expect(a?.data?.equals(big)).toBe(true);
    expect(b?.data?.toString()).toBe('hello\n');
    expect(c).toMatchObject({ missing: true, data: undefined });
    await reader.close();
    const capped = new BlobReader(dir, 1 << 20);
    const head = await capped.read(oid('big.txt'));
    expect(head).toMatchObject({ size: big.length, data: undefined, missing: false });
    expect(head.head.length).toBe(8000);
    expect((await capped.read(oid('small.txt'))).data?.toString()).toBe('hello\n');
    await capped.close();
  });

  it('fails every read when git cannot run, and close reports it', async () => {
    const reader = new BlobReader('/nonexistent-keyscan-dir', 1 << 20);
    await expect(reader.read('f'.repeat(40))).rejects.toThrow();
    await expect(reader.close()).rejects.toThrow();
  });
});
