/**
 * Reads blobs by id from one long-lived `git cat-file --batch`, so a diff consumer can look at a
 * file's whole new version (its encoding, whether it is binary, the lines around a change) while
 * the diff is still streaming. Requests are answered in order; several may be in flight.
 */
import { gitStream } from '../git/run.js';
import { SNIFF } from './text.js';

export interface BlobRead {
  /** Size in bytes (0 when missing). */
  readonly size: number;
  /** The whole content, or undefined when the blob is missing or larger than the reader's cap. */
  readonly data: Buffer | undefined;
  /** The first bytes (up to the binary test's sniff length), also for blobs over the cap. */
  readonly head: Buffer;
  readonly missing: boolean;
}

interface Pending {
  resolve(read: BlobRead): void;
  reject(error: unknown): void;
}

/** A push-driven async iterable of request lines: the stdin of the cat-file process. */
class RequestQueue implements AsyncIterable<string> {
  readonly #lines: string[] = [];
  #wake: (() => void) | undefined;
  #closed = false;

  push(line: string): void {
    this.#lines.push(line);
    this.#wake?.();
  }

  close(): void {
    this.#closed = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    for (;;) {
      if (this.#lines.length > 0) {
        yield this.#lines.splice(0).join('');
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}

export class BlobReader {
  readonly #cap: number;
  readonly #requests = new RequestQueue();
  readonly #pending: Pending[] = [];
  #failure: unknown;
  #done: Promise<void> | undefined;
  readonly #repo: string;

  /** Blobs larger than `cap` bytes are not held in memory: only their size and head are returned. */
  constructor(repo: string, cap: number) {
    this.#repo = repo;
    this.#cap = cap;
  }

  read(oid: string): Promise<BlobRead> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    this.#done ??= this.#run();
    return new Promise<BlobRead>((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#requests.push(`${oid}\n`);
    });
  }

  /** Ends the git process; throws if it failed (a failed read must never pass for a clean one). */
  async close(): Promise<void> {
    this.#requests.close();
    await this.#done;
    if (this.#failure !== undefined) throw this.#failure;
  }

  async #run(): Promise<void> {
    const parser = new BatchParser(this.#cap, (read) => this.#pending.shift()?.resolve(read));
    try {
      for await (const chunk of gitStream(['cat-file', '--batch'], this.#repo, this.#requests)) parser.push(chunk);
      if (this.#pending.length > 0) throw new Error('git cat-file ended before answering every request');
    } catch (e) {
      this.#failure = e;
      for (const p of this.#pending.splice(0)) p.reject(e);
    }
  }
}

/**
 * `cat-file --batch` output: `<oid> <type> <size>\n<content>\n` or `<name> missing\n`. Each
 * object's content is copied once into a buffer of its size (no quadratic re-concatenation), and
 * beyond the cap only the head is kept.
 */
class BatchParser {
  readonly #cap: number;
  readonly #emit: (read: BlobRead) => void;
  #header: Buffer = Buffer.alloc(0);
  /** Content bytes still expected for the current object (+1 for its trailing newline). */
  #remaining = -1;
  #size = 0;
  #data: Buffer | undefined;
  #head: Buffer = Buffer.alloc(0);
  #filled = 0;
  #isBlob = false;

  constructor(cap: number, emit: (read: BlobRead) => void) {
    this.#cap = cap;
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
    this.#head = Buffer.alloc(Math.min(this.#size, SNIFF));
    this.#filled = 0;
    this.#remaining = this.#size + 1;
    this.#isBlob = parts[1] === 'blob';
    if (!this.#isBlob) this.#data = undefined;
  }

  #fill(piece: Buffer): void {
    const room = this.#size - this.#filled;
    const content = piece.subarray(0, Math.max(0, Math.min(piece.length, room)));
    if (this.#filled < this.#head.length) content.copy(this.#head, this.#filled, 0, this.#head.length - this.#filled);
    if (this.#data !== undefined) content.copy(this.#data, this.#filled);
    this.#filled += content.length;
  }

  #finish(): void {
    this.#remaining = -1;
    this.#emit({ size: this.#size, data: this.#data, head: this.#head, missing: !this.#isBlob });
    this.#data = undefined;
  }
}
