/**
 * Scans a change as the whole new version of the file sees it. The diff names the lines a change
 * added; a rule that spans lines (a PEM key whose body was replaced between unchanged BEGIN/END
 * lines, a `.netrc` block whose password line alone changed) needs the lines around them. So the
 * new blob is decoded and judged binary by the same rule as a files scan, the text within each
 * rule's reach of the added lines is scanned, and a finding counts only when its secret lies on
 * an added line: unchanged lines never produce findings of their own.
 */

import { findAllowMarkerLines } from '../engine/allow-marker.js';
import type { Catalogue } from '../engine/catalogue.js';
import { hasKeyword, type KeywordMatcher } from '../engine/keywords.js';
import { type RawFinding, scanFragment } from '../engine/scan-fragment.js';
import { isLfsPointer, toScannableText, utf16Order, utf16String } from '../sources/text.js';
import type { FragmentMeta } from '../types.js';
import { neededReach, reachOf } from './reach.js';

export interface ChangeScan {
  readonly findings: RawFinding[];
  /** Lines of `keyscan:allow` markers on added lines (only when asked for). */
  readonly markerLines: number[];
  readonly bytesScanned: number;
  readonly binary: boolean;
  readonly lfsPointer: boolean;
}

/**
 * What is known about a blob and the keywords of the rules that reach further than most (see
 * reach.ts), carried between the versions of a file: a blob without any of them needs only the
 * base reach around its changes.
 */
export interface WideHint {
  /** The blob is known to hold no such keyword. */
  readonly free: boolean;
  /** Called when the scan found that the blob holds none (a UTF-16 blob is never judged). */
  readonly onFree?: () => void;
  /** Called when the scan looked over the whole blob and found one. */
  readonly onWide?: () => void;
}

/** Blobs up to this size are looked over whole for those keywords; larger ones only near their changes. */
const JUDGED_WHOLE = 256 << 10;

/**
 * `added` holds flat pairs [first, last] of 1-based, inclusive line ranges in git's numbering of
 * the raw blob (lines end at each 0x0a byte), sorted and disjoint, as the diff reported them.
 */
export function scanChangedBlob(
  catalogue: Catalogue,
  raw: Buffer,
  added: readonly number[],
  meta: FragmentMeta,
  collectMarkers: boolean,
  wide?: WideHint,
): ChangeScan {
  const text = toScannableText(raw);
  if (text === 'binary') return { findings: [], markerLines: [], bytesScanned: 0, binary: true, lfsPointer: false };
  const order = utf16Order(raw);
  const ranges = order === undefined ? added : utf16Ranges(raw, order, added);
  const lines = lineStarts(text);
  const reach = reachOf(catalogue);
  const findings: RawFinding[] = [];
  const markerLines: number[] = [];
  let bytesScanned = 0;
  const scan = (first: number, last: number): void => {
    const start = lines[first - 1] as number;
    const end = last < lines.length ? (lines[last] as number) : text.length;
    const data = text.subarray(start, end);
    bytesScanned += data.length;
    for (const f of scanFragment(catalogue, data, { ...meta, firstLine: first })) {
      if (overlaps(ranges, f.startLine, f.endLine)) findings.push(f);
    }
    if (collectMarkers) for (const line of findAllowMarkerLines(data, first)) if (overlaps(ranges, line, line)) markerLines.push(line);
  };
  const widening = reach.wideFor(meta.path);
  const baseNeed = Math.max(reach.base, widening.always);
  const carries = order === undefined && widening.withinLines;
  // Known, judged here (one look over the whole blob, stopping at the first hit), or not looked for.
  let free: boolean | undefined = wide?.free === true && carries ? true : undefined;
  const judge = wide?.onFree !== undefined && carries && text.length <= JUDGED_WHOLE && widening.hasKeywords;
  // Changes within the longest reach of each other share one look for the keywords of longer rules.
  for (const [from, to] of groups(text, lines, ranges, reach.wide)) {
    const group = ranges.slice(from, to);
    const [first, last] = windows(text, lines, group, reach.wide)[0] as [number, number];
    const near = windows(text, lines, group, baseNeed);
    // Whole lines already reach as far (a small file, a minified one): nothing to look for.
    if (baseNeed >= reach.wide || (near.length === 1 && near[0]?.[0] === first && near[0]?.[1] === last)) {
      for (const [a, b] of near) scan(a, b);
      continue;
    }
    const judged: KeywordMatcher | undefined = free === undefined && judge ? widening.keywords : undefined;
    if (judged !== undefined) {
      free = !hasKeyword(judged, text);
      if (!free) wide?.onWide?.();
    }
    const start = lines[first - 1] as number;
    const end = last < lines.length ? (lines[last] as number) : text.length;
    const need = free === true ? baseNeed : neededReach(reach, widening, text, start, end);
    if (need === baseNeed) for (const [a, b] of near) scan(a, b);
    else for (const [a, b] of need >= reach.wide ? [[first, last] as const] : windows(text, lines, group, need)) scan(a, b);
  }
  if (free === true) wide?.onFree?.();
  return { findings, markerLines, bytesScanned, binary: false, lfsPointer: isLfsPointer(text) };
}

/** Offsets where each line starts (index i holds line i + 1). */
function lineStarts(text: Buffer): number[] {
  const starts = [0];
  for (let i = text.indexOf(10); i !== -1 && i + 1 < text.length; i = text.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Line ranges [first, last] to scan: each added range widened by `reach` bytes on both sides (to
 * whole lines), merged where they touch.
 */
function windows(text: Buffer, starts: readonly number[], ranges: readonly number[], reach: number): Array<[number, number]> {
  const total = starts.length;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const a = Math.min(total, Math.max(1, ranges[i] as number));
    const b = Math.min(total, Math.max(a, ranges[i + 1] as number));
    const from = lineAt(starts, Math.max(0, (starts[a - 1] as number) - reach));
    const endByte = b < total ? (starts[b] as number) : text.length;
    const to = lineAt(starts, Math.min(text.length - 1, endByte + reach));
    const prev = out[out.length - 1];
    if (prev !== undefined && from <= prev[1] + 1) prev[1] = Math.max(prev[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Index spans [from, to) into `ranges` of the added ranges whose windows at `reach` merge. */
function groups(text: Buffer, starts: readonly number[], ranges: readonly number[], reach: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let last = -1;
  for (let i = 0; i < ranges.length; i += 2) {
    const [window] = windows(text, starts, ranges.slice(i, i + 2), reach) as [[number, number]];
    const prev = out[out.length - 1];
    if (prev !== undefined && window[0] <= last + 1) prev[1] = i + 2;
    else out.push([i, i + 2]);
    last = Math.max(last, window[1]);
  }
  return out;
}

/** 1-based number of the line holding byte `offset`. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function overlaps(ranges: readonly number[], first: number, last: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if ((ranges[i] as number) > last) return false;
    if ((ranges[i + 1] as number) >= first) return true;
  }
  return false;
}

/**
 * git numbers the lines of a UTF-16 blob by its 0x0a bytes, which are not the decoded text's
 * newlines. Maps each range through byte offsets to the decoded lines it covers.
 */
function utf16Ranges(raw: Buffer, order: 'le' | 'be', added: readonly number[]): number[] {
  const rawStarts = lineStarts(raw);
  const decoded = utf16String(raw, order);
  const newlines: number[] = [];
  for (let i = decoded.indexOf('\n'); i !== -1; i = decoded.indexOf('\n', i + 1)) newlines.push(i);
  // Decoded line of code unit u: 1 + the number of newlines before it.
  const lineOfUnit = (u: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const unitOf = (byte: number): number => Math.max(0, Math.floor((byte - 2) / 2));
  const out: number[] = [];
  for (let i = 0; i < added.length; i += 2) {
    const a = Math.min(rawStarts.length, Math.max(1, added[i] as number));
    const b = Math.min(rawStarts.length, Math.max(a, added[i + 1] as number));
    const startByte = rawStarts[a - 1] as number;
    const endByte = b < rawStarts.length ? (rawStarts[b] as number) : raw.length;
    const first = lineOfUnit(unitOf(startByte));
    const last = lineOfUnit(Math.max(unitOf(startByte), unitOf(endByte - 1)));
    const prev = out.length - 1;
    if (prev > 0 && first <= (out[prev] as number) + 1) out[prev] = Math.max(out[prev] as number, last);
    else out.push(first, last);
  }
  return out;
}
