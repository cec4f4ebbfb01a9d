/** Below this many needles of one length, plain searches are cheaper than a rolling hash. */
const FEW = 4;

/**
 * Which of `needles` occur in `haystack`, in time linear in the haystack per distinct needle
 * length (not per needle: 100,000 findings in one file once meant 100,000 searches of it).
 * Needles of one length share one pass of a rolling hash; a hash hit is confirmed byte by byte.
 */
export function containedIn(haystack: Buffer, needles: readonly string[]): Set<number> {
  const found = new Set<number>();
  const byLength = new Map<number, Array<{ index: number; bytes: Buffer }>>();
  needles.forEach((needle, index) => {
    const bytes = Buffer.from(needle, 'utf8');
    if (bytes.length === 0 || bytes.length > haystack.length) return;
    const group = byLength.get(bytes.length);
    if (group === undefined) byLength.set(bytes.length, [{ index, bytes }]);
    else group.push({ index, bytes });
  });
  for (const [length, group] of byLength) {
    if (group.length <= FEW) {
      for (const n of group) if (haystack.includes(n.bytes)) found.add(n.index);
      continue;
    }
    const wanted = new Map<number, Array<{ index: number; bytes: Buffer }>>();
    for (const n of group) {
      const h = hashOf(n.bytes, 0, length);
      const list = wanted.get(h);
      if (list === undefined) wanted.set(h, [n]);
      else list.push(n);
    }
    // B^(length-1) mod 2^32, to take the leaving byte out of the window.
    let top = 1;
    for (let i = 1; i < length; i++) top = Math.imul(top, BASE);
    let h = hashOf(haystack, 0, length);
    for (let start = 0; ; start++) {
      const candidates = wanted.get(h);
      if (candidates !== undefined) {
        for (const n of candidates) {
          if (!found.has(n.index) && haystack.compare(n.bytes, 0, length, start, start + length) === 0) found.add(n.index);
        }
      }
      const end = start + length;
      if (end >= haystack.length) break;
      h = (Math.imul(h - Math.imul(haystack[start] as number, top), BASE) + (haystack[end] as number)) >>> 0;
    }
  }
  return found;
}

const BASE = 257;

function hashOf(bytes: Buffer, from: number, length: number): number {
  let h = 0;
  for (let i = from; i < from + length; i++) h = (Math.imul(h, BASE) + (bytes[i] as number)) >>> 0;
  return h;
}
