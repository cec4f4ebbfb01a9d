import { describe, expect, it } from 'vitest';
import { type BlobBatch, batchId, batchSize } from '../../src/scanner/blob-batch.js';
import { describeTask } from '../../src/scanner/task.js';

const id = (n: number, width = 40): string => n.toString(16).padStart(width, '0');

function batch(ids: string[]): BlobBatch {
  return {
    ids: `${ids.join('\n')}\n`,
    paths: ['a.txt', 'b/c.env'],
    pathStart: Int32Array.from([0, ...ids.map((_, i) => i + 1)]),
    pathIndex: Int32Array.from(ids.map((_, i) => i % 2)),
  };
}

describe('blob batches', () => {
  it('count their blobs and give each id back, for SHA-1 and SHA-256 ids', () => {
    for (const width of [40, 64]) {
      const ids = [id(1, width), id(2, width), id(0xabc, width)];
      const b = batch(ids);
      expect(batchSize(b)).toBe(3);
      expect(ids.map((_, i) => batchId(b, i))).toEqual(ids);
    }
  });

  it('name their blobs in error messages, five at most', () => {
    const ids = Array.from({ length: 7 }, (_, i) => id(i + 1));
    const shown = describeTask({ kind: 'blobs', repo: '/r', blobs: batch(ids) });
    expect(shown).toBe(
      `${ids
        .slice(0, 5)
        .map((i) => `blob ${i}`)
        .join(', ')} and 2 more`,
    );
  });
});
