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

  // Trie in a flat table (-1: no edge), at most one state per keyword byte; densified below.
  // A flat table rather than a Map per state: catalogues have hundreds of keywords, and
  // building this runs at every start (pre-commit latency).
  const maxStates = 1 + patterns.reduce((n, p) => n + p.length, 0);
  const trie = new Int32Array(maxStates * classCount).fill(-1);
  const own: number[][] = [[]];
  let stateCount = 1;
  patterns.forEach((p, id) => {
    let s = 0;
    for (const b of p) {
      const edge = s * classCount + (classes[b] ?? 0);
      let next = trie[edge] as number;
      if (next === -1) {
        next = stateCount++;
        trie[edge] = next;
        own.push([]);
      }
      s = next;
    }
    own[s]?.push(id);
  });

  const delta = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  const outputs: Array<number[] | undefined> = new Array(stateCount * classCount);
  const order = new Int32Array(stateCount);
  let queued = 1; // order[0] = 0, the root
  for (let q = 0; q < queued; q++) {
    const s = order[q] as number;
    const inherited = s === 0 ? [] : (outputs[(fail[s] as number) * classCount] ?? []);
    const mine = own[s] ?? [];
    if (mine.length + inherited.length > 0) outputs[s * classCount] = [...mine, ...inherited];
    for (let c = 0; c < classCount; c++) {
      const child = trie[s * classCount + c] as number;
      if (child !== -1) {
        fail[child] = s === 0 ? 0 : (delta[(fail[s] as number) * classCount + c] as number) / classCount;
        delta[s * classCount + c] = child * classCount;
        order[queued++] = child;
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
