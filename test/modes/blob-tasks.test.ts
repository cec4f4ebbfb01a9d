import { describe, expect, it } from 'vitest';
import { taskBytes } from '../../src/modes/history-blobs.js';

const MiB = 1 << 20;

/** The task sizes blobTasks cuts `total` bytes into (blobs small enough to split anywhere). */
function cut(total: number, workers: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; ) {
    const size = Math.min(left, taskBytes(left, workers));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

describe('blob task sizes', () => {
  it('keeps a small history in 64 MiB tasks, as before', () => {
    // express: 154 MB of blobs, three tasks on two workers.
    expect(cut(154e6, 2).length).toBe(3);
    expect(taskBytes(154e6, 2)).toBe(64 * MiB);
  });

  it('cuts a large history into fewer, larger tasks (fewer cat-file spawns), at most 256 MiB', () => {
    // git/git: 5.6 GB of blobs.
    const sizes = cut(5.6e9, 2);
    expect(Math.max(...sizes)).toBe(256 * MiB);
    expect(sizes.length).toBeLessThan(5.6e9 / (64 * MiB) / 2);
    expect(sizes.length).toBeGreaterThanOrEqual(2 * 4);
  });

  it('shrinks the tasks toward the end, so the workers finish together', () => {
    const sizes = cut(5.6e9, 2);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1] as number);
    expect(sizes.slice(-4).every((s) => s <= 64 * MiB)).toBe(true);
  });

  it('scales with the workers, and treats no workers as one', () => {
    expect(taskBytes(2e9, 8)).toBe(64 * MiB);
    expect(taskBytes(2e9, 1)).toBe(256 * MiB);
    expect(taskBytes(2e9, 0)).toBe(taskBytes(2e9, 1));
  });
});
