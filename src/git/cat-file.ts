/**
 * Parses `git cat-file --batch` output as it streams, object by object, in request order.
 */

export interface BlobRead {
  /** Size in bytes (0 when missing). */
  readonly size: number;
  /** The whole content, or undefined when the blob is missing or larger than the reader's cap. */
  readonly data: Buffer | undefined;
  /** The first bytes (up to the binary test's sniff length), also for blobs over the cap. */
  readonly head: Buffer;
  readonly missing: boolean;
}

/**
 * `cat-file --batch` output: `<oid> <type> <size>\n<content>\n` or `<name> missing\n`. Each
 * object's content is copied once into a buffer of its size (no quadratic re-concatenation), and
 * beyond the cap only the head is kept. A header that names no object (`missing`, `ambiguous`)
 * is answered as missing.
 */
export class BatchParser {
  readonly #cap: number;
  readonly #headBytes: number;
  readonly #emit: (read: BlobRead) => void;
  #header: Buffer = Buffer.alloc(0);
  /** Content bytes still expected for the current object (+1 for its trailing newline). */
  #remaining = -1;
  #size = 0;
  #data: Buffer | undefined;
  #head: Buffer = Buffer.alloc(0);
  #filled = 0;
  #isBlob = false;

  constructor(cap: number, emit: (read: BlobRead) => void, headBytes = 8000) {
    this.#cap = cap;
    this.#headBytes = headBytes;
    this.#emit = emit;
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.#remaining < 0) {
        const nl = chunk.indexOf(10, at);
        if (nl === -1) {
          this.#header = Buffer.concat([this.#header, chunk.subarray(at)]);
          return;
        }
        const header = Buffer.concat([this.#header, chunk.subarray(at, nl)]).toString('latin1');
        this.#header = Buffer.alloc(0);
        at = nl + 1;
        this.#start(header);
        continue;
      }
      const take = Math.min(this.#remaining, chunk.length - at);
      this.#fill(chunk.subarray(at, at + take));
      at += take;
      this.#remaining -= take;
      if (this.#remaining === 0) this.#finish();
    }
  }

  #start(header: string): void {
    const parts = header.split(' ');
    if (parts.length < 3) {
      this.#emit({ size: 0, data: undefined, head: Buffer.alloc(0), missing: true });
      return;
    }
    this.#size = Number(parts[2]);
    this.#data = this.#size <= this.#cap ? Buffer.allocUnsafe(this.#size) : undefined;
    this.#filled = 0;
    this.#remaining = this.#size + 1;
    this.#isBlob = parts[1] === 'blob';
    if (!this.#isBlob) this.#data = undefined;
    // A blob held whole is its own head (filled by the time it is emitted): no second copy.
    const headLength = Math.min(this.#size, this.#headBytes);
    this.#head = this.#data === undefined ? Buffer.alloc(headLength) : this.#data.subarray(0, headLength);
  }

  #fill(piece: Buffer): void {
    const room = this.#size - this.#filled;
    const content = piece.subarray(0, Math.max(0, Math.min(piece.length, room)));
    if (this.#data !== undefined) content.copy(this.#data, this.#filled);
    else if (this.#filled < this.#head.length) content.copy(this.#head, this.#filled, 0, this.#head.length - this.#filled);
    this.#filled += content.length;
  }

  #finish(): void {
    this.#remaining = -1;
    this.#emit({ size: this.#size, data: this.#data, head: this.#head, missing: !this.#isBlob });
    this.#data = undefined;
  }
}
