/**
 * What to do with a changed file once its blob has been asked for: scan the blob, fall back to the
 * added lines git printed (a blob too large to hold, judged by its first bytes), or count it as
 * skipped. Shared by the staged and the commit sources.
 */
import type { SkipReason } from '../types.js';
import type { BlobRead } from './blobs.js';
import type { Change } from './changes.js';
import { toScannableText, utf16Order } from './text.js';

export type BlobVerdict =
  | { readonly kind: 'blob'; readonly data: Buffer }
  /** Scan the held added lines; `judged` when the blob's head already showed it is text. */
  | { readonly kind: 'lines'; readonly judged: boolean }
  | { readonly kind: 'skip'; readonly reason: SkipReason };

export function changedBlobVerdict(blob: BlobRead, change: Extract<Change, { kind: 'blob' }>): BlobVerdict {
  if (blob.data !== undefined) return { kind: 'blob', data: blob.data };
  const nothingHeld = change.held.length === 0;
  if (blob.missing) return nothingHeld ? { kind: 'skip', reason: 'unreadable' } : { kind: 'lines', judged: false };
  if (toScannableText(blob.head) === 'binary') return { kind: 'skip', reason: 'binary' };
  // A UTF-16 file's raw lines mean nothing undecoded, and nothing held means nothing to scan.
  if (utf16Order(blob.head) !== undefined || nothingHeld) return { kind: 'skip', reason: 'tooLarge' };
  return { kind: 'lines', judged: true };
}
