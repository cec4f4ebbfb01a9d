import { describe, expect, it } from 'vitest';
import { BLOB_DESIGN_MIN_COMMITS, chooseDesign, forcedDesign } from '../../src/modes/history-design.js';

const full = { commits: 85_361, cached: 0, sharded: false };

describe('the history design', () => {
  it('scans a long history by blobs and a short one, a cached repeat or a shard by patches', () => {
    expect(chooseDesign(full, undefined)).toBe('blobs');
    expect(chooseDesign({ ...full, commits: BLOB_DESIGN_MIN_COMMITS - 1 }, undefined)).toBe('patches');
    expect(chooseDesign({ ...full, cached: 1 }, undefined)).toBe('patches');
    expect(chooseDesign({ ...full, sharded: true }, undefined)).toBe('patches');
  });

  it('is forced by KEYSCAN_HISTORY_DESIGN, except that a shard always scans patches', () => {
    expect(forcedDesign({})).toBeUndefined();
    expect(forcedDesign({ KEYSCAN_HISTORY_DESIGN: 'auto' })).toBeUndefined();
    expect(forcedDesign({ KEYSCAN_HISTORY_DESIGN: 'blobs' })).toBe('blobs');
    expect(chooseDesign({ ...full, commits: 3 }, 'blobs')).toBe('blobs');
    expect(chooseDesign(full, 'patches')).toBe('patches');
    expect(chooseDesign({ ...full, sharded: true }, 'blobs')).toBe('patches');
    expect(() => forcedDesign({ KEYSCAN_HISTORY_DESIGN: 'blob' })).toThrow(/patches, blobs or auto/);
  });
});
