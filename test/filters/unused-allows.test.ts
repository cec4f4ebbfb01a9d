import { describe, expect, it } from 'vitest';
import { lineKey } from '../../src/filters/candidate.js';
import { unusedAllows } from '../../src/filters/unused-allows.js';

describe('unusedAllows', () => {
  it('lists markers that silenced nothing once each, sorted', () => {
    const markers = [
      { path: 'b.py', line: 2 },
      { path: 'a.js', line: 7 },
      { path: 'a.js', line: 3 },
      { path: 'a.js', line: 3 },
      { path: 'c.sh', line: 1, commit: 'abc' },
    ];
    const used = new Set([lineKey('b.py', 2, undefined), lineKey('c.sh', 1, 'def')]);
    expect(unusedAllows(markers, used)).toEqual([
      { path: 'a.js', line: 3 },
      { path: 'a.js', line: 7 },
      { path: 'c.sh', line: 1, commit: 'abc' },
    ]);
  });
});
