import type { RawFinding } from '../engine/scan-fragment.js';
import type { FileTarget } from '../sources/files.js';
import type { FragmentInput, ScanError, SkipReason } from '../types.js';
import { type BlobBatch, batchId, batchSize } from './blob-batch.js';

/** A batch of work for one thread: files to read and scan, or fragments already in memory. */
export type Task =
  | { readonly kind: 'files'; readonly targets: readonly FileTarget[]; readonly maxFileSize: number }
  | { readonly kind: 'fragments'; readonly fragments: readonly FragmentInput[] }
  /** Commits whose changes to scan, by full SHA, in the repository at `repo` (only `paths`, when given). */
  | { readonly kind: 'commits'; readonly repo: string; readonly commits: readonly string[]; readonly paths?: readonly string[] }
  /** Blobs to read once and flag for a patch scan (the blob design of `--history`, see blob-scan.ts). */
  | { readonly kind: 'blobs'; readonly repo: string; readonly blobs: BlobBatch };

/** A finding and the index of the task item (file or fragment) it came from. */
export interface ItemFinding {
  readonly item: number;
  readonly finding: RawFinding;
}

/** An inline allow marker seen while scanning (collected only when unused markers are reported). */
export interface MarkerHit {
  readonly path: string;
  readonly line: number;
  readonly commit?: string;
}

/** How tasks are run, fixed for a whole scan: sent once to each worker with the rules. */
export interface RunOptions {
  /** Collect every `keyscan:allow` marker, for `--report-unused-allows`. */
  readonly allowMarkers?: boolean;
}

export interface TaskResult {
  readonly findings: ItemFinding[];
  /** Present when {@link RunOptions.allowMarkers} is set. */
  readonly markers?: MarkerHit[];
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly skipped: ReadonlyArray<{ readonly reason: SkipReason; readonly path: string; readonly commit?: string }>;
  readonly errors: ScanError[];
  readonly commitsScanned?: number;
  /** Git LFS pointers among the scanned files (scanned as committed; their content is elsewhere). */
  readonly lfsPointers?: number;
  /** A `blobs` task: the indices of the blobs whose changes must be scanned as patches. */
  readonly flagged?: readonly number[];
}

/** Work done so far inside a long task (a batch of commits), for progress displays. */
export interface TaskProgress {
  readonly commitsScanned: number;
  readonly bytesScanned: number;
}

/** Runs tasks somewhere: on this thread, or on a pool of workers. */
export interface Executor {
  run(task: Task, onProgress?: (progress: TaskProgress) => void): Promise<TaskResult>;
  close(): Promise<void>;
}

/** A short description of a task's items for error messages: paths only, never content. */
export function describeTask(task: Task): string {
  const names =
    task.kind === 'files'
      ? task.targets.map((t) => t.path)
      : task.kind === 'commits'
        ? task.commits.map((c) => `commit ${c}`)
        : task.kind === 'blobs'
          ? Array.from({ length: batchSize(task.blobs) }, (_, i) => `blob ${batchId(task.blobs, i)}`)
          : task.fragments.map((f) => (f.meta.commit ? `${f.meta.commit.commit.slice(0, 12)}:${f.meta.path}` : f.meta.path));
  const shown = [...new Set(names)].slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}
