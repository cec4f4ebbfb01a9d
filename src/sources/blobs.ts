/**
 * Reads blobs by id from one long-lived `git cat-file --batch`, so a diff consumer can look at a
 * file's whole new version (its encoding, whether it is binary, the lines around a change) while
 * the diff is still streaming. Requests are answered in order; several may be in flight.
 */
import { BatchParser, type BlobRead } from '../git/cat-file.js';
import { gitStream } from '../git/run.js';
import { CAT_FILE_ARGS } from '../git/staged-commands.js';
import { SNIFF } from './text.js';

export type { BlobRead } from '../git/cat-file.js';

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
  readonly #holdLimit: number;
  /** Bytes of blobs answered and not yet released (with a hold limit). */
  #held = 0;
  #space: (() => void) | undefined;
  #closing = false;

  /**
   * Blobs larger than `cap` bytes are not held in memory: only their size and head are returned.
   * With `holdLimit`, the reader stops reading git's answers while more than that many bytes of
   * answered blobs are not yet {@link release}d: many requests can then be in flight (written to
   * git together) while memory stays bounded by what is read ahead.
   */
  constructor(repo: string, cap: number, holdLimit = Number.POSITIVE_INFINITY) {
    this.#repo = repo;
    this.#cap = cap;
    this.#holdLimit = holdLimit;
  }

  /** A read's blob is no longer needed (only counts with a hold limit). */
  release(read: BlobRead): void {
    this.#held -= read.data?.length ?? 0;
    if (this.#held <= this.#holdLimit) this.#wake();
  }

  #wake(): void {
    const space = this.#space;
    this.#space = undefined;
    space?.();
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
    // Nothing more is released after this: read the rest of git's answers regardless.
    this.#closing = true;
    this.#wake();
    await this.#done;
    if (this.#failure !== undefined) throw this.#failure;
  }

  async #run(): Promise<void> {
    const parser = new BatchParser(
      this.#cap,
      (read) => {
        this.#held += read.data?.length ?? 0;
        this.#pending.shift()?.resolve(read);
      },
      SNIFF,
    );
    try {
      for await (const chunk of gitStream(CAT_FILE_ARGS, this.#repo, this.#requests)) {
        parser.push(chunk);
        while (this.#held > this.#holdLimit && !this.#closing) {
          await new Promise<void>((resolve) => {
            this.#space = resolve;
          });
        }
      }
      if (this.#pending.length > 0) throw new Error('git cat-file ended before answering every request');
    } catch (e) {
      this.#failure = e;
      for (const p of this.#pending.splice(0)) p.reject(e);
    }
  }
}
