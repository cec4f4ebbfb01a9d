/**
 * What the blob design of a history scan reads from git (see modes/history-blobs.ts): which blob
 * each commit gave each path (one `git log --raw`, no patches), and every blob's id and size in
 * the order the packs hold them (so reading them back streams the packs front to back).
 */
import { gitStream } from './run.js';

export interface BlobChange {
  readonly commit: string;
  readonly path: string;
  /** The blob the commit gave the path (for a submodule entry, the submodule's commit). */
  readonly blob: string;
  /** A submodule entry (mode 160000). */
  readonly gitlink: boolean;
}

/**
 * Every change of `commits` that leaves a file behind, as the patches of commitPatches see them:
 * against the first parent, merges as combined diffs (files that differ from every parent), root
 * commits against the empty tree, no rename detection. Deletions are left out: they add nothing.
 */
export async function* blobChanges(repo: string, commits: readonly string[]): AsyncGenerator<BlobChange> {
  if (commits.length === 0) return;
  const args = ['log', '--no-walk=unsorted', '--stdin', '--raw', '-z', '--cc', '--root', '--no-renames', '--no-abbrev', '--format=%x1e%H'];
  let commit = '';
  let pending: { blob: string; gitlink: boolean } | undefined;
  let expectPath = false;
  // Records are read in place (no copy, no split): a history of 100,000 commits prints ~35 MB of
  // them, and a copy of each was most of the scan's peak memory.
  let rest: Buffer | undefined;
  for await (const piece of gitStream(args, repo, `${commits.join('\n')}\n`)) {
    const chunk = rest === undefined ? piece : Buffer.concat([rest, piece]);
    rest = undefined;
    let start = 0;
    for (let nul = chunk.indexOf(0, start); nul !== -1; nul = chunk.indexOf(0, start)) {
      const from = start;
      start = nul + 1;
      if (expectPath) {
        expectPath = false;
        if (pending !== undefined) yield { commit, path: chunk.toString('utf8', from, nul), ...pending };
        pending = undefined;
        continue;
      }
      let at = chunk[from] === 0x0a ? from + 1 : from;
      if (chunk[at] === 0x1e) {
        commit = chunk.toString('latin1', at + 1, nul);
        continue;
      }
      if (chunk[at] !== 0x3a) continue;
      // `:old-mode new-mode old-id new-id status` (a merge: one more `:`, mode and id per parent),
      // then the path as the next record; the last mode and id are the commit's own.
      let colons = 0;
      while (chunk[at] === 0x3a) {
        colons++;
        at++;
      }
      const field = (n: number): [number, number] => {
        let a = at;
        for (let i = 0; i < n; i++) a = chunk.indexOf(0x20, a) + 1;
        const b = chunk.indexOf(0x20, a);
        return [a, b === -1 || b > nul ? nul : b];
      };
      const [ma, mb] = field(colons);
      const [ba, bb] = field(2 * colons + 1);
      const mode = chunk.toString('latin1', ma, mb);
      const blob = chunk.toString('latin1', ba, bb);
      expectPath = true;
      pending = /^0+$/.test(blob) || mode === '000000' ? undefined : { blob, gitlink: mode === '160000' };
    }
    if (start < chunk.length) rest = Buffer.from(chunk.subarray(start));
  }
  if (expectPath && pending !== undefined && rest !== undefined) yield { commit, path: rest.toString('utf8'), ...pending };
}

export interface StoredBlob {
  readonly id: string;
  readonly size: number;
}

/**
 * Every blob in the object store, in pack order (`--unordered`), with its size; no content. Lines
 * are read in place, and only blobs become strings: trees and commits outnumber them.
 */
export async function* storedBlobs(repo: string): AsyncGenerator<StoredBlob> {
  const args = ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectname) %(objectsize)'];
  let rest: Buffer | undefined;
  const BLOB = Buffer.from('blob ');
  const parse = (line: Buffer): StoredBlob | undefined => {
    if (line.length < BLOB.length || line.compare(BLOB, 0, BLOB.length, 0, BLOB.length) !== 0) return undefined;
    const space = line.indexOf(0x20, BLOB.length);
    if (space === -1) return undefined;
    return { id: line.toString('latin1', BLOB.length, space), size: Number(line.toString('latin1', space + 1)) };
  };
  for await (const piece of gitStream(args, repo)) {
    const chunk = rest === undefined ? piece : Buffer.concat([rest, piece]);
    rest = undefined;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const blob = parse(chunk.subarray(start, nl));
      start = nl + 1;
      if (blob !== undefined) yield blob;
    }
    if (start < chunk.length) rest = Buffer.from(chunk.subarray(start));
  }
  const last = rest === undefined ? undefined : parse(rest);
  if (last !== undefined) yield last;
}

export interface BlobContent {
  readonly size: number;
  /** The content, valid only during the call (its buffer is reused); undefined when over the cap or missing. */
  readonly data: Buffer | undefined;
  readonly missing: boolean;
}

/**
 * Reads `ids` from one `git cat-file --batch`, handing each blob to `each` in request order, as it
 * arrives. One buffer is reused for every blob (grown to the largest up to `cap`), so reading
 * gigabytes of blobs allocates little and the process's memory stays flat.
 */
export async function streamBlobs(repo: string, ids: readonly string[], cap: number, each: (blob: BlobContent) => void): Promise<number> {
  let scratch = Buffer.allocUnsafe(1 << 16);
  let header: Buffer[] = [];
  let remaining = -1; // content bytes still expected (+1 for the newline after it)
  let size = 0;
  let filled = 0;
  let keep = false;
  let isBlob = false;
  let answered = 0;
  const answer = (missing: boolean): void => {
    answered++;
    each({ size: missing ? 0 : size, data: keep && !missing ? scratch.subarray(0, size) : undefined, missing });
  };
  const input = ids.map((id) => `${id}\n`).join('');
  for await (const chunk of gitStream(['cat-file', '--batch'], repo, input)) {
    let at = 0;
    while (at < chunk.length) {
      if (remaining < 0) {
        const nl = chunk.indexOf(10, at);
        if (nl === -1) {
          header.push(chunk.subarray(at));
          break;
        }
        header.push(chunk.subarray(at, nl));
        const parts = Buffer.concat(header).toString('latin1').split(' ');
        header = [];
        at = nl + 1;
        // `<id> missing` (or ambiguous): no content follows.
        if (parts.length < 3) {
          keep = false;
          answer(true);
          continue;
        }
        // Not a blob (an id that names a tree): its content is skipped and it counts as missing.
        isBlob = parts[1] === 'blob';
        size = Number(parts[2]);
        keep = isBlob && size <= cap;
        if (keep && scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
        filled = 0;
        remaining = size + 1;
        continue;
      }
      const take = Math.min(remaining, chunk.length - at);
      const content = Math.min(take, size - filled);
      if (keep && content > 0) chunk.copy(scratch, filled, at, at + content);
      filled += Math.max(0, content);
      at += take;
      remaining -= take;
      if (remaining === 0) {
        remaining = -1;
        answer(!isBlob);
      }
    }
  }
  return answered;
}
