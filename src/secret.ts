import { inspect } from 'node:util';

const MASK = '[REDACTED]';

/**
 * A secret value that refuses to print itself.
 *
 * Findings travel through loggers, error handlers and `JSON.stringify`; wrapping the value means
 * none of those paths can leak it by accident. Only `reveal()` returns the plaintext.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return MASK;
  }
}
