/**
 * What the blob design of a history scan reads from git (see modes/history-blobs.ts): which blob
 * each commit gave each path (one `git log --raw`, no patches), and every blob's id and size in
 * the order the packs hold them (so reading them back streams the packs front to back).
 */
import { gitStream, nulRecords } from './run.js';

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
  for await (const record of nulRecords(gitStream(args, repo, `${commits.join('\n')}\n`))) {
    if (expectPath) {
      expectPath = false;
      if (pending !== undefined) yield { commit, path: record.toString('utf8'), ...pending };
      pending = undefined;
      continue;
    }
    if (record[0] === 0x1e) {
      commit = record.toString('latin1', 1);
      continue;
    }
    // `:old-mode new-mode old-id new-id status` (a merge: one more `:`, mode and id per parent),
    // then the path as the next record; the last mode and id are the commit's own.
    const text = record.toString('latin1').replace(/^\n/, '');
    if (!text.startsWith(':')) continue;
    const colons = /^:+/.exec(text)?.[0].length ?? 1;
    const fields = text.slice(colons).split(' ');
    const mode = fields[colons] ?? '';
    const blob = fields[2 * colons + 1] ?? '';
    expectPath = true;
    pending = /^0+$/.test(blob) || mode === '000000' ? undefined : { blob, gitlink: mode === '160000' };
  }
}

export interface StoredBlob {
  readonly id: string;
  readonly size: number;
}

/** Every blob in the object store, in pack order (`--unordered`), with its size; no content. */
export async function* storedBlobs(repo: string): AsyncGenerator<StoredBlob> {
  const args = ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectname) %(objectsize)'];
  let rest = '';
  for await (const chunk of gitStream(args, repo)) {
    const lines = (rest + chunk.toString('latin1')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('blob ')) continue;
      const [, id = '', size = '0'] = line.split(' ');
      yield { id, size: Number(size) };
    }
  }
  if (rest.startsWith('blob ')) {
    const [, id = '', size = '0'] = rest.split(' ');
    yield { id, size: Number(size) };
  }
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
