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

/** The bytes per id once an id of `hexLength` hex digits is seen, where `width` was fixed so far (0: none yet). */
function idWidth(width: number, hexLength: number): number {
  if (width === 0) {
    if (hexLength === 0 || hexLength % 2 !== 0) throw new Error('a blob id has an odd length');
    return hexLength / 2;
  }
  if (hexLength !== 2 * width) throw new Error('blob ids of two lengths in one repository');
  return width;
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
    this.#width = idWidth(this.#width, hex.length);
    const w = this.#width;
    const at = this.#count * w;
    this.#bytes = grown(this.#bytes, at + w, (n) => new Uint8Array(n));
    for (let i = 0; i < w; i++) this.#bytes[at + i] = (hexValue(hex.charCodeAt(2 * i)) << 4) | hexValue(hex.charCodeAt(2 * i + 1));
    const found = this.#find(this.#bytes, at);
    if (found >= 0) return found;
    return this.#insert();
  }

  /** The number of the id whose bytes are at `bytes[at, at + width)`, or -1 when not added. */
  find(bytes: Uint8Array, at: number): number {
    return this.#width === 0 ? -1 : this.#find(bytes, at);
  }

  /** The number of a hex id string, or -1. */
  numberOf(hex: string): number {
    if (this.#width === 0 || hex.length !== 2 * this.#width) return -1;
    const bytes = Buffer.from(hex, 'hex'); // stops at the first character that is not hex
    return bytes.length === this.#width ? this.#find(bytes, 0) : -1;
  }

  hex(n: number): string {
    const w = this.#width;
    return Buffer.from(this.#bytes.buffer, this.#bytes.byteOffset + n * w, w).toString('hex');
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

/** Ids per chunk of a {@link StoredList}. */
const STORED_CHUNK = 1 << 15;

/**
 * Every blob of the object store in pack order, each id in binary (20 bytes, not 40 of hex) with
 * its size, in chunks of {@link STORED_CHUNK}: git/git lists 419k blobs, and one growing buffer of
 * hex ids reached 32 MB, with a 16 MB copy beside it at its last doubling, all in the main thread's
 * malloc heap (which keeps what is freed) while the workers judge.
 */
export class StoredList {
  readonly #ids: Uint8Array[] = [];
  readonly #sizes: Float64Array[] = [];
  #count = 0;
  /** Bytes per id: fixed by the first one. */
  #width = 0;

  get size(): number {
    return this.#count;
  }

  /** Adds the id written in hex at `line[from, to)`. */
  add(line: Uint8Array, from: number, to: number, size: number): void {
    this.#width = idWidth(this.#width, to - from);
    const w = this.#width;
    const slot = this.#count % STORED_CHUNK;
    if (slot === 0) {
      this.#ids.push(new Uint8Array(STORED_CHUNK * w));
      this.#sizes.push(new Float64Array(STORED_CHUNK));
    }
    const ids = this.#ids[this.#ids.length - 1] as Uint8Array;
    const at = slot * w;
    for (let i = 0; i < w; i++) ids[at + i] = (hexValue(line[from + 2 * i] as number) << 4) | hexValue(line[from + 2 * i + 1] as number);
    (this.#sizes[this.#sizes.length - 1] as Float64Array)[slot] = size;
    this.#count++;
  }

  /**
   * The blob number each stored blob has in `ids` (-1 when none), in pack order, with its size;
   * then the list lets go of its ids (git/git: 12 MB the main thread would keep while it judges).
   */
  drain(ids: BlobIds, visit: (blob: number, size: number) => void): void {
    // Ids of another length (none in one repository) name no indexed blob: those come last, unlisted.
    const same = this.#width === ids.width;
    const w = this.#width;
    for (let n = 0; n < this.#count; n++) {
      const chunk = Math.floor(n / STORED_CHUNK);
      const slot = n % STORED_CHUNK;
      visit(same ? ids.find(this.#ids[chunk] as Uint8Array, slot * w) : -1, (this.#sizes[chunk] as Float64Array)[slot] as number);
    }
    this.#ids.length = 0;
    this.#sizes.length = 0;
    this.#count = 0;
  }
}
