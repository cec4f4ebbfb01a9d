/**
 * The blob design's first pass (see modes/history-blobs.ts): each blob of a batch is read once from
 * one `git cat-file --batch` and flagged when the patch design could report anything about a
 * change that produced it. A flagged blob's changes are then scanned as patches, so what is
 * reported about them is exactly what the patch design reports; an unflagged blob's changes
 * report nothing in either design. Flagged: a finding anywhere in the whole decoded blob (once
 * per distinct way its paths can change a rule's verdict), a NUL byte anywhere or a UTF-16 mark
 * (binary and encoding are judged per change), a Git LFS pointer (counted per change), a blob
 * over the size the patch design reads whole, a missing blob, and an allow marker when markers
 * are collected.
 */
import { findAllowMarkerLines } from '../engine/allow-marker.js';
import type { Catalogue } from '../engine/catalogue.js';
import { detect } from '../engine/detect.js';
import { isDocPath, isExamplePath, isIllustrativePath, isTestPath } from '../engine/path-context.js';
import { rememberedPerPath } from '../engine/per-path.js';
import { type BlobContent, streamBlobs } from '../git/blob-walk.js';
import { BLOB_CAP } from '../sources/changes.js';
import { isLfsPointer, toScannableText, utf16Order } from '../sources/text.js';
import { type BlobBatch, batchSize } from './blob-batch.js';
import type { RunOptions, TaskProgress, TaskResult } from './task.js';

const PROGRESS_MS = 250;

export async function scanBlobBatch(
  catalogue: Catalogue,
  repo: string,
  batch: BlobBatch,
  options: RunOptions = {},
  onProgress?: (p: TaskProgress) => void,
): Promise<TaskResult> {
  const flagged: number[] = [];
  let bytesScanned = 0;
  let filesScanned = 0;
  let next = 0;
  let lastReport = performance.now();
  const count = batchSize(batch);
  const paths: string[] = [];
  const judge = (read: BlobContent): void => {
    const item = next++;
    if (item >= count) return;
    paths.length = 0;
    for (let k = batch.pathStart[item] as number; k < (batch.pathStart[item + 1] as number); k++)
      paths.push(batch.paths[batch.pathIndex[k] as number] as string);
    if (needsPatches(catalogue, read, paths, options)) flagged.push(item);
    filesScanned++;
    bytesScanned += read.size;
    const now = performance.now();
    if (onProgress !== undefined && now - lastReport >= PROGRESS_MS) {
      lastReport = now;
      onProgress({ commitsScanned: 0, bytesScanned });
    }
  };
  await streamBlobs(repo, batch.ids, BLOB_CAP, judge);
  if (next !== count) throw new Error('git cat-file ended before answering every request');
  return { findings: [], filesScanned, bytesScanned, skipped: [], errors: [], flagged };
}

function needsPatches(catalogue: Catalogue, read: BlobContent, paths: readonly string[], options: RunOptions): boolean {
  const raw = read.data;
  if (raw === undefined || read.missing) return true;
  if (raw.includes(0) || utf16Order(raw) !== undefined) return true;
  const text = toScannableText(raw);
  if (text === 'binary' || isLfsPointer(text)) return true;
  if (options.allowMarkers && findAllowMarkerLines(text).length > 0) return true;
  // Most blobs were committed at one path: nothing to tell apart, so no signature (each tests
  // all 35 path conditions, where detect tests only those its keyword hits ask for).
  if (paths.length === 1) return detect(catalogue, text, paths[0] as string).length > 0;
  const seen = new Set<string>();
  for (const path of paths) {
    const signature = pathSignature(catalogue, path);
    if (seen.has(signature)) continue;
    seen.add(signature);
    if (detect(catalogue, text, path).length > 0) return true;
  }
  return false;
}

/**
 * What a path can change in the engine's verdicts: which path conditions it meets and how the
 * validators judge its kind of file (tests, docs, templates, examples). Paths of one signature
 * get the same findings from the same text.
 */
const pathSignature = rememberedPerPath(4096, signatureOf);

function signatureOf(catalogue: Catalogue, path: string): string {
  let s = '';
  for (const condition of catalogue.paths) s += condition.test(path) ? '1' : '0';
  s += isTestPath(path) ? 'T' : 't';
  s += isDocPath(path) ? 'D' : 'd';
  s += isIllustrativePath(path) ? 'I' : 'i';
  s += isExamplePath(path) ? 'E' : 'e';
  return s;
}
