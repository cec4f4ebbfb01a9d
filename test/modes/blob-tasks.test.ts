import { describe, expect, it } from 'vitest';
import { TaskSizer } from '../../src/modes/history-blobs.js';

const MiB = 1 << 20;

/** The task sizes blobTasks cuts `total` bytes into (blobs small enough to split anywhere). */
function cut(total: number, workers: number): number[] {
  const sizer = new TaskSizer(total, workers);
  const sizes: number[] = [];
  for (let left = total; left > 0.5; ) {
    const size = Math.min(left, sizer.target);
    sizes.push(size);
    sizer.cut(size);
    left -= size;
  }
  return sizes;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1;

describe('blob task sizes', () => {
  it('cuts a small history into one equal task per worker, none left over', () => {
    // express: 154 MB of blobs on two workers (64 MiB tasks left a third, judged alone).
    expect(cut(154e6, 2)).toHaveLength(2);
    expect(cut(154e6, 2).every((s) => near(s, 77e6))).toBe(true);
    expect(cut(154e6, 1)).toHaveLength(2);
    expect(cut(10e6, 4)).toHaveLength(4);
    expect(cut(10e6, 1)).toEqual([10e6]);
  });

  it('cuts a large history into fewer, larger tasks (fewer cat-file spawns), at most 256 MiB', () => {
    // git/git: 5.6 GB of blobs.
    const sizes = cut(5.6e9, 2);
    expect(Math.max(...sizes)).toBe(256 * MiB);
    expect(sizes.length).toBeLessThan(5.6e9 / (64 * MiB) / 2);
    expect(sizes.length).toBeGreaterThanOrEqual(2 * 4);
  });

  it('shrinks the tasks toward the end, and ends in equal tasks, a whole number per worker', () => {
    for (const workers of [1, 2, 3, 8]) {
      const sizes = cut(5.6e9, workers);
      const last = sizes[sizes.length - 1] as number;
      const tail = sizes.filter((s) => near(s, last));
      expect(sizes.slice(-tail.length).every((s) => near(s, last))).toBe(true);
      expect(tail.length % workers).toBe(0);
      const ahead = sizes.slice(0, -tail.length);
      for (let i = 1; i < ahead.length; i++) expect(ahead[i]).toBeLessThanOrEqual(ahead[i - 1] as number);
      expect(last).toBeGreaterThanOrEqual(64 * MiB);
      expect(last).toBeLessThan(2 * 64 * MiB);
    }
  });

  it('never asks for an empty task, even when no blob has a listed size', () => {
    // Blobs the store's listing did not give have size 0: with a target of 0, each would be a task.
    expect(new TaskSizer(0, 2).target).toBeGreaterThan(0);
    expect(cut(1, 2)).toEqual([1]);
  });

  it('scales with the workers, and treats no workers as one', () => {
    expect(new TaskSizer(2e9, 8).target).toBeLessThan(2 * 64 * MiB);
    expect(new TaskSizer(2e9, 1).target).toBe(256 * MiB);
    expect(new TaskSizer(2e9, 0).target).toBe(new TaskSizer(2e9, 1).target);
  });
});
