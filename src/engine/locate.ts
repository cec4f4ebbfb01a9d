/** 1-based line and column of a byte offset. Columns count UTF-16 code units, as SARIF does. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Converts byte offsets to positions, walking forward only: call it with non-decreasing offsets
 * (findings come sorted) and a fragment is traversed once however many findings it holds, also
 * when they all sit on one long line (the next newline and the column so far are kept, not
 * searched and counted again from the line's start for every finding).
 */
export class Locator {
  readonly #data: Buffer;
  #offset = 0;
  #line = 1;
  #lineStart = 0;
  /** The first newline at or after #offset: -1 when there is none, undefined until searched. */
  #next: number | undefined;
  /** The column at byte #colAt of the current line. */
  #colAt = 0;
  #col = 1;

  constructor(data: Buffer) {
    this.#data = data;
  }

  at(offset: number): Position {
    if (offset < this.#offset) {
      this.#offset = 0;
      this.#line = 1;
      this.#lineStart = 0;
      this.#next = undefined;
      this.#colAt = 0;
      this.#col = 1;
    }
    const data = this.#data;
    let nl = this.#next ?? data.indexOf(10, this.#offset);
    for (; nl !== -1 && nl < offset; nl = data.indexOf(10, nl + 1)) {
      this.#line++;
      this.#lineStart = nl + 1;
    }
    this.#next = nl;
    this.#offset = offset;
    if (this.#colAt < this.#lineStart || isContinuation(data[this.#colAt])) {
      // A new line, or a count that stopped inside a character: start again from the line's start.
      this.#colAt = this.#lineStart;
      this.#col = 1;
    }
    this.#col += unitsBetween(data, this.#colAt, offset);
    this.#colAt = offset;
    return { line: this.#line, column: this.#col };
  }
}

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x80 && byte < 0xc0;

/** UTF-16 code units of the bytes from `from` to `to`. */
function unitsBetween(data: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if ((data[i] as number) >= 0x80) return data.toString('utf8', from, to).length;
  }
  return to - from;
}
