import { describe, expect, it } from 'vitest';
import { withLeanHeap } from '../../src/pool/heap-policy.js';

describe('the history scan heap policy', () => {
  it('sets the growth flag for the scan and gives V8 its own choice back after, once for nested scans', async () => {
    const set: string[] = [];
    const record = (f: string): void => {
      set.push(f);
    };
    const inner = await withLeanHeap(async () => {
      expect(set).toEqual(['--heap-growing-percent=30']);
      return withLeanHeap(async () => 'done', record);
    }, record);
    expect(inner).toBe('done');
    expect(set).toEqual(['--heap-growing-percent=30', '--heap-growing-percent=0']);
  });

  it('gives the flag back when the scan fails', async () => {
    const set: string[] = [];
    await expect(
      withLeanHeap(
        async () => {
          throw new Error('git failed');
        },
        (f) => set.push(f),
      ),
    ).rejects.toThrow('git failed');
    expect(set).toEqual(['--heap-growing-percent=30', '--heap-growing-percent=0']);
  });
});
