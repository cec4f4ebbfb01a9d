/** 1-based line and column of a byte offset. Columns count UTF-16 code units, as SARIF does. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Converts byte offsets to positions, walking forward only: call it with non-decreasing offsets
 * (findings come sorted) and a fragment is traversed once however many findings it holds.
 */
export class Locator {
  readonly #data: Buffer;
  #offset = 0;
  #line = 1;
  #lineStart = 0;

  constructor(data: Buffer) {
    this.#data = data;
  }

  at(offset: number): Position {
    if (offset < this.#offset) {
      this.#offset = 0;
      this.#line = 1;
      this.#lineStart = 0;
    }
    const data = this.#data;
    for (let nl = data.indexOf(10, this.#offset); nl !== -1 && nl < offset; nl = data.indexOf(10, nl + 1)) {
      this.#line++;
      this.#lineStart = nl + 1;
    }
    this.#offset = offset;
    return { line: this.#line, column: columnOf(data, this.#lineStart, offset) };
  }
}

function columnOf(data: Buffer, lineStart: number, offset: number): number {
  for (let i = lineStart; i < offset; i++) {
    if ((data[i] as number) >= 0x80) return data.toString('utf8', lineStart, offset).length + 1;
  }
  return offset - lineStart + 1;
}
