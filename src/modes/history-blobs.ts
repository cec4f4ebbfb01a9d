/**
 * The blob design of a history scan's content: each unique blob is read and judged once, then
 * only the changes that produced a flagged blob are scanned as patches.
 *
 * 1. One `git log --raw` (no patches) lists, per commit, the blob each changed path got, with
 *    the same diff rules as the patches (first parent, combined diffs for merges, no renames):
 *    the walk that reads the commits' messages and names (walk-feed.ts), or its own when that
 *    walk covers other commits. Every blob in the store is listed meanwhile.
 * 2. Those blobs are read in pack order across the pool, each once, and flagged when the patch
 *    design could report anything about a change that produced it (scanner/blob-scan.ts).
 * 3. The commits with a change to a flagged blob (or a submodule entry) are scanned as patches,
 *    limited to those changes' paths. Their findings, skips and LFS pointers are the patch
 *    design's own; every other change reports nothing in either design.
 *
 * So a finding is introduced by commit C at path P exactly when the patch design says so: its
 * secret lies on a line C's diff added to P. What differs: `filesScanned` and `bytesScanned`
 * count the blobs read in step 2 (each once), not the changes.
 */
import type { HistoryCache } from '../cache/history-cache.js';
import { listStoredBlobs } from '../git/blob-walk.js';
import { type CommitMetadata, commitMetadata, type PathChange } from '../git/metadata.js';
import { runBounded } from '../pipeline/bounded.js';
import { type BlobBatch, batchId } from '../scanner/blob-batch.js';
import type { Task } from '../scanner/task.js';
import { BlobIds, ChangeLists, StoredList } from './blob-index.js';
import { rememberClean } from './cache.js';
import type { ScanContext } from './mode.js';
import { toAsync } from './tasks.js';
import type { WalkFeed } from './walk-feed.js';

/**
 * Blob bytes per task (see {@link TaskSizer}): what is left to cut over {@link TASKS_AHEAD} tasks
 * per worker, within these bounds, so tasks shrink toward the end. Each task is one
 * `git cat-file` process, and each spawn forks the whole worker process, after which every page
 * it writes faults once: at a fixed 64 MiB, git/git's 5.6 GB of blobs made ~88 tasks, 2.0M page
 * faults and 18.0-18.7 s of judging; sized as here, 1.67M and 14.8-17.0 s (2 interleaved pairs;
 * 1 GiB tasks faulted less still, 1.47M, and judged no faster). Below 64 MiB
 * a task's reads are too short, and a small history gains nothing from more, smaller tasks
 * (express's 154 MB in 19 MB tasks took 1.12× as long as in three of 64 MiB).
 */
const TASK_BYTES_MIN = 64 << 20;
const TASK_BYTES_MAX = 256 << 20;
const TASKS_AHEAD = 4;
/** At most this many blobs per task (one cat-file request list). */
const BLOBS_PER_TASK = 20_000;
/** A second-pass batch names at most this many paths (one pathspec on git's command line). */
const PATHS_PER_BATCH = 1_000;
/** …and holds at most this many commits. */
const COMMITS_PER_BATCH = 5_000;

/** Scans the content of `commits` by the blob design, into `ctx.collector`. */
export async function scanHistoryBlobs(
  root: string,
  commits: readonly string[],
  ctx: ScanContext,
  cache: HistoryCache | undefined,
  walk: WalkFeed | undefined,
): Promise<void> {
  const started = performance.now();
  const large = commits.length > 64;
  const index = new ChangeIndexer();
  let indexed: Promise<void>;
  if (walk !== undefined && walk.commits === commits) {
    walk.read((i, c) => index.add(i, c));
    indexed = walk.done;
  } else indexed = ownWalk(root, commits, index, ctx.threads);
  indexed.catch(() => undefined); // awaited below
  // Alongside the walk: a listing of every blob in the store, in pack order, kept only for the
  // blobs the index names once both are done (the store may hold many more than the history uses).
  const stored = new StoredList();
  const listed = listStoredBlobs(root, (bytes, from, to, size) => stored.add(bytes, from, to, size));
  listed.catch(() => undefined); // awaited below
  await indexed;
  await listed;
  const { ids, paths, gitlinks } = index;
  const walked = performance.now();
  const executor = ctx.executorFor(large);
  const limit = Math.max(1, ctx.threads) * 2;
  const flagged = new Set<number>();
  await runBounded(
    // On the main thread (a small history) tasks run one after another: one task, one cat-file.
    toAsync(blobTasks(root, index, stored, large ? ctx.threads : 1)),
    executor,
    limit,
    (task, result) => {
      if (task.kind === 'blobs') for (const i of result.flagged ?? []) flagged.add(ids.numberOf(batchId(task.blobs, i)));
      ctx.collector.add(task, result);
    },
    (task, progress) => ctx.collector.partial(task, progress),
  );
  const judged = performance.now();
  // The changes to patch: per commit (by index), the paths of its changes to flagged blobs.
  const wanted = new Map<number, Set<number>>();
  const want = (commit: number, path: number): void => {
    const set = wanted.get(commit);
    if (set === undefined) wanted.set(commit, new Set([path]));
    else set.add(path);
  };
  for (const blob of flagged) index.eachChange(blob, want);
  for (let i = 0; i < gitlinks.length; i += 2) want(gitlinks[i] as number, gitlinks[i + 1] as number);
  const tasks = toAsync(patchTasks(root, commits, wanted, paths));
  await runBounded(tasks, executor, limit, (task, result) => {
    if (cache !== undefined) rememberClean(cache, task, result);
    // The blob pass counted the bytes and files; commits are counted once, below.
    ctx.collector.add(task, { ...result, filesScanned: 0, bytesScanned: 0, commitsScanned: 0 });
  });
  if (cache !== undefined) for (let i = 0; i < commits.length; i++) if (!wanted.has(i)) cache.add(commits[i] as string, undefined);
  const counted: Task = { kind: 'commits', repo: root, commits: [] };
  ctx.collector.add(counted, { findings: [], filesScanned: 0, bytesScanned: 0, skipped: [], errors: [], commitsScanned: commits.length });
  ctx.debug(
    `blob design: ${ids.size} blobs of ${commits.length} commits listed in ${Math.round(walked - started)} ms, judged in ${Math.round(judged - walked)} ms; ${flagged.size} flagged, ${wanted.size} commits scanned as patches in ${Math.round(performance.now() - judged)} ms`,
  );
}

/** The commits' changes when no other walk reads them. */
async function ownWalk(root: string, commits: readonly string[], index: ChangeIndexer, processes: number): Promise<void> {
  let i = 0;
  for await (const c of commitMetadata(root, commits, processes)) index.add(i++, c);
}

/**
 * Per blob, the changes that produced it; submodule entries apart (they have no blob to read).
 * Deletions are left out: they add nothing.
 */
class ChangeIndexer {
  readonly ids = new BlobIds();
  readonly paths: string[] = [];
  readonly gitlinks: number[] = [];
  readonly #changes = new ChangeLists();
  readonly #pathIds = new Map<string, number>();

  add(commit: number, c: CommitMetadata): void {
    for (let i = 0; i < c.changes.length; i++) {
      const change = c.changes[i] as PathChange;
      if (change.mode === '000000' || /^0+$/.test(change.blob)) continue;
      const name = c.paths[i] as string;
      let path = this.#pathIds.get(name);
      if (path === undefined) {
        path = this.paths.length;
        this.paths.push(name);
        this.#pathIds.set(name, path);
      }
      if (change.mode === '160000') {
        this.gitlinks.push(commit, path);
        continue;
      }
      this.#changes.add(this.ids.add(change.blob), commit, path);
    }
  }

  /** The blob's changes, newest first (the reverse of the walk's order). */
  eachChange(blob: number, visit: (commit: number, path: number) => void): void {
    this.#changes.each(blob, visit);
  }
}

/**
 * How many blob bytes each task gets, task after task. Once what is left no longer fills
 * {@link TASKS_AHEAD} tasks per worker of the minimum size, the rest is cut into equal tasks, a
 * whole number per worker: cut into 64 MiB tasks and a remainder, express's 154 MB made three
 * tasks for two workers, and one worker judged the third alone while the other sat idle (75 ms of
 * a 1.26 s run, spawn trace); as two of 77 MB, both end within 64 ms of each other, at 1.08 s.
 */
export class TaskSizer {
  readonly #workers: number;
  #left: number;
  /** The size of every task from here on, once the tail is cut evenly. */
  #even: number | undefined;

  constructor(total: number, workers: number) {
    this.#left = total;
    this.#workers = Math.max(1, workers);
  }

  /** The bytes the next task should reach. */
  get target(): number {
    if (this.#even !== undefined) return this.#even;
    const ahead = this.#left / (this.#workers * TASKS_AHEAD);
    if (ahead >= TASK_BYTES_MIN) return Math.min(TASK_BYTES_MAX, ahead);
    const rounds = Math.max(1, Math.floor(this.#left / (this.#workers * TASK_BYTES_MIN)));
    // Never 0: blobs of no listed size (an empty store listing) would each make a task, a cat-file each.
    this.#even = Math.max(1, this.#left / (this.#workers * rounds));
    return this.#even;
  }

  /** A task of `bytes` was cut. */
  cut(bytes: number): void {
    this.#left -= bytes;
  }
}

/** The blobs to judge, in pack order, in tasks sized by {@link TaskSizer}. */
function* blobTasks(root: string, index: ChangeIndexer, stored: StoredList, workers: number): Generator<Task> {
  const { ids } = index;
  // Blobs the store did not list (another object store, a missing object) come last: cat-file
  // reads them or reports them missing, which flags them.
  const listed = new Uint8Array(ids.size);
  const order = new Int32Array(ids.size);
  const sizes = new Float64Array(ids.size);
  let count = 0;
  stored.drain(ids, (blob, size) => {
    if (blob < 0 || listed[blob] === 1) return;
    listed[blob] = 1;
    order[count] = blob;
    sizes[count++] = size;
  });
  for (let blob = 0; blob < ids.size; blob++) if (listed[blob] === 0) order[count++] = blob;
  let total = 0;
  for (let i = 0; i < count; i++) total += sizes[i] as number;
  const sizer = new TaskSizer(total, workers);
  let batch = new BatchBuilder(index);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    batch.add(order[i] as number);
    bytes += sizes[i] as number;
    if (bytes >= sizer.target || batch.size >= BLOBS_PER_TASK) {
      yield { kind: 'blobs', repo: root, blobs: batch.build() };
      sizer.cut(bytes);
      batch = new BatchBuilder(index);
      bytes = 0;
    }
  }
  if (batch.size > 0) yield { kind: 'blobs', repo: root, blobs: batch.build() };
}

/** One task's {@link BlobBatch}, blob by blob: each blob's distinct paths, in the walk's order. */
class BatchBuilder {
  readonly #index: ChangeIndexer;
  readonly #ids: string[] = [];
  /** Path number in the index → its place in this batch's `paths`. */
  readonly #local = new Map<number, number>();
  readonly #paths: string[] = [];
  readonly #start: number[] = [0];
  readonly #pathIndex: number[] = [];
  /** The paths of the blob being added, newest change first, and which of them it already has. */
  readonly #changes: number[] = [];
  readonly #seen = new Set<number>();

  constructor(index: ChangeIndexer) {
    this.#index = index;
  }

  get size(): number {
    return this.#ids.length;
  }

  add(blob: number): void {
    this.#ids.push(this.#index.ids.hex(blob));
    this.#changes.length = 0;
    this.#index.eachChange(blob, (_, path) => this.#changes.push(path));
    this.#seen.clear();
    for (let k = this.#changes.length - 1; k >= 0; k--) {
      const path = this.#changes[k] as number;
      if (this.#seen.has(path)) continue;
      this.#seen.add(path);
      let local = this.#local.get(path);
      if (local === undefined) {
        local = this.#paths.length;
        this.#paths.push(this.#index.paths[path] as string);
        this.#local.set(path, local);
      }
      this.#pathIndex.push(local);
    }
    this.#start.push(this.#pathIndex.length);
  }

  build(): BlobBatch {
    return {
      ids: this.#ids.length === 0 ? '' : `${this.#ids.join('\n')}\n`,
      paths: this.#paths,
      pathStart: Int32Array.from(this.#start),
      pathIndex: Int32Array.from(this.#pathIndex),
    };
  }
}

/** The commits to scan as patches, in the scan's order, each batch limited to its changes' paths. */
function* patchTasks(
  root: string,
  commits: readonly string[],
  wanted: ReadonlyMap<number, Set<number>>,
  paths: readonly string[],
): Generator<Task> {
  const indices = [...wanted.keys()].sort((a, b) => a - b);
  let batch: string[] = [];
  let batchPaths = new Set<number>();
  const flush = function* (): Generator<Task> {
    if (batch.length === 0) return;
    yield { kind: 'commits', repo: root, commits: batch, paths: [...batchPaths].map((p) => paths[p] as string) };
    batch = [];
    batchPaths = new Set();
  };
  for (const i of indices) {
    const own = wanted.get(i) as Set<number>;
    if (own.size > PATHS_PER_BATCH) {
      // Too many paths to name: the whole commit, as the patch design scans it (same result).
      yield { kind: 'commits', repo: root, commits: [commits[i] as string] };
      continue;
    }
    let added = 0;
    for (const p of own) if (!batchPaths.has(p)) added++;
    if (batch.length > 0 && (batchPaths.size + added > PATHS_PER_BATCH || batch.length >= COMMITS_PER_BATCH)) yield* flush();
    batch.push(commits[i] as string);
    for (const p of own) batchPaths.add(p);
  }
  yield* flush();
}
