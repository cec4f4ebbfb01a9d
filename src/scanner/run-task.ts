import type { Catalogue } from '../engine/catalogue.js';
import { readTarget } from '../sources/read-file.js';
import { scanBlobBatch } from './blob-scan.js';
import { scanCommitBatch } from './commits.js';
import { Tally } from './tally.js';
import type { RunOptions, Task, TaskProgress, TaskResult } from './task.js';

/** Does one task's work. Shared by the worker entry and the in-thread executor. */
export function runTask(
  catalogue: Catalogue,
  task: Task,
  options: RunOptions = {},
  onProgress?: (p: TaskProgress) => void,
): TaskResult | Promise<TaskResult> {
  if (task.kind === 'commits') return scanCommitBatch(catalogue, task.repo, task.commits, options, onProgress, task.paths);
  if (task.kind === 'blobs') return scanBlobBatch(catalogue, task.repo, task.blobs, options, onProgress);
  const tally = new Tally(catalogue, options);
  if (task.kind === 'files') {
    task.targets.forEach((target, item) => {
      const outcome = readTarget(target.raw ?? target.abs, task.maxFileSize);
      if (outcome.kind === 'skip') tally.skip(outcome.reason, target.path);
      else if (outcome.kind === 'error') tally.errors.push({ path: target.path, code: outcome.code, message: outcome.message });
      else {
        // readTarget judged and decoded the file already.
        tally.filesScanned++;
        tally.text(item, outcome.data, { path: target.path, source: 'file' }, { judged: true, fileStart: true, bytes: outcome.bytes });
      }
    });
    return tally.result();
  }
  task.fragments.forEach((fragment, item) => {
    const raw = Buffer.from(fragment.data.buffer, fragment.data.byteOffset, fragment.data.byteLength);
    const text =
      fragment.added !== undefined
        ? tally.changedBlob(item, raw, fragment.added, fragment.meta)
        : // Added lines of a file judged text already (or with no NUL): the hunk is never judged alone.
          tally.text(item, raw, fragment.meta, { judged: fragment.judged === true, fileStart: fragment.meta.firstLine === 1 });
    if (!text) tally.skip('binary', fragment.meta.path);
  });
  return tally.result();
}
