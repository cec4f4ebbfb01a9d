/**
 * The one place that wires a scan together: rules → source → executor → findings → result.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { builtinRules } from '../rules/index.js';
import { compileCatalogue } from './catalogue/compile.js';
import type { RuleSpec } from './catalogue/spec.js';
import type { Allowlist } from './config/config.js';
import { KeyscanError } from './errors.js';
import { type CompiledAllowlist, compileAllowlist } from './filters/allowlist.js';
import type { BaselineKey } from './filters/baseline.js';
import type { Candidate } from './filters/candidate.js';
import { type FilterOutcome, type FilterPolicy, runFilters } from './filters/pipeline.js';
import { workTreeRoot } from './git/repo.js';
import { inlineExecutor } from './pool/inline.js';
import { WorkerPool } from './pool/pool.js';
import type { Executor, FragmentInput, MarkerHit, Task, TaskResult } from './pool/protocol.js';
import { Secret } from './secret.js';
import { lineChunks } from './sources/chunks.js';
import { type FileTarget, walkTargets } from './sources/files.js';
import { emptySkipCounts, type Finding, type ScanError, type ScanResult, type SkipCounts, type SkipReason } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface ScanOptions {
  /** Files and directories to scan. Default: the working directory. */
  readonly paths?: readonly string[];
  /** Scan this stream instead of files, reported under `name`. */
  readonly stdin?: { readonly stream: AsyncIterable<Buffer | string>; readonly name: string };
  readonly cwd?: string;
  /** Files larger than this many bytes are skipped and counted. */
  readonly maxFileSize?: number;
  /** Worker threads; default one per core. 0 scans on the calling thread. */
  readonly threads?: number;
  /** picomatch globs on reported (repository-relative) paths. */
  readonly exclude?: readonly string[];
  /** The rules to run. Default: the built-in catalogue. */
  readonly rules?: readonly RuleSpec[];
  /** Called as work completes (for progress displays). */
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Findings these cover are not reported: `global` for every rule, `byRule` by rule id. */
  readonly allowlists?: { readonly global?: Allowlist; readonly byRule?: Readonly<Record<string, Allowlist>> };
  /** Accepted findings (a baseline file's entries): not reported, also after a rename. */
  readonly baseline?: readonly BaselineKey[];
  /** List `keyscan:allow` markers that silenced nothing in {@link ScanResult.unusedAllows}. */
  readonly reportUnusedAllows?: boolean;
}

export interface ScanProgress {
  readonly filesScanned: number;
  readonly bytesScanned: number;
}

/** Below this many files a scan runs on the calling thread: workers cost more than they save. */
const INLINE_FILES = 64;
const FILES_PER_TASK = 64;
const FRAGMENT_BYTES_PER_TASK = 1 << 20;

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? builtinRules;
  const policy = await filterPolicy(options, rules, cwd);
  const runOptions = { allowMarkers: options.reportUnusedAllows === true };
  const collector = new Collector(options.onProgress, runOptions.allowMarkers);
  const threads = options.threads ?? availableParallelism();
  let executor: Executor | undefined;
  const getExecutor = (large: boolean): Executor => {
    executor ??= large && threads > 0 ? new WorkerPool(rules, threads, runOptions) : inlineExecutor(compileCatalogue(rules), runOptions);
    return executor;
  };
  try {
    if (options.stdin !== undefined) {
      await scanStream(options.stdin, collector, getExecutor, threads);
    } else {
      const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
      const base = await reportBase(cwd, paths);
      const excluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
      const targets = walkTargets(paths, {
        cwd,
        base,
        isExcluded: excluded,
        onSkip: (reason, path) => collector.skip(reason, path),
      });
      await scanFiles(targets, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, collector, getExecutor, threads);
    }
  } finally {
    await executor?.close();
  }
  return collector.result(performance.now() - started, (candidates, markers) => runFilters(candidates, markers, policy));
}

/** Compiles allowlists once and decides how the baseline tells that a path is gone. */
async function filterPolicy(options: ScanOptions, rules: readonly RuleSpec[], cwd: string): Promise<FilterPolicy> {
  const compile = (list: Allowlist | undefined): CompiledAllowlist | undefined => (list === undefined ? undefined : compileAllowlist(list));
  const byRule = new Map<string, CompiledAllowlist>();
  for (const [id, list] of Object.entries(options.allowlists?.byRule ?? {})) byRule.set(id, compileAllowlist(list));
  let baseline: FilterPolicy['baseline'];
  if (options.baseline !== undefined && options.baseline.length > 0) {
    // Baseline paths are repository-relative, like finding paths: a path is gone when the work tree no longer has it.
    const root = (await workTreeRoot(cwd)) ?? cwd;
    baseline = { entries: options.baseline, isGone: (path) => !existsSync(join(root, path)) };
  }
  return {
    knownRuleIds: new Set([...builtinRules.map((r) => r.id), ...rules.map((r) => r.id)]),
    allowlist: compile(options.allowlists?.global),
    ruleAllowlists: byRule,
    baseline,
  };
}

/** Paths are reported relative to the repository root; outside a repository, to the working directory. */
async function reportBase(cwd: string, paths: readonly string[]): Promise<string> {
  const here = await workTreeRoot(cwd);
  if (here !== undefined) return here;
  const first = paths[0];
  if (first !== undefined) {
    const there = await workTreeRoot(resolve(cwd, first)).catch(() => undefined);
    if (there !== undefined && paths.every((p) => resolve(cwd, p).startsWith(there))) return there;
  }
  return cwd;
}

type ExecutorFor = (large: boolean) => Executor;

async function scanFiles(
  targets: AsyncIterable<FileTarget>,
  maxFileSize: number,
  collector: Collector,
  executorFor: ExecutorFor,
  threads: number,
): Promise<void> {
  const iterator = targets[Symbol.asyncIterator]();
  const head: FileTarget[] = [];
  let done = false;
  while (head.length <= INLINE_FILES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  const executor = executorFor(!done);
  const tasks = async function* (): AsyncGenerator<Task> {
    let batch: FileTarget[] = [];
    const rest: AsyncIterable<FileTarget> = { [Symbol.asyncIterator]: () => iterator };
    for (const target of head) {
      batch.push(target);
      if (batch.length === FILES_PER_TASK) {
        yield { kind: 'files', targets: batch, maxFileSize };
        batch = [];
      }
    }
    if (!done) {
      for await (const target of rest) {
        batch.push(target);
        if (batch.length === FILES_PER_TASK) {
          yield { kind: 'files', targets: batch, maxFileSize };
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield { kind: 'files', targets: batch, maxFileSize };
  };
  await runBounded(tasks(), executor, Math.max(1, threads) * 2, (task, result) => collector.add(task, result));
}

async function scanStream(
  stdin: NonNullable<ScanOptions['stdin']>,
  collector: Collector,
  executorFor: ExecutorFor,
  threads: number,
): Promise<void> {
  const chunks = lineChunks(stdin.stream)[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) {
    collector.countFile(0);
    return;
  }
  const second = await chunks.next();
  const executor = executorFor(!second.done);
  const tasks = async function* (): AsyncGenerator<Task> {
    let batch: FragmentInput[] = [];
    let bytes = 0;
    const all = async function* () {
      yield first.value;
      if (!second.done) {
        yield second.value;
        for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value;
      }
    };
    for await (const chunk of all()) {
      batch.push({ data: chunk.data, meta: { path: stdin.name, source: 'stdin', firstLine: chunk.firstLine } });
      bytes += chunk.data.length;
      if (bytes >= FRAGMENT_BYTES_PER_TASK) {
        yield { kind: 'fragments', fragments: batch };
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length > 0) yield { kind: 'fragments', fragments: batch };
  };
  await runBounded(tasks(), executor, Math.max(1, threads) * 2, (task, result) => collector.add(task, result));
  collector.countFile(0);
}

/**
 * Feeds tasks to the executor with at most `limit` in flight, so a fast source cannot run ahead
 * of the scanners and fill memory.
 */
export async function runBounded(
  tasks: AsyncIterable<Task>,
  executor: Executor,
  limit: number,
  onResult: (task: Task, result: TaskResult) => void,
): Promise<void> {
  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  for await (const task of tasks) {
    const p: Promise<void> = executor.run(task).then(
      (result) => onResult(task, result),
      (e: unknown) => {
        failure ??= e;
      },
    );
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
    if (inflight.size >= limit) await Promise.race(inflight);
    if (failure !== undefined) break;
  }
  await Promise.all(inflight);
  if (failure !== undefined) throw failure;
}

/** Gathers results from every task into one sorted, filtered result. */
class Collector {
  readonly #candidates: Candidate[] = [];
  readonly #markers: MarkerHit[] | undefined;
  readonly #errors: ScanError[] = [];
  readonly #skipped: SkipCounts = emptySkipCounts();
  readonly #onProgress: ((p: ScanProgress) => void) | undefined;
  #files = 0;
  #bytes = 0;

  constructor(onProgress: ((p: ScanProgress) => void) | undefined, collectMarkers: boolean) {
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

  add(_task: Task, result: TaskResult): void {
    for (const { finding } of result.findings) {
      const { secretText, context, ...rest } = finding;
      this.#candidates.push({
        finding: { ...rest, secret: new Secret(secretText) },
        context: context === undefined ? undefined : { text: new Secret(context.text), line: context.line },
      });
    }
    if (result.markers !== undefined) this.#markers?.push(...result.markers);
    for (const s of result.skipped) this.skip(s.reason, s.path);
    this.#errors.push(...result.errors);
    this.#files += result.filesScanned;
    this.#bytes += result.bytesScanned;
    this.#onProgress?.({ filesScanned: this.#files, bytesScanned: this.#bytes });
  }

  result(
    durationMs: number,
    filter: (candidates: readonly Candidate[], markers: readonly MarkerHit[] | undefined) => FilterOutcome,
  ): ScanResult {
    const { findings, suppressed, unusedAllows } = filter(this.#candidates, this.#markers);
    findings.sort(compareFindings);
    const errors = this.#errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return {
      findings,
      errors,
      stats: {
        filesScanned: this.#files,
        bytesScanned: this.#bytes,
        skipped: { ...this.#skipped },
        suppressed,
        durationMs: Math.round(durationMs),
      },
      ...(unusedAllows !== undefined ? { unusedAllows } : {}),
    };
  }
}

export function compareFindings(
  a: Pick<Finding, 'path' | 'startLine' | 'startColumn' | 'ruleId'>,
  b: Pick<Finding, 'path' | 'startLine' | 'startColumn' | 'ruleId'>,
): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.startLine - b.startLine || a.startColumn - b.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export { KeyscanError };
