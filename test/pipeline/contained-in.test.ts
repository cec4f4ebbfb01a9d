import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containedIn } from '../../src/pipeline/history.js';

describe('containedIn', () => {
  it('agrees with Buffer.includes for every needle, whatever the lengths and repeats', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '\n'), maxLength: 300 });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 30 }), (hay, needles) => {
        const haystack = Buffer.from(hay, 'utf8');
        const expected = new Set(needles.flatMap((n, i) => (n !== '' && haystack.includes(Buffer.from(n, 'utf8')) ? [i] : [])));
        expect(containedIn(haystack, needles)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('finds many needles of one length, at the start, the end and in between', () => {
    const needles = Array.from({ length: 50 }, (_, i) => `tok${String(i).padStart(4, '0')}`);
    const haystack = Buffer.from(`${needles[0]}x${needles.slice(1, 49).join('\n')}y${needles[49]}`);
    const found = containedIn(haystack, [...needles, 'tok9999', 'tok0000x']);
    expect([...found].sort((a, b) => a - b)).toEqual([...needles.keys(), 51]);
  });
});
