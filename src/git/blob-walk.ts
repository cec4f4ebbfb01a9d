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
