/**
 * The keyword automaton's hot loop, in WebAssembly emitted here (no compiled code is shipped).
 *
 * Why: a DFA is one dependent table read per byte, so a single loop waits on memory at every
 * byte (the catalogue's table is megabytes). Four loops over four parts of a block, interleaved
 * in one function, keep four reads in flight; in JavaScript the same loop pays for bounds and
 * type checks as well. Measured on the file bench's text: ~3× the plain JavaScript loop.
 *
 * Each part after the first starts `maxLength - 1` bytes early from the root state (a keyword
 * ending in the part starts no earlier) and reports only hits that end inside it; the first part
 * continues from the state the previous block ended in. Hits come back as (end, state) pairs,
 * replayed in order, so callers see exactly what one pass over the bytes gives.
 */
import type { KeywordMatcher } from './keywords.js';

/**
 * Bytes a matcher scans in plain JavaScript before it moves to WebAssembly: setting the module
 * up touches a fresh copy of the table (~15 ms for the built-in catalogue's, measured), which a
 * pre-commit scan of a few kilobytes must not pay. Exported for the tests of both paths.
 */
export const WASM_AFTER = 1024 * 1024;

/** Bytes copied into the module's memory and scanned per call. */
const BLOCK = 64 * 1024;
/** Parts of a block scanned side by side. */
const LANES = 4;
/** A part shorter than this is not worth its warm-up: the block is scanned as one part. */
const MIN_LANE = 1024;

// Memory layout: at 0, per lane four i32 (position, end, state, output cursor); the byte classes,
// the transition table, the hit buffers, the block.
const CLASSES = 64;
const DELTA = 512;

interface Scanner {
  readonly run: () => void;
  readonly i32: Int32Array;
  readonly u8: Uint8Array;
  readonly out: number;
  readonly block: number;
  readonly warm: number;
}

/** The part of the WebAssembly API used here: this project's TypeScript libs declare it only as types. */
interface Wasm {
  Memory: new (d: { initial: number }) => { readonly buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

const scanners = new WeakMap<KeywordMatcher, Scanner>();
/** Bytes each matcher has scanned in JavaScript so far. */
const scannedInJs = new WeakMap<KeywordMatcher, number>();

export function scanKeywords(
  m: KeywordMatcher,
  data: Uint8Array,
  onHit: (keywordId: number, end: number) => void,
  start: number,
  end: number,
): void {
  let scanner = scanners.get(m);
  if (scanner === undefined) {
    const scanned = (scannedInJs.get(m) ?? 0) + (end - start);
    scannedInJs.set(m, scanned);
    if (scanned <= WASM_AFTER) {
      scanInJs(m, data, onHit, start, end);
      return;
    }
    scanner = makeScanner(m);
    scanners.set(m, scanner);
  }
  const { run, i32, u8, out, block, warm } = scanner;
  const row = m.classCount * 4;
  const { outputs } = m;
  let state = 0;
  const laneStart = [0, 0, 0, 0];
  for (let b = start; b < end; b += BLOCK) {
    const length = Math.min(BLOCK, end - b);
    u8.set(data.subarray(b, b + length), block);
    const lanes = length >= LANES * Math.max(MIN_LANE, warm) ? LANES : 1;
    for (let k = 0; k < LANES; k++) {
      const p = k * 4;
      if (k >= lanes) {
        i32[p] = block;
        i32[p + 1] = block;
        continue;
      }
      const from = Math.floor((k * length) / lanes);
      const early = k === 0 ? from : from - (warm - 1);
      laneStart[k] = from;
      i32[p] = block + early;
      i32[p + 1] = block + Math.floor(((k + 1) * length) / lanes);
      i32[p + 2] = k === 0 ? state : 0;
      // Lane k's hits go at 8 × (early + k × warm): past the last that lane k - 1 can write.
      i32[p + 3] = out + 8 * (early + k * warm);
    }
    run();
    for (let k = 0; k < lanes; k++) {
      const p = k * 4;
      const from = laneStart[k] as number;
      const first = (out + 8 * ((k === 0 ? from : from - (warm - 1)) + k * warm)) >> 2;
      const last = (i32[p + 3] as number) >> 2;
      for (let h = first; h < last; h += 2) {
        const at = (i32[h] as number) - block;
        if (at <= from && k > 0) continue; // warm-up: the previous lane reported it
        for (const id of outputs[(i32[h + 1] as number) / row] as readonly number[]) onHit(id, b + at);
      }
    }
    state = i32[(lanes - 1) * 4 + 2] as number;
  }
}

/** The same automaton, one byte at a time. */
function scanInJs(m: KeywordMatcher, data: Uint8Array, onHit: (keywordId: number, end: number) => void, start: number, end: number): void {
  const { delta, classes, acceptFrom, outputs } = m;
  const row = m.classCount * 4;
  let s = 0;
  for (let i = start; i < end; i++) {
    s = delta[(s >> 2) + (classes[data[i] as number] as number)] as number;
    if (s >= acceptFrom) {
      for (const id of outputs[s / row] as readonly number[]) onHit(id, i + 1);
    }
  }
}

function makeScanner(m: KeywordMatcher): Scanner {
  const warm = Math.max(1, m.maxLength);
  const tableEnd = DELTA + m.delta.byteLength;
  const out = tableEnd + ((8 - (tableEnd % 8)) % 8);
  // Each lane holds at most one hit per byte it reads, warm-up included.
  const block = out + 8 * (BLOCK + LANES * warm);
  const bytes = block + BLOCK;
  const memory = new wasm.Memory({ initial: Math.ceil(bytes / 65536) });
  const u8 = new Uint8Array(memory.buffer);
  u8.set(m.classes, CLASSES);
  u8.set(new Uint8Array(m.delta.buffer, m.delta.byteOffset, m.delta.byteLength), DELTA);
  const module = new wasm.Module(emit(m.acceptFrom));
  const instance = new wasm.Instance(module, { e: { m: memory } });
  const run = instance.exports.s as () => void;
  return { run, i32: new Int32Array(memory.buffer), u8, out, block, warm };
}

// --- WebAssembly binary, written out by hand -----------------------------------------------

const uleb = (x: number): number[] => {
  const o: number[] = [];
  let v = x >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    o.push(b);
  } while (v !== 0);
  return o;
};

const sleb = (x: number): number[] => {
  const o: number[] = [];
  let v = x | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      o.push(b);
      return o;
    }
    o.push(b | 0x80);
  }
};

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, 'latin1')];

const I32 = 0x7f;
const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  get: 0x20,
  set: 0x21,
  tee: 0x22,
  load: 0x28,
  load8: 0x2d,
  store: 0x36,
  const: 0x41,
  geU: 0x4f,
  add: 0x6a,
  shl: 0x74,
  void: 0x40,
};

/**
 * `s()`: for each lane, reads (position, end, state, cursor) from address 16k, runs the automaton from
 * position to end, writes each (position after the byte, state) where `state >= acceptFrom` at
 * the cursor, and stores the final state and cursor back.
 */
function emit(acceptFrom: number): Uint8Array {
  // Locals: lane k has position 4k, end 4k+1, state 4k+2, cursor 4k+3.
  const local = (k: number, field: number): number => k * 4 + field;
  const body: number[] = [];
  for (let k = 0; k < LANES; k++) {
    for (let f = 0; f < 4; f++) {
      body.push(op.const, ...sleb(16 * k + 4 * f), op.load, 2, 0, op.set, local(k, f));
    }
  }
  const step = (k: number): number[] => [
    // state = delta[state + class(byte) × 4]
    op.get,
    local(k, 2),
    op.get,
    local(k, 0),
    op.load8,
    0,
    0,
    op.load8,
    0,
    ...uleb(CLASSES),
    op.const,
    2,
    op.shl,
    op.add,
    op.load,
    2,
    ...uleb(DELTA),
    op.tee,
    local(k, 2),
    op.get,
    local(k, 0),
    op.const,
    1,
    op.add,
    op.set,
    local(k, 0),
    op.const,
    ...sleb(acceptFrom),
    op.geU,
    op.if,
    op.void,
    op.get,
    local(k, 3),
    op.get,
    local(k, 0),
    op.store,
    2,
    0,
    op.get,
    local(k, 3),
    op.get,
    local(k, 2),
    op.store,
    2,
    4,
    op.get,
    local(k, 3),
    op.const,
    8,
    op.add,
    op.set,
    local(k, 3),
    op.end,
  ];
  const whileLane = (k: number): number[] => [op.get, local(k, 0), op.get, local(k, 1), op.geU, op.brIf, 1];
  // All lanes together while every one has bytes left, then each lane's rest alone.
  body.push(op.block, op.void, op.loop, op.void);
  for (let k = 0; k < LANES; k++) body.push(...whileLane(k));
  for (let k = 0; k < LANES; k++) body.push(...step(k));
  body.push(op.br, 0, op.end, op.end);
  for (let k = 0; k < LANES; k++) {
    body.push(op.block, op.void, op.loop, op.void, ...whileLane(k), ...step(k), op.br, 0, op.end, op.end);
  }
  for (let k = 0; k < LANES; k++) {
    body.push(op.const, ...sleb(16 * k + 8), op.get, local(k, 2), op.store, 2, 0);
    body.push(op.const, ...sleb(16 * k + 12), op.get, local(k, 3), op.store, 2, 0);
  }
  body.push(op.end);
  const fn = [1, ...uleb(LANES * 4), I32, ...body];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, 0, 0]), // one type: () → ()
    ...section(2, [1, ...name('e'), ...name('m'), 0x02, 0x00, 0x01]), // imports memory e.m
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('s'), 0x00, 0]),
    ...section(10, [1, ...uleb(fn.length), ...fn]),
  ]);
}
