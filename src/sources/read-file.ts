import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { systemErrorCode } from '../errors.js';
import type { SkipReason } from '../types.js';
import { toScannableText } from './text.js';

export type ReadOutcome =
  | { readonly kind: 'text'; readonly data: Buffer; readonly bytes: number }
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

/**
 * Reads one file for scanning. Synchronous on purpose: it runs on worker threads, where blocking
 * is free and a promise per file is not. Never follows a symlink and never opens a FIFO or device.
 * `abs` may be the name's exact bytes (a name that is not valid UTF-8 has no string form).
 */
export function readTarget(target: string | Uint8Array, maxBytes: number): ReadOutcome {
  // A Buffer posted to a worker arrives as a plain Uint8Array: view it as a Buffer again.
  const abs = typeof target === 'string' ? target : Buffer.from(target.buffer, target.byteOffset, target.byteLength);
  let fd: number | undefined;
  try {
    const link = lstatSync(abs);
    if (link.isSymbolicLink()) return { kind: 'skip', reason: 'symlink' };
    if (link.isDirectory()) return { kind: 'skip', reason: 'submodule' };
    if (!link.isFile()) return { kind: 'skip', reason: 'notRegular' };
    if (link.size > maxBytes) return { kind: 'skip', reason: 'tooLarge' };
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'skip', reason: 'notRegular' };
    if (info.size > maxBytes) return { kind: 'skip', reason: 'tooLarge' };
    const data = readAll(fd, info.size, maxBytes);
    if (data === undefined) return { kind: 'skip', reason: 'tooLarge' };
    const text = toScannableText(data);
    if (text === 'binary') return { kind: 'skip', reason: 'binary' };
    return { kind: 'text', data: text, bytes: data.length };
  } catch (e) {
    const code = systemErrorCode(e) ?? 'EUNKNOWN';
    if (code === 'ENOENT') return { kind: 'skip', reason: 'deleted' };
    if (code === 'ELOOP') return { kind: 'skip', reason: 'symlink' };
    return { kind: 'error', code, message: describe(code) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads to EOF: the size from stat can be stale if the file grows while we read. One byte more
 * than expected, so a file of the expected size reads whole into the first buffer and the read
 * after it sees EOF there (a buffer of exactly that size was full before EOF could be seen, and
 * every file was copied into one twice as large).
 */
function readAll(fd: number, expected: number, maxBytes: number): Buffer | undefined {
  let buf = Buffer.allocUnsafe(expected + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (buf.length > maxBytes) return undefined;
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > maxBytes) return undefined;
  return buf.subarray(0, length);
}

function describe(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return `read failed (${code})`;
  }
}
