/**
 * What the blob design of a history scan reads from git (see modes/history-blobs.ts) besides the
 * commit walk of git/metadata.ts (which blob each commit gave each path): every blob's id and size
 * in the order the packs hold them (so reading them back streams the packs front to back), and the
 * blobs' content.
 */
import { gitStream } from './run.js';

/**
 * Every blob in the object store, in pack order (`--unordered`), with its size; no content. Each
 * blob's hex id is handed over in place, as `bytes[from, to)` of a buffer valid only during the
 * call: trees and commits outnumber blobs (git/git lists 419k objects for 165k blobs), a listing
 * of every blob as strings and objects cost the blob design ~20 MB of heap on git/git, and a view
 * and a decoded number per line cost its main thread ~0.45 s of CPU there, in the walk it waits on.
 */
export async function listStoredBlobs(
  repo: string,
  each: (bytes: Uint8Array, from: number, to: number, size: number) => void,
): Promise<void> {
  const args = ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectname) %(objectsize)'];
  let rest: Buffer | undefined;
  for await (const piece of gitStream(args, repo)) {
    const chunk = rest === undefined ? piece : Buffer.concat([rest, piece]);
    rest = undefined;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      listedLine(chunk, start, nl, each);
      start = nl + 1;
    }
    if (start < chunk.length) rest = Buffer.from(chunk.subarray(start));
  }
  if (rest !== undefined) listedLine(rest, 0, rest.length, each);
}

/** `blob <id> <size>` at `line[start, end)`: the id's span and the size, to `each`; other types are skipped. */
function listedLine(
  line: Uint8Array,
  start: number,
  end: number,
  each: (bytes: Uint8Array, from: number, to: number, size: number) => void,
): void {
  // "blob " (b l o b space)
  if (
    end - start < 7 ||
    line[start] !== 0x62 ||
    line[start + 1] !== 0x6c ||
    line[start + 2] !== 0x6f ||
    line[start + 3] !== 0x62 ||
    line[start + 4] !== 0x20
  ) {
    return;
  }
  const from = start + 5;
  let space = from;
  while (space < end && line[space] !== 0x20) space++;
  if (space >= end - 1) return;
  let size = 0;
  for (let i = space + 1; i < end; i++) {
    const digit = (line[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return;
    size = size * 10 + digit;
  }
  each(line, from, space, size);
}

export interface BlobContent {
  readonly size: number;
  /** The content, valid only during the call (a view of a reused buffer or of git's output); undefined when over the cap or missing. */
  readonly data: Buffer | undefined;
  readonly missing: boolean;
}

/**
 * Reads the blobs `requests` names (ids, each followed by a newline) from one `git cat-file
 * --batch`, handing each blob to `each` in request order, as it arrives. One buffer is reused for
 * every blob (grown to the largest up to `cap`), so reading gigabytes of blobs allocates little
 * and the process's memory stays flat.
 */
export async function streamBlobs(repo: string, requests: string, cap: number, each: (blob: BlobContent) => void): Promise<number> {
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
  for await (const chunk of gitStream(['cat-file', '--batch'], repo, requests)) {
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
        // Most blobs arrive whole inside one chunk: judged in place there, not copied first.
        if (keep && chunk.length - at >= remaining) {
          answered++;
          each({ size, data: chunk.subarray(at, at + size), missing: false });
          at += remaining;
          remaining = -1;
        }
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
