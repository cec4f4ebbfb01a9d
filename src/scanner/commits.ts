/**
 * Scans the changes of a batch of commits: one `git log -p` over the batch, parsed as it streams.
 * A new file's added lines are scanned as the hunk ends; a changed file through its new blob (read
 * from one `git cat-file --batch` alongside), so that multi-line secrets around a change are seen
 * (see changes.ts). Runs on a worker thread, so several batches (and git processes) run at once.
 */
import type { Catalogue } from '../engine/catalogue.js';
import { commitPatches } from '../git/history.js';
import { BlobReader } from '../sources/blobs.js';
import { changedBlobVerdict } from '../sources/change-fallback.js';
import { BLOB_CAP, type Change, ChangeRouter } from '../sources/changes.js';
import type { DiffFragment } from '../sources/diff.js';
import { DiffParser } from '../sources/diff.js';
import type { CommitHeader, FragmentMeta } from '../types.js';
import { Tally } from './tally.js';
import type { RunOptions, TaskProgress, TaskResult } from './task.js';

/** How often a batch reports how far it has got. */
const PROGRESS_MS = 250;
/** Changes whose blobs may be on their way at once. */
const MAX_IN_FLIGHT = 4;

export async function scanCommitBatch(
  catalogue: Catalogue,
  repo: string,
  commits: readonly string[],
  options: RunOptions = {},
  onProgress?: (p: TaskProgress) => void,
  paths?: readonly string[],
): Promise<TaskResult> {
  const tally = new Tally(catalogue, options);
  let lastReport = performance.now();
  const index = new Map(commits.map((c, i) => [c, i]));
  let commitsScanned = 0;
  let lastFile = '';
  let lastBinary = '';
  const countFile = (commit: CommitHeader, path: string): void => {
    const fileKey = `${commit.commit}\0${path}`;
    if (fileKey !== lastFile) {
      tally.filesScanned++;
      lastFile = fileKey;
    }
  };
  const metaOf = (commit: CommitHeader, path: string, firstLine: number): FragmentMeta => {
    const { parents: _parents, ...info } = commit;
    return { path, source: 'commit', firstLine, commit: info };
  };
  const scanLines = (fragment: DiffFragment, commit: CommitHeader, judged: boolean): void => {
    countFile(commit, fragment.path);
    const meta = metaOf(commit, fragment.path, fragment.firstLine);
    const fileStart = fragment.firstLine === 1 && fragment.file.isNew;
    if (tally.text(index.get(commit.commit) ?? -1, fragment.data, meta, { judged, fileStart })) return;
    // Once per file change, however many fragments a large change was cut into.
    if (lastBinary !== lastFile) tally.skip('binary', fragment.path, commit.commit);
    lastBinary = lastFile;
  };
  const reader = new BlobReader(repo, BLOB_CAP);
  const router = new ChangeRouter();
  const parser = new DiffParser({
    onCommit: () => {
      commitsScanned++;
      if (onProgress !== undefined && performance.now() - lastReport > PROGRESS_MS) {
        lastReport = performance.now();
        onProgress({ commitsScanned, bytesScanned: tally.bytesScanned });
      }
    },
    onFragment: (fragment, commit) => router.fragment(fragment, commit),
    onFileEnd: (file, commit) => router.fileEnd(file, commit),
  });
  const handle = async (change: Change, read: ReturnType<BlobReader['read']> | undefined): Promise<void> => {
    const commit = change.commit;
    if (commit === undefined) return;
    if (change.kind === 'fragment') return scanLines(change.fragment, commit, false);
    if (change.kind === 'binary') {
      countFile(commit, change.path);
      tally.skip('binary', change.path, commit.commit);
      return;
    }
    const blob = await (read as ReturnType<BlobReader['read']>);
    countFile(commit, change.path);
    const verdict = changedBlobVerdict(blob, change);
    if (verdict.kind === 'skip') return tally.skip(verdict.reason, change.path, commit.commit);
    if (verdict.kind === 'lines') {
      for (const f of change.held) scanLines(f, commit, verdict.judged);
      return;
    }
    const item = index.get(commit.commit) ?? -1;
    if (!tally.changedBlob(item, verdict.data, change.added, metaOf(commit, change.path, 1)))
      tally.skip('binary', change.path, commit.commit);
  };
  // Changes are handled in diff order, while git goes on printing the log: a blob is asked for as
  // soon as its diff ends, and at most MAX_IN_FLIGHT changes wait for theirs (memory stays bounded).
  const inFlight: Promise<void>[] = [];
  let chain: Promise<void> = Promise.resolve();
  const drain = async (limit: number): Promise<void> => {
    for (const change of router.take()) {
      const read = change.kind === 'blob' ? reader.read(change.blob) : undefined;
      read?.catch(() => undefined); // awaited in handle, in order
      chain = chain.then(() => handle(change, read));
      chain.catch(() => undefined); // surfaced by the awaits below
      inFlight.push(chain);
      while (inFlight.length > limit) await inFlight.shift();
    }
  };
  try {
    for await (const chunk of commitPatches(repo, commits, paths)) {
      parser.push(chunk);
      await drain(MAX_IN_FLIGHT);
    }
    parser.end();
    await drain(0);
    await chain;
  } finally {
    await reader.close();
  }
  return tally.result({ commitsScanned });
}
