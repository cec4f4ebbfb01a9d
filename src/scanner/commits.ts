/**
 * Scans the changes of a batch of commits: one `git log -p` over the batch, parsed as it streams.
 * A new file's added lines are scanned as the hunk ends; a changed file through its new blob (read
 * from one `git cat-file --batch` alongside), so that multi-line secrets around a change are seen
 * (see changes.ts). Runs on a worker thread, so several batches (and git processes) run at once.
 */
import type { Catalogue } from '../engine/catalogue.js';
import type { KeywordMatcher } from '../engine/keywords.js';
import { hasKeyword } from '../engine/keywords.js';
import { commitPatches } from '../git/history.js';
import { type BlobRead, BlobReader } from '../sources/blobs.js';
import { changedBlobVerdict } from '../sources/change-fallback.js';
import { BLOB_CAP, type Change, ChangeRouter } from '../sources/changes.js';
import type { DiffFile, DiffFragment } from '../sources/diff.js';
import { DiffParser } from '../sources/diff.js';
import type { CommitHeader, FragmentMeta } from '../types.js';
import type { WideHint } from './changed-blob.js';
import { reachOf } from './reach.js';
import { Tally } from './tally.js';
import type { RunOptions, TaskProgress, TaskResult } from './task.js';

/** How often a batch reports how far it has got. */
const PROGRESS_MS = 250;
/**
 * Changes that may wait for their blobs at once: enough that the requests of a whole chunk of the
 * log go to git in one write (one request per write was 0.5 s of express's history), while the
 * memory they hold is bounded by bytes (see HELD_BYTES).
 */
const MAX_IN_FLIGHT = 256;
/** At most this many bytes of answered blobs, and of added lines held for blobs, wait to be scanned. */
const HELD_BYTES = 16 << 20;

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
  const reader = new BlobReader(repo, BLOB_CAP, HELD_BYTES);
  const router = new ChangeRouter();
  // Log order is newest first: a blob found free of the keywords of longer rules (reach.ts) tells
  // that the blob it replaced is free too, unless a removed line held one (the old blob is the
  // new one without the added lines, with the removed ones), so older versions skip the look.
  const reach = reachOf(catalogue);
  const freeBlobs = new Set<string>();
  const removedWide = new WeakSet<DiffFile>();
  // A path whose version held such a keyword is likely to hold it in older versions too: looking
  // over those whole would cost more than looking near their changes.
  const widePaths = new Set<string>();
  const wideHint = (change: Extract<Change, { kind: 'blob' }>): WideHint => {
    const { file, path, blob } = change;
    const old = file?.oldBlob;
    const free = freeBlobs.has(`${path}\0${blob}`);
    if (file === undefined || old === undefined || file.binary || removedWide.has(file) || (!free && widePaths.has(path))) return { free };
    return { free, onFree: () => freeBlobs.add(`${path}\0${old}`), onWide: () => widePaths.add(path) };
  };
  const removedKeywords = new WeakMap<DiffFile, KeywordMatcher | undefined>();
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
    onRemoved: (data, start, end, file) => {
      if (removedWide.has(file) || file.path === undefined) return;
      if (!removedKeywords.has(file)) removedKeywords.set(file, reach.wideFor(file.path).keywords);
      const keywords = removedKeywords.get(file);
      if (keywords !== undefined && hasKeyword(keywords, data, start, end)) removedWide.add(file);
    },
  });
  const handle = async (change: Change, read: ReturnType<BlobReader['read']> | undefined): Promise<void> => {
    const commit = change.commit;
    if (commit === undefined) {
      read?.then(
        (blob) => reader.release(blob),
        () => undefined,
      );
      return;
    }
    if (change.kind === 'fragment') return scanLines(change.fragment, commit, false);
    if (change.kind === 'binary') {
      countFile(commit, change.path);
      tally.skip('binary', change.path, commit.commit);
      return;
    }
    const blob = await (read as ReturnType<BlobReader['read']>);
    try {
      handleBlob(change, commit, blob);
    } finally {
      reader.release(blob);
    }
  };
  const handleBlob = (change: Extract<Change, { kind: 'blob' }>, commit: CommitHeader, blob: BlobRead): void => {
    countFile(commit, change.path);
    const verdict = changedBlobVerdict(blob, change);
    if (verdict.kind === 'skip') {
      tally.skip(verdict.reason, change.path, commit.commit);
      return;
    }
    if (verdict.kind === 'lines') {
      for (const f of change.held) scanLines(f, commit, verdict.judged);
      return;
    }
    const item = index.get(commit.commit) ?? -1;
    if (!tally.changedBlob(item, verdict.data, change.added, metaOf(commit, change.path, 1), wideHint(change)))
      tally.skip('binary', change.path, commit.commit);
  };
  // Changes are handled in diff order, while git goes on printing the log: a blob is asked for as
  // soon as its diff ends, and at most MAX_IN_FLIGHT changes (HELD_BYTES) wait for theirs.
  const inFlight: Array<{ done: Promise<void>; bytes: number }> = [];
  let heldBytes = 0;
  let chain: Promise<void> = Promise.resolve();
  const drain = async (limit: number): Promise<void> => {
    for (const change of router.take()) {
      const read = change.kind === 'blob' ? reader.read(change.blob) : undefined;
      read?.catch(() => undefined); // awaited in handle, in order
      chain = chain.then(() => handle(change, read));
      chain.catch(() => undefined); // surfaced by the awaits below
      const bytes = heldBy(change);
      heldBytes += bytes;
      inFlight.push({ done: chain, bytes });
      while (inFlight.length > limit || (heldBytes > HELD_BYTES && inFlight.length > 0)) {
        const first = inFlight.shift() as { done: Promise<void>; bytes: number };
        heldBytes -= first.bytes;
        await first.done;
      }
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

/** Bytes of added lines a change holds while it waits (its blob's are counted by the reader). */
function heldBy(change: Change): number {
  if (change.kind === 'fragment') return change.fragment.data.length;
  return change.kind === 'blob' ? change.held.reduce((n, f) => n + f.data.length, 0) : 0;
}
