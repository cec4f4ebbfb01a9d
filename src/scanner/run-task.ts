import type { Catalogue } from '../engine/catalogue.js';
import { scanFragment } from '../engine/scan-fragment.js';
import { readTarget } from '../sources/read-file.js';
import { isLfsPointer, toScannableText } from '../sources/text.js';
import type { FragmentMeta, ScanError, SkipReason } from '../types.js';
import { scanChangedBlob } from './changed-blob.js';
import { scanCommitBatch } from './commits.js';
import { markerCollector } from './markers.js';
import type { ItemFinding, MarkerHit, RunOptions, Task, TaskProgress, TaskResult } from './task.js';

/**
 * Keeps an owned range pointing at the same bytes after decoding: a stripped UTF-8 BOM shifts it;
 * a UTF-16 stream (re-encoded, so offsets no longer correspond) is owned whole.
 */
function shiftOwned(meta: FragmentMeta, raw: Buffer, text: Buffer): FragmentMeta {
  if (meta.owned === undefined || text === raw) return meta;
  const shift = text.buffer === raw.buffer ? text.byteOffset - raw.byteOffset : undefined;
  const [start, end] = meta.owned;
  const owned: readonly [number, number] = shift === undefined ? [0, text.length] : [Math.max(0, start - shift), end - shift];
  return { ...meta, owned };
}

/** Does one task's work. Shared by the worker entry and the in-thread executor. */
export function runTask(
  catalogue: Catalogue,
  task: Task,
  options: RunOptions = {},
  onProgress?: (p: TaskProgress) => void,
): TaskResult | Promise<TaskResult> {
  if (task.kind === 'commits') return scanCommitBatch(catalogue, task.repo, task.commits, options, onProgress);
  const findings: ItemFinding[] = [];
  const { markers, collect } = markerCollector(options);
  const skipped: Array<{ reason: SkipReason; path: string }> = [];
  const errors: ScanError[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  let lfsPointers = 0;
  if (task.kind === 'files') {
    task.targets.forEach((target, item) => {
      const outcome = readTarget(target.raw ?? target.abs, task.maxFileSize);
      if (outcome.kind === 'skip') skipped.push({ reason: outcome.reason, path: target.path });
      else if (outcome.kind === 'error') errors.push({ path: target.path, code: outcome.code, message: outcome.message });
      else {
        filesScanned++;
        bytesScanned += outcome.bytes;
        if (isLfsPointer(outcome.data)) lfsPointers++;
        const meta: FragmentMeta = { path: target.path, source: 'file' };
        for (const finding of scanFragment(catalogue, outcome.data, meta)) findings.push({ item, finding });
        collect(outcome.data, meta);
      }
    });
  } else {
    task.fragments.forEach((fragment, item) => {
      const raw = Buffer.from(fragment.data.buffer, fragment.data.byteOffset, fragment.data.byteLength);
      if (fragment.added !== undefined) {
        const r = scanChangedBlob(catalogue, raw, fragment.added, fragment.meta, markers !== undefined);
        bytesScanned += r.bytesScanned;
        if (r.binary) skipped.push({ reason: 'binary', path: fragment.meta.path });
        if (r.lfsPointer) lfsPointers++;
        for (const finding of r.findings) findings.push({ item, finding });
        for (const line of r.markerLines) markers?.push(markerAt(fragment.meta, line));
        return;
      }
      bytesScanned += raw.length;
      // Added lines of a file judged text already (or with no NUL): the hunk is never judged alone.
      const text = fragment.judged ? raw : toScannableText(raw);
      if (text === 'binary') {
        skipped.push({ reason: 'binary', path: fragment.meta.path });
        return;
      }
      const meta = shiftOwned(fragment.meta, raw, text);
      if (meta.firstLine === 1 && isLfsPointer(text)) lfsPointers++;
      for (const finding of scanFragment(catalogue, text, meta)) findings.push({ item, finding });
      collect(text, meta);
    });
  }
  return {
    findings,
    filesScanned,
    bytesScanned,
    skipped,
    errors,
    ...(lfsPointers > 0 ? { lfsPointers } : {}),
    ...(markers ? { markers } : {}),
  };
}

function markerAt(meta: FragmentMeta, line: number): MarkerHit {
  return meta.commit === undefined ? { path: meta.path, line } : { path: meta.path, line, commit: meta.commit.commit };
}
