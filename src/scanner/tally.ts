/**
 * One task's results as they accumulate, and the one way text is scanned: decode (unless already
 * judged text), skip and count binaries, count LFS pointers, scan, collect allow markers. Files,
 * fragments and commit batches all go through it, so the three read the same way.
 */
import type { Catalogue } from '../engine/catalogue.js';
import { scanFragment } from '../engine/scan-fragment.js';
import { isLfsPointer, toScannableText } from '../sources/text.js';
import type { FragmentMeta, ScanError, SkipReason } from '../types.js';
import { scanChangedBlob, type WideHint } from './changed-blob.js';
import { markerCollector } from './markers.js';
import type { ItemFinding, MarkerHit, RunOptions, TaskResult } from './task.js';

export class Tally {
  readonly findings: ItemFinding[] = [];
  readonly skipped: Array<{ reason: SkipReason; path: string; commit?: string }> = [];
  readonly errors: ScanError[] = [];
  filesScanned = 0;
  bytesScanned = 0;
  private lfsPointers = 0;
  private readonly markers: MarkerHit[] | undefined;
  private readonly collect: (data: Buffer, meta: FragmentMeta) => void;

  constructor(
    private readonly catalogue: Catalogue,
    options: RunOptions,
  ) {
    const { markers, collect } = markerCollector(options);
    this.markers = markers;
    this.collect = collect;
  }

  /** In a commit batch, `commit` says whose change it was (the history cache counts skips per commit). */
  skip(reason: SkipReason, path: string, commit?: string): void {
    this.skipped.push(commit === undefined ? { reason, path } : { reason, path, commit });
  }

  /**
   * Scans `raw` (a file, or some of its lines) for item `item`; false when it is binary.
   * `judged`: the bytes belong to a file already judged and decoded as text, so a NUL in them does
   * not make them binary. `fileStart`: they start at a file's first line, where an LFS pointer
   * would. `bytes`: what to count for them (a decoded file counts the bytes read).
   */
  text(item: number, raw: Buffer, meta: FragmentMeta, how: { judged?: boolean; fileStart?: boolean; bytes?: number } = {}): boolean {
    this.bytesScanned += how.bytes ?? raw.length;
    const text = how.judged ? raw : toScannableText(raw);
    if (text === 'binary') return false;
    if (how.fileStart && isLfsPointer(text)) this.lfsPointers++;
    const scanned = shiftOwned(meta, raw, text);
    for (const finding of scanFragment(this.catalogue, text, scanned)) this.findings.push({ item, finding });
    this.collect(text, scanned);
    return true;
  }

  /** A changed file's whole new blob, of which only the `added` lines count (see changed-blob.ts). */
  changedBlob(item: number, raw: Buffer, added: readonly number[], meta: FragmentMeta, wide?: WideHint): boolean {
    const r = scanChangedBlob(this.catalogue, raw, added, meta, this.markers !== undefined, wide);
    this.bytesScanned += r.bytesScanned;
    if (r.binary) return false;
    if (r.lfsPointer) this.lfsPointers++;
    for (const finding of r.findings) this.findings.push({ item, finding });
    for (const line of r.markerLines) {
      this.markers?.push(meta.commit === undefined ? { path: meta.path, line } : { path: meta.path, line, commit: meta.commit.commit });
    }
    return true;
  }

  result(extra: { readonly commitsScanned?: number } = {}): TaskResult {
    return {
      findings: this.findings,
      filesScanned: this.filesScanned,
      bytesScanned: this.bytesScanned,
      skipped: this.skipped,
      errors: this.errors,
      ...extra,
      ...(this.lfsPointers > 0 ? { lfsPointers: this.lfsPointers } : {}),
      ...(this.markers ? { markers: this.markers } : {}),
    };
  }
}

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
