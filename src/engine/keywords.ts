/**
 * Keyword prefilter: an Aho–Corasick automaton compiled to a dense DFA over bytes.
 *
 * Why bytes and not strings: most files contain no keyword at all, and scanning the raw
 * buffer lets them pass without ever being decoded. Matching is ASCII case-insensitive
 * (keywords are stored lowercase; `A`–`Z` in the input fold onto their lowercase class).
 */
import { scanKeywords } from './keyword-scan.js';

/** A compiled keyword set. Build once per thread with {@link compileKeywords}. */
export interface KeywordMatcher {
  readonly keywords: readonly string[];
  /**
   * Row-major transition table. A state is the byte offset of its row (index × classCount × 4), so
   * the WebAssembly loop (keyword-scan.ts) adds it to the table's base as is; in JavaScript the
   * next state is `delta[(s >> 2) + class]`.
   */
  readonly delta: Int32Array;
  /** Byte → class index. */
  readonly classes: Uint8Array;
  /**
   * States where a keyword ends are numbered last: `s >= acceptFrom` is the hot loop's whole test
   * for a hit, with no table to read for it.
   */
  readonly acceptFrom: number;
  /** For each state index (a state divided by classCount × 4): the keyword ids that end there, own and inherited. */
  readonly outputs: ReadonlyArray<readonly number[] | undefined>;
  /** Number of byte classes. */
  readonly classCount: number;
  /** The longest keyword in bytes: how far back a scan that starts mid-text must begin. */
  readonly maxLength: number;
}

const encoder = new TextEncoder();

function buildKeywords(keywords: readonly string[]): KeywordMatcher {
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
  // Dense, one slot per state: a sparse array this size would fall into dictionary mode.
  const outputs: Array<number[] | undefined> = new Array<number[] | undefined>(stateCount).fill(undefined);
  const order = new Int32Array(stateCount);
  let queued = 1; // order[0] = 0, the root
  for (let q = 0; q < queued; q++) {
    const s = order[q] as number;
    const inherited = s === 0 ? undefined : outputs[fail[s] as number];
    const mine = own[s] ?? [];
    if (mine.length > 0 || inherited !== undefined) {
      outputs[s] = inherited === undefined ? mine : [...mine, ...inherited];
    }
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
  return renumbered({ keywords, delta, classes, outputs, classCount, maxLength: patterns.reduce((n, p) => Math.max(n, p.length), 0) });
}

/**
 * The automaton with its accepting states moved after all others (the root stays 0) and its
 * entries turned into row byte offsets, the form {@link KeywordMatcher} describes.
 */
function renumbered(m: {
  keywords: readonly string[];
  delta: Int32Array;
  classes: Uint8Array;
  outputs: ReadonlyArray<readonly number[] | undefined>;
  classCount: number;
  maxLength: number;
}): KeywordMatcher {
  const { classCount } = m;
  const stateCount = m.outputs.length;
  const order: number[] = [];
  for (let s = 0; s < stateCount; s++) if (m.outputs[s] === undefined) order.push(s);
  const acceptIndex = order.length;
  for (let s = 0; s < stateCount; s++) if (m.outputs[s] !== undefined) order.push(s);
  const renamed = new Int32Array(stateCount);
  order.forEach((s, i) => {
    renamed[s] = i;
  });
  const row = classCount * 4;
  const delta = new Int32Array(stateCount * classCount);
  for (let i = 0; i < stateCount; i++) {
    const from = (order[i] as number) * classCount;
    for (let c = 0; c < classCount; c++) delta[i * classCount + c] = (renamed[(m.delta[from + c] as number) / classCount] as number) * row;
  }
  return {
    keywords: [...m.keywords],
    delta,
    classes: m.classes,
    acceptFrom: acceptIndex * row,
    outputs: order.map((s) => m.outputs[s]),
    classCount,
    maxLength: m.maxLength,
  };
}

/**
 * Finds every keyword occurrence in `data[start, end)`, in order of their ends.
 * Calls `onHit(keywordId, endOffset)` with the offset just past the keyword's last byte.
 */
export function findKeywords(
  matcher: KeywordMatcher,
  data: Uint8Array,
  onHit: (keywordId: number, end: number) => void,
  start = 0,
  end = data.length,
): void {
  scanKeywords(matcher, data, onHit, start, end);
}

/** Whether any keyword of `matcher` occurs in `text`: the automaton's loop, stopping at the first hit. */
export function hasKeyword(matcher: KeywordMatcher, text: Uint8Array, start = 0, end = text.length): boolean {
  const { delta, classes, acceptFrom } = matcher;
  let s = 0;
  for (let i = start; i < end; i++) {
    s = delta[(s >> 2) + (classes[text[i] as number] as number)] as number;
    if (s >= acceptFrom) return true;
  }
  return false;
}

/**
 * A compiled automaton as bytes, so the CLI can ship the built-in catalogue's automaton
 * precompiled (scripts/bundle.mjs) instead of building it at every start: ~15 ms of a pre-commit
 * run's ~150 ms, measured. Layout: header length (uint32 LE), JSON header, delta, classes.
 */
export function serializeKeywords(m: KeywordMatcher): Buffer {
  const json = JSON.stringify({
    keywords: m.keywords,
    classCount: m.classCount,
    acceptFrom: m.acceptFrom,
    maxLength: m.maxLength,
    outputs: m.outputs,
  });
  // Padded (JSON allows trailing spaces) so the table starts 4-byte aligned: then it is read in place.
  const header = Buffer.from(json.padEnd(json.length + ((4 - ((4 + Buffer.byteLength(json)) % 4)) % 4)));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  const delta = Buffer.from(m.delta.buffer, m.delta.byteOffset, m.delta.byteLength);
  return Buffer.concat([size, header, delta, Buffer.from(m.classes)]);
}

export function deserializeKeywords(data: Buffer): KeywordMatcher {
  const headerLength = data.readUInt32LE(0);
  const header = JSON.parse(data.toString('utf8', 4, 4 + headerLength)) as {
    keywords: string[];
    classCount: number;
    acceptFrom: number;
    maxLength: number;
    outputs: Array<number[] | null>;
  };
  let at = 4 + headerLength;
  const cells = header.outputs.length * header.classCount;
  const start = data.byteOffset + at;
  // Read in place when aligned (a file read whole, written padded): no copy of a table of megabytes.
  let delta: Int32Array;
  if (start % 4 === 0) delta = new Int32Array(data.buffer, start, cells);
  else {
    delta = new Int32Array(cells);
    Buffer.from(delta.buffer).set(data.subarray(at, at + cells * 4));
  }
  at += cells * 4;
  const classes = data.subarray(at, at + 256);
  const outputs = header.outputs.map((o) => o ?? undefined);
  const { keywords, classCount, acceptFrom, maxLength } = header;
  return { keywords, delta, classes, acceptFrom, outputs, classCount, maxLength };
}

let precompiled: { readonly key: string; readonly matcher: KeywordMatcher; readonly data: Buffer; shared?: Buffer } | undefined;

/**
 * Offers a serialized automaton to {@link compileKeywords}: used when the keyword list is exactly
 * the one it was built from (user rules with keywords of their own change the list), ignored
 * otherwise. Only ever an optimisation: without it, or when it is stale, keywords compile as usual.
 */
export function offerPrecompiledKeywords(data: Buffer): void {
  // Read once (its header is 100 kB of JSON); a matcher is never written to, so scans share it.
  const matcher = deserializeKeywords(data);
  precompiled = { key: matcher.keywords.join('\n'), matcher, data };
}

/**
 * The serialized automaton offered to this thread, for worker threads to be offered too
 * (pool/pool.ts): copied once into shared memory, so that every worker reads one table in place
 * instead of each copying its own 3.7 MB. Not read into shared memory in the first place: a
 * pre-commit run, which starts no worker, took 4-5 ms longer with it (25 interleaved runs, twice).
 */
export function precompiledKeywordData(): Buffer | undefined {
  if (precompiled === undefined) return undefined;
  if (precompiled.shared === undefined) {
    const { data } = precompiled;
    precompiled.shared = Buffer.from(new SharedArrayBuffer(data.length));
    precompiled.shared.set(data);
  }
  return precompiled.shared;
}

export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  if (precompiled !== undefined && precompiled.key === keywords.join('\n')) return precompiled.matcher;
  return buildKeywords(keywords);
}
