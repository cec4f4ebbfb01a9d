import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Locator, type Position } from '../../src/engine/locate.js';

/** The definition: count newlines before the offset; UTF-16 units from the line's start. */
function naive(data: Buffer, offset: number): Position {
  const lineStart = offset === 0 ? 0 : data.lastIndexOf(10, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (data[i] === 10) line++;
  return { line, column: data.toString('utf8', lineStart, offset).length + 1 };
}

describe('Locator', () => {
  it('gives the positions of the definition for offsets in any order, on char boundaries', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é', '€', '😀'), maxLength: 200 });
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 40 }), (s, picks) => {
        const data = Buffer.from(s, 'utf8');
        // Offsets at character starts (findings start and end on them).
        const starts = [0];
        for (const ch of s) starts.push((starts[starts.length - 1] as number) + Buffer.byteLength(ch));
        const locator = new Locator(data);
        for (const p of picks) {
          const offset = starts[p % starts.length] as number;
          expect(locator.at(offset)).toEqual(naive(data, offset));
        }
      }),
      { numRuns: 500 },
    );
  });
});
