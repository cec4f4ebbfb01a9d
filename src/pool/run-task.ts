import type { Catalogue } from '../catalogue/compile.js';
import { findAllowMarkerLines } from '../engine/allow-marker.js';
import { type FragmentMeta, scanFragment } from '../engine/scan-fragment.js';
import { readTarget } from '../sources/read-file.js';
import { toScannableText } from '../sources/text.js';
import type { ScanError, SkipReason } from '../types.js';
import type { ItemFinding, MarkerHit, RunOptions, Task, TaskResult } from './protocol.js';

/** Does one task's work. Shared by the worker entry and the in-thread executor. */
export function runTask(catalogue: Catalogue, task: Task, options: RunOptions = {}): TaskResult {
  const findings: ItemFinding[] = [];
  const markers: MarkerHit[] | undefined = options.allowMarkers ? [] : undefined;
  const collectMarkers = (data: Buffer, meta: FragmentMeta): void => {
    if (markers === undefined) return;
    for (const line of findAllowMarkerLines(data, meta.firstLine ?? 1)) {
      markers.push(meta.commit === undefined ? { path: meta.path, line } : { path: meta.path, line, commit: meta.commit });
    }
  };
  const skipped: Array<{ reason: SkipReason; path: string }> = [];
  const errors: ScanError[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  if (task.kind === 'files') {
    task.targets.forEach((target, item) => {
      const outcome = readTarget(target.abs, task.maxFileSize);
      if (outcome.kind === 'skip') skipped.push({ reason: outcome.reason, path: target.path });
      else if (outcome.kind === 'error') errors.push({ path: target.path, code: outcome.code, message: outcome.message });
      else {
        filesScanned++;
        bytesScanned += outcome.bytes;
        const meta: FragmentMeta = { path: target.path, source: 'file' };
        for (const finding of scanFragment(catalogue, outcome.data, meta)) findings.push({ item, finding });
        collectMarkers(outcome.data, meta);
      }
    });
  } else {
    task.fragments.forEach((fragment, item) => {
      const raw = Buffer.from(fragment.data.buffer, fragment.data.byteOffset, fragment.data.byteLength);
      bytesScanned += raw.length;
      const text = toScannableText(raw);
      if (text === 'binary') {
        skipped.push({ reason: 'binary', path: fragment.meta.path });
        return;
      }
      for (const finding of scanFragment(catalogue, text, fragment.meta)) findings.push({ item, finding });
      collectMarkers(text, fragment.meta);
    });
  }
  return { findings, filesScanned, bytesScanned, skipped, errors, ...(markers ? { markers } : {}) };
}
