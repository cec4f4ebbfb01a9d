/**
 * Decides, file by file, how a diff's added lines are scanned:
 * - a new file's hunk is the whole file: its added lines are scanned as they stream (the fast path);
 * - a changed file is scanned through its new blob (see changed-blob.ts), so rules that span lines
 *   see the unchanged lines around the change, and the file is judged binary and decoded as a
 *   files scan would judge and decode it;
 * - a new file whose added lines hold a NUL or start with a UTF-16 byte-order mark goes through
 *   its blob too (binary by the whole-file rule, or UTF-16 to decode).
 * Submodule entries have no blob here: their `Subproject commit` line is scanned as text.
 */

import type { CommitHeader } from '../types.js';
import type { DiffFile, DiffFragment } from './diff.js';
import { SNIFF, toScannableText, utf16Order } from './text.js';

/** Above this many added bytes in one file, its lines are scanned as they are, without a blob. */
export const HOLD_CAP = 16 << 20;
/** Blobs up to this size are read whole; a larger one falls back to its added lines. */
export const BLOB_CAP = 32 << 20;
/** The last line of any file: "every line", for a file git printed no hunks for. */
const WHOLE_FILE = 2 ** 31;

export type Change =
  | { readonly kind: 'fragment'; readonly fragment: DiffFragment; readonly commit: CommitHeader | undefined }
  | {
      readonly kind: 'blob';
      readonly path: string;
      readonly blob: string;
      /** Flat [first, last] pairs of added lines, in git's numbering of the new blob. */
      readonly added: readonly number[];
      /** The added lines as git printed them, for a blob too large to read whole. */
      readonly held: readonly DiffFragment[];
      readonly commit: CommitHeader | undefined;
      /** The file's diff header. */
      readonly file?: DiffFile;
    }
  /** Binary by the whole-file rule, or git printed no hunks and named no blob: counted as binary. */
  | { readonly kind: 'binary'; readonly path: string; readonly commit: CommitHeader | undefined };

interface FileState {
  readonly file: DiffFile;
  /** `drop`: a new file judged binary by its first bytes while too large to hold; nothing more to scan. */
  mode: 'fast' | 'blob' | 'drop';
  added: number[];
  held: DiffFragment[];
  heldBytes: number;
}

export class ChangeRouter {
  #ready: Change[] = [];
  #current: FileState | undefined;

  /** What is ready to scan, in diff order. */
  take(): Change[] {
    return this.#ready.splice(0);
  }

  fragment(fragment: DiffFragment, commit: CommitHeader | undefined): void {
    const file = fragment.file;
    let state = this.#current;
    if (state?.file !== file) {
      const readable = file.newBlob !== undefined && !file.gitlink;
      state = { file, mode: readable && !file.isNew ? 'blob' : 'fast', added: [], held: [], heldBytes: 0 };
      this.#current = state;
    }
    if (state.mode === 'fast' && file.newBlob !== undefined && !file.gitlink && state.heldBytes === 0 && needsBlob(fragment)) {
      state.mode = 'blob';
    }
    if (state.mode === 'drop') return;
    if (state.mode === 'fast') {
      this.#ready.push({ kind: 'fragment', fragment, commit });
      return;
    }
    const last = fragment.firstLine + fragment.lines - 1;
    const n = state.added.length;
    if (n > 0 && (state.added[n - 1] as number) + 1 >= fragment.firstLine) state.added[n - 1] = last;
    else state.added.push(fragment.firstLine, last);
    state.held.push(fragment);
    state.heldBytes += fragment.data.length;
    if (state.heldBytes > HOLD_CAP) {
      const first = state.held[0] as DiffFragment;
      if (file.isNew && first.firstLine === 1 && toScannableText(first.data.subarray(0, SNIFF)) === 'binary') {
        // A new file's first added bytes are the file's first bytes: the whole-file rule applies.
        this.#ready.push({ kind: 'binary', path: fragment.path, commit });
        state.held = [];
        state.mode = 'drop';
        return;
      }
      // Too much to hold back: scan it as it comes (a hunk this size carries its own context).
      for (const f of state.held) this.#ready.push({ kind: 'fragment', fragment: f, commit });
      state.held = [];
      state.added = [];
      state.mode = 'fast';
      state.heldBytes = 1; // never switch back
    }
  }

  fileEnd(file: DiffFile, commit: CommitHeader | undefined): void {
    const state = this.#current?.file === file ? this.#current : undefined;
    this.#current = undefined;
    const path = file.path;
    if (path === undefined) return;
    if (file.binary && state === undefined) {
      // git judged it binary by its attributes or its size: judge the blob ourselves, every line added.
      if (file.newBlob === undefined || file.gitlink) this.#ready.push({ kind: 'binary', path, commit });
      else this.#ready.push({ kind: 'blob', path, blob: file.newBlob, added: [1, WHOLE_FILE], held: [], commit, file });
      return;
    }
    if (state?.mode !== 'blob' || state.added.length === 0 || file.newBlob === undefined) return;
    this.#ready.push({ kind: 'blob', path, blob: file.newBlob, added: state.added, held: state.held, commit, file });
  }
}

/**
 * A new file's lines that the fast path cannot judge alone: a NUL (binary?), a UTF-16 mark at
 * line 1, or a hunk cut for size (a secret spanning the cut would be seen by neither half).
 */
function needsBlob(fragment: DiffFragment): boolean {
  return fragment.cut || fragment.data.includes(0) || (fragment.firstLine === 1 && utf16Order(fragment.data) !== undefined);
}
