import { type Candidate, rememberedContext } from '../filters/candidate.js';
import type { FilterOutcome } from '../filters/pipeline.js';
import type { UnusedAllow } from '../filters/unused-allows.js';
import type { MarkerHit, Task, TaskProgress, TaskResult } from '../scanner/task.js';
import { Secret } from '../secret.js';
import {
  emptySkipCounts,
  type Finding,
  type InlineAllow,
  type ScanError,
  type ScanResult,
  type ShardRecord,
  type SkipCounts,
  type SkipReason,
  type SuppressedCounts,
} from '../types.js';

export interface ScanProgress {
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly commitsScanned: number;
  /** Commits to scan in all, when known (range and history scans). */
  readonly commitsTotal: number | undefined;
}

/**
 * Gathers the results of every task: candidate findings (secrets and their lines wrapped at once),
 * allow markers, counts and errors.
 */
export class Collector {
  readonly #candidates: Candidate[] = [];
  readonly #markers: MarkerHit[] | undefined;
  readonly errors: ScanError[] = [];
  readonly warnings: string[] = [];
  readonly #skipped: SkipCounts = emptySkipCounts();
  readonly #onProgress: ((p: ScanProgress) => void) | undefined;
  /** Count unreadable files as skipped instead of failing the scan (`--skip-unreadable`). */
  skipUnreadable = false;
  #files = 0;
  #bytes = 0;
  #commits = 0;
  #lfs = 0;
  commitsTotal: number | undefined;
  /** With `--live-only`: secrets not reported because no branch or tag holds them any more. */
  historyOnlyHidden: number | undefined;
  /** Commits counted from the history cache instead of scanned (see src/cache/history-cache.ts). */
  commitsFromCache: number | undefined;
  metadataFromCache: number | undefined;
  /** Set by a sharded scan (`--shard`): recorded in the result for `keyscan merge`. */
  shard: ShardRecord | undefined;

  constructor(onProgress: ((p: ScanProgress) => void) | undefined, collectMarkers = false) {
    this.#onProgress = onProgress;
    this.#markers = collectMarkers ? [] : undefined;
  }

  skip(reason: SkipReason, _path: string): void {
    this.#skipped[reason]++;
  }

  countFile(bytes: number): void {
    this.#files++;
    this.#bytes += bytes;
  }

  /** Work done so far by tasks still running (counted in progress, replaced by their results). */
  readonly #partial = new Map<Task, TaskProgress>();

  partial(task: Task, progress: TaskProgress): void {
    this.#partial.set(task, progress);
    this.#report();
  }

  /** Adds a task's results; `report: false` for side work (names, messages) that is not progress. */
  add(task: Task, result: TaskResult, report = true): void {
    this.#partial.delete(task);
    for (const { finding } of result.findings) {
      const { secretText, context, ...rest } = finding;
      this.#candidates.push({
        finding: { ...rest, secret: new Secret(secretText) },
        context: context === undefined ? undefined : { text: new Secret(context.text), line: context.line },
      });
    }
    // Loops, not push(...list): a spread of some 100,000 items overflows the stack.
    if (result.markers !== undefined && this.#markers !== undefined) for (const m of result.markers) this.#markers.push(m);
    for (const s of result.skipped) this.skip(s.reason, s.path);
    if (this.skipUnreadable) for (const e of result.errors) this.skip('unreadable', e.path);
    else for (const e of result.errors) this.errors.push(e);
    this.#files += result.filesScanned;
    this.#bytes += result.bytesScanned;
    this.#commits += result.commitsScanned ?? 0;
    this.#lfs += result.lfsPointers ?? 0;
    if (report) this.#report();
  }

  #report(): void {
    if (this.#onProgress === undefined) return;
    let commits = this.#commits;
    let bytes = this.#bytes;
    for (const p of this.#partial.values()) {
      commits += p.commitsScanned;
      bytes += p.bytesScanned;
    }
    this.#onProgress({ filesScanned: this.#files, bytesScanned: bytes, commitsScanned: commits, commitsTotal: this.commitsTotal });
  }

  /** Findings of checks that are not text matches (env files): filtered like every other finding. */
  addChecks(findings: readonly Finding[]): void {
    for (const finding of findings) this.#candidates.push({ finding, context: rememberedContext(finding) });
  }

  /** Removes findings collected so far (replaced by a better one). */
  drop(superseded: (finding: Finding) => boolean): void {
    let kept = 0;
    for (const c of this.#candidates) if (!superseded(c.finding)) this.#candidates[kept++] = c;
    this.#candidates.length = kept;
  }

  /** Replaces the findings of the candidates, in the order {@link unfiltered} gave them (their lines stay). */
  replaceFindings(findings: readonly Finding[]): void {
    if (findings.length !== this.#candidates.length) throw new Error('replaceFindings: one finding per candidate');
    this.#candidates.forEach((c, i) => {
      this.#candidates[i] = { finding: findings[i] as Finding, context: c.context };
    });
  }

  /** Everything found so far, before filtering. */
  unfiltered(): Finding[] {
    return this.#candidates.map((c) => c.finding);
  }

  /** Runs the post-scan filters over everything collected; the candidates' lines are dropped. */
  filter(run: (candidates: readonly Candidate[], markers: readonly MarkerHit[] | undefined) => FilterOutcome): FilterOutcome {
    return run(this.#candidates, this.#markers);
  }

  result(
    findings: Finding[],
    durationMs: number,
    filtered: {
      readonly suppressed: SuppressedCounts;
      readonly unusedAllows?: UnusedAllow[] | undefined;
      readonly inlineAllows?: InlineAllow[];
    },
  ): ScanResult {
    const errors = this.errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return {
      findings: findings.sort(compareFindings),
      errors,
      warnings: this.warnings,
      stats: {
        filesScanned: this.#files,
        ...(this.commitsTotal === undefined ? {} : { commitsScanned: this.#commits }),
        ...(this.commitsFromCache === undefined ? {} : { commitsFromCache: this.commitsFromCache }),
        ...(this.metadataFromCache === undefined ? {} : { metadataFromCache: this.metadataFromCache }),
        bytesScanned: this.#bytes,
        lfsPointers: this.#lfs,
        ...(this.historyOnlyHidden === undefined ? {} : { historyOnlyHidden: this.historyOnlyHidden }),
        skipped: { ...this.#skipped },
        suppressed: filtered.suppressed,
        durationMs: Math.round(durationMs),
      },
      ...(filtered.unusedAllows !== undefined ? { unusedAllows: filtered.unusedAllows } : {}),
      ...(filtered.inlineAllows !== undefined && filtered.inlineAllows.length > 0
        ? { inlineAllows: [...filtered.inlineAllows].sort(compareAllows) }
        : {}),
      ...(this.shard !== undefined ? { shard: this.shard } : {}),
    };
  }
}

export function compareFindings(
  a: Pick<Finding, 'path' | 'startLine' | 'startColumn' | 'ruleId' | 'commit'>,
  b: Pick<Finding, 'path' | 'startLine' | 'startColumn' | 'ruleId' | 'commit'>,
): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (
    a.startLine - b.startLine ||
    a.startColumn - b.startColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    ((a.commit ?? '') < (b.commit ?? '') ? -1 : (a.commit ?? '') > (b.commit ?? '') ? 1 : 0)
  );
}

export function compareAllows(a: InlineAllow, b: InlineAllow): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.ruleId.localeCompare(b.ruleId);
}
