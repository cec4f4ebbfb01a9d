/**
 * Typed errors. Library code throws these; only the CLI turns them into a message and exit code 2.
 * Messages must never contain a secret: they name files, rules and flags, never matched text.
 */
export type ErrorCode = 'E_USAGE' | 'E_PATH' | 'E_READ' | 'E_CONFIG' | 'E_RULE' | 'E_GIT' | 'E_WORKER' | 'E_OUTPUT' | 'E_CI' | 'E_INIT';

export class KeyscanError extends Error {
  readonly code: ErrorCode;
  /** What the user can do next. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KeyscanError';
    this.code = code;
    this.hint = options.hint;
  }
}

export function isKeyscanError(e: unknown): e is KeyscanError {
  return e instanceof KeyscanError;
}

/** The `code` of a Node.js system error (ENOENT, EACCES, …), if it is one. */
export function systemErrorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}
