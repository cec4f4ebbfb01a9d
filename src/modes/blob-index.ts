/**
 * The blob design's index (history-blobs.ts) in flat typed arrays: on git/git it names ~165k blobs
 * and their changes, which as a Map of hex strings to arrays of numbers (plus a listing of every
 * stored blob as objects) held ~60 MB of the main thread's heap and left V8 to grow it to ~145 MB.
 * Here a blob is a number: its id is 20 (or 32, SHA-256) bytes in one buffer, found through an
 * open-addressing table, and its changes are a linked list through three Int32Arrays.
 */

/** Grows `a` to hold at least `n` elements, doubling. */
function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, n: number, make: (size: number) => T): T {
  if (n <= a.length) return a;
  const b = make(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

function hexValue(code: number): number {
  const v = code < 128 ? (HEX[code] as number) : -1;
  if (v < 0) throw new Error('a blob id is not hexadecimal');
  return v;
}

/** Blob ids, each numbered in the order first added. */
export class BlobIds {
  /** Bytes per id: fixed by the first one (a repository uses one hash). */
  #width = 0;
  #bytes = new Uint8Array(0);
  /** Open addressing: blob number + 1, 0 for empty. */
  #table = new Int32Array(1 << 12);
  #count = 0;

  get size(): number {
    return this.#count;
  }

  /** Bytes per id (0 before the first). */
  get width(): number {
    return this.#width;
  }

  /** The number of the id written in hex, added when new. */
  add(hex: string): number {
    const w = this.#widthOf(hex.length);
    const at = this.#count * w;
    this.#bytes = grown(this.#bytes, at + w, (n) => new Uint8Array(n));
    for (let i = 0; i < w; i++) this.#bytes[at + i] = (hexValue(hex.charCodeAt(2 * i)) << 4) | hexValue(hex.charCodeAt(2 * i + 1));
    const found = this.#find(this.#bytes, at);
    if (found >= 0) return found;
    return this.#insert();
  }

  /** The number of the id written in hex at `hex[from, from + 2 × width)`, or -1 when not added. */
  findHex(hex: Uint8Array, from: number): number {
    const w = this.#width;
    if (w === 0) return -1;
    const at = this.#count * w;
    this.#bytes = grown(this.#bytes, at + w, (n) => new Uint8Array(n));
    for (let i = 0; i < w; i++)
      this.#bytes[at + i] = (hexValue(hex[from + 2 * i] as number) << 4) | hexValue(hex[from + 2 * i + 1] as number);
    return this.#find(this.#bytes, at);
  }

  /** The number of a hex id string, or -1. */
  numberOf(hex: string): number {
    if (this.#width === 0 || hex.length !== 2 * this.#width) return -1;
    return this.findHex(Buffer.from(hex, 'latin1'), 0);
  }

  hex(n: number): string {
    const w = this.#width;
    return Buffer.from(this.#bytes.buffer, this.#bytes.byteOffset + n * w, w).toString('hex');
  }

  #widthOf(hexLength: number): number {
    if (this.#width === 0) {
      if (hexLength === 0 || hexLength % 2 !== 0) throw new Error('a blob id has an odd length');
      this.#width = hexLength / 2;
    } else if (hexLength !== 2 * this.#width) throw new Error('blob ids of two lengths in one repository');
    return this.#width;
  }

  #slot(bytes: Uint8Array, at: number): number {
    // Ids are hashes: their first bytes are already uniform.
    return (
      ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>>
      0
    );
  }

  /** The number of the id at `bytes[at…]`, or -1. */
  #find(bytes: Uint8Array, at: number): number {
    const w = this.#width;
    const mask = this.#table.length - 1;
    for (let s = this.#slot(bytes, at) & mask; ; s = (s + 1) & mask) {
      const entry = this.#table[s] as number;
      if (entry === 0) return -1;
      const other = (entry - 1) * w;
      let same = true;
      for (let i = 0; i < w && same; i++) same = this.#bytes[other + i] === bytes[at + i];
      if (same) return entry - 1;
    }
  }

  /** Numbers the id just written after the last one. */
  #insert(): number {
    const n = this.#count++;
    if (this.#count * 2 > this.#table.length) this.#rehash(this.#table.length * 2);
    else this.#place(n);
    return n;
  }

  #place(n: number): void {
    const mask = this.#table.length - 1;
    let s = this.#slot(this.#bytes, n * this.#width) & mask;
    while (this.#table[s] !== 0) s = (s + 1) & mask;
    this.#table[s] = n + 1;
  }

  #rehash(size: number): void {
    this.#table = new Int32Array(size);
    for (let n = 0; n < this.#count; n++) this.#place(n);
  }
}

/** Per blob number, the changes that produced it: (commit index, path index), newest added first. */
export class ChangeLists {
  #head = new Int32Array(1 << 12).fill(-1);
  #next = new Int32Array(1 << 12);
  #commit = new Int32Array(1 << 12);
  #path = new Int32Array(1 << 12);
  #count = 0;

  add(blob: number, commit: number, path: number): void {
    if (blob >= this.#head.length) {
      const old = this.#head.length;
      this.#head = grown(this.#head, blob + 1, (n) => new Int32Array(n));
      this.#head.fill(-1, old);
    }
    const c = this.#count++;
    this.#next = grown(this.#next, c + 1, (n) => new Int32Array(n));
    this.#commit = grown(this.#commit, c + 1, (n) => new Int32Array(n));
    this.#path = grown(this.#path, c + 1, (n) => new Int32Array(n));
    this.#next[c] = this.#head[blob] as number;
    this.#commit[c] = commit;
    this.#path[c] = path;
    this.#head[blob] = c;
  }

  each(blob: number, visit: (commit: number, path: number) => void): void {
    if (blob < 0 || blob >= this.#head.length) return;
    for (let c = this.#head[blob] as number; c !== -1; c = this.#next[c] as number)
      visit(this.#commit[c] as number, this.#path[c] as number);
  }
}

/** Every blob of the object store in pack order, as hex ids read in place and their sizes. */
export class StoredList {
  #hex = new Uint8Array(1 << 16);
  #sizes = new Float64Array(1 << 12);
  #count = 0;
  #width = 0;

  get size(): number {
    return this.#count;
  }

  /** Adds the id written in hex at `line[from, to)`. */
  add(line: Uint8Array, from: number, to: number, size: number): void {
    const w = to - from;
    if (this.#width === 0) this.#width = w;
    else if (w !== this.#width) throw new Error('blob ids of two lengths in one repository');
    const n = this.#count++;
    this.#hex = grown(this.#hex, (n + 1) * w, (k) => new Uint8Array(k));
    this.#hex.set(line.subarray(from, to), n * w);
    this.#sizes = grown(this.#sizes, n + 1, (k) => new Float64Array(k));
    this.#sizes[n] = size;
  }

  /** The blob number each stored blob has in `ids` (-1 when none), in pack order, with its size. */
  each(ids: BlobIds, visit: (blob: number, size: number) => void): void {
    // Ids of another length (none in one repository) name no indexed blob: those come last, unlisted.
    const same = this.#width === 2 * ids.width;
    for (let n = 0; n < this.#count; n++) visit(same ? ids.findHex(this.#hex, n * this.#width) : -1, this.#sizes[n] as number);
  }
}
