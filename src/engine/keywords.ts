/**
 * Keyword prefilter: an Aho–Corasick automaton compiled to a dense DFA over bytes.
 *
 * Why bytes and not strings: most files contain no keyword at all, and scanning the raw
 * buffer lets them pass without ever being decoded. Matching is ASCII case-insensitive
 * (keywords are stored lowercase; `A`–`Z` in the input fold onto their lowercase class).
 */

/** A compiled keyword set. Build once per thread with {@link compileKeywords}. */
export interface KeywordMatcher {
  readonly keywords: readonly string[];
  /** Row-major transition table; entries are premultiplied by the number of classes. */
  readonly delta: Int32Array;
  /** Byte → class index. */
  readonly classes: Uint8Array;
  /** For each premultiplied state: the keyword ids that end there (own and inherited), or undefined. */
  readonly outputs: ReadonlyArray<readonly number[] | undefined>;
}

const encoder = new TextEncoder();

export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  const patterns = keywords.map((k) => encoder.encode(k.toLowerCase()));
  const classes = new Uint8Array(256);
  let classCount = 1; // class 0: a byte that occurs in no keyword
  for (const p of patterns) {
    for (const b of p) {
      if (classes[b] === 0) classes[b] = classCount++;
    }
  }
  for (let b = 0x41; b <= 0x5a; b++) {
    const lower = classes[b + 0x20] ?? 0;
    if (lower !== 0) classes[b] = lower;
  }

  // Trie with sparse edges first; densified below.
  const edges: Array<Map<number, number>> = [new Map()];
  const own: number[][] = [[]];
  patterns.forEach((p, id) => {
    let s = 0;
    for (const b of p) {
      const c = classes[b] ?? 0;
      let next = edges[s]?.get(c);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        own.push([]);
        edges[s]?.set(c, next);
      }
      s = next;
    }
    own[s]?.push(id);
  });

  const stateCount = edges.length;
  const delta = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  const outputs: Array<number[] | undefined> = new Array(stateCount * classCount);
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) {
    const s = order[q] as number;
    const inherited = s === 0 ? [] : (outputs[(fail[s] as number) * classCount] ?? []);
    const mine = own[s] ?? [];
    if (mine.length + inherited.length > 0) outputs[s * classCount] = [...mine, ...inherited];
    for (let c = 0; c < classCount; c++) {
      const child = edges[s]?.get(c);
      if (child !== undefined) {
        fail[child] = s === 0 ? 0 : (delta[(fail[s] as number) * classCount + c] as number) / classCount;
        delta[s * classCount + c] = child * classCount;
        order.push(child);
      } else {
        delta[s * classCount + c] = s === 0 ? 0 : (delta[(fail[s] as number) * classCount + c] as number);
      }
    }
  }
  return { keywords: [...keywords], delta, classes, outputs };
}

/**
 * Finds every keyword occurrence in `data[start, end)`.
 * Calls `onHit(keywordId, endOffset)` with the offset just past the keyword's last byte.
 */
export function findKeywords(
  matcher: KeywordMatcher,
  data: Uint8Array,
  onHit: (keywordId: number, end: number) => void,
  start = 0,
  end = data.length,
): void {
  const { delta, classes, outputs } = matcher;
  let s = 0;
  for (let i = start; i < end; i++) {
    s = delta[s + (classes[data[i] as number] as number)] as number;
    const out = outputs[s];
    if (out !== undefined) {
      for (const id of out) onHit(id, i + 1);
    }
  }
}
