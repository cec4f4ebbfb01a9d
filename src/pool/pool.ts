import { Worker } from 'node:worker_threads';
import { offeredPathLiterals } from '../catalogue/path-literals.js';
import { isPrevalidated } from '../catalogue/prevalidated.js';
import type { RuleSpec } from '../catalogue/spec.js';
import { precompiledKeywordData } from '../engine/keywords.js';
import { type ErrorCode, KeyscanError } from '../errors.js';
import { describeTask, type Executor, type RunOptions, type Task, type TaskProgress, type TaskResult } from '../scanner/task.js';

/** Set to true by scripts/bundle.mjs in the bundled CLI (dist/bundle/cli.mjs). */
declare const __KEYSCAN_BUNDLED__: boolean | undefined;
/** Set by scripts/bundle-action.mjs: the action bundle's own worker file, next to it in action/. */
declare const __KEYSCAN_WORKER__: string | undefined;

/**
 * Built JavaScript only: Node 20 cannot start a worker from TypeScript (tests run from source), and
 * the bundled CLI starts the worker bundled beside it (dist/bundle/worker.mjs, scripts/bundle.mjs).
 */
const WORKER_URL = new URL(
  typeof __KEYSCAN_WORKER__ !== 'undefined'
    ? __KEYSCAN_WORKER__
    : typeof __KEYSCAN_BUNDLED__ !== 'undefined'
      ? './worker.mjs'
      : import.meta.url.endsWith('.ts')
        ? '../../dist/src/pool/worker.js'
        : './worker.js',
  import.meta.url,
);

interface Job {
  readonly id: number;
  readonly task: Task;
  attempts: number;
  readonly onProgress: ((p: TaskProgress) => void) | undefined;
  readonly resolve: (r: TaskResult) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** When the worker last showed life on its current job (start, progress). */
  active: number;
}

export interface PoolOptions {
  /** How tasks are run, fixed for the whole scan. */
  readonly run?: RunOptions;
  /** For tests that need a worker which misbehaves. */
  readonly workerUrl?: URL;
  /**
   * A worker that shows no progress on a job for this long is stopped and its job retried once,
   * then failed. Regexes fall back to V8's linear engine on excessive backtracking (set in
   * bin/keyscan.js), so this is the second line of defence against a pathological match.
   */
  readonly stallMs?: number;
}

export const DEFAULT_STALL_MS = 60_000;
/**
 * A worker's young generation (V8's nursery, three semi-spaces), in MB. Left to V8, each worker's
 * grows to its 48 MB default on a history scan, most of it garbage between scavenges: a worker
 * keeps little between tasks (13-16 MB on git/git's history after a full collection). Measured on
 * git/git's history under the history scan's heap policy (pool/heap-policy.ts), 2 interleaved runs
 * each: 24 MB peaked at 327 and 333 MB of RSS, 8 at 306 and 303, 6 at 281 and 285, in 17.2-17.6 s
 * all; on express's, 8 interleaved runs, 6 against 24: wall 1.22 s against 1.23 s, CPU 2.18 s
 * against 2.20 s. What it costs is collections: on express each worker scavenges 66-90 times for
 * 60-92 ms (19-24 times, 47-54 ms at 24, --trace-gc), within the noise of those runs' CPU; a file
 * scan of the bench tree peaks at 259-282 MB against 278-283 MB, in 1.42-1.50 s against 1.41-1.45 s.
 */
const WORKER_YOUNG_GENERATION_MB = 6;

/**
 * Besides the rules: which of them the main thread knows compile (the built-in catalogue: compiled
 * on first use, as in the main thread, not all ~900 patterns at each worker's start) and the
 * precompiled keyword automaton when the CLI shipped one (built at each worker's start
 * otherwise). Measured on express's history: each worker spent ~0.5 s of CPU compiling both.
 */
export interface WorkerStart {
  readonly prevalidated: readonly number[];
  readonly keywords?: Uint8Array;
  /** The built-in path conditions' literals (catalogue/path-literals.ts): read from the patterns otherwise, ~5 ms. */
  readonly pathLiterals?: ReadonlyArray<readonly [string, readonly string[] | null]>;
}

/** Rule documentation, which a worker never reads (rules.bin parses it on first read: not here). */
const DOC_KEYS = new Set(['remediation', 'references', 'examples']);

/** What a worker matches with: the spec without its documentation, each field read once. */
function matchingPart(spec: RuleSpec): RuleSpec {
  const part: Record<string, unknown> = {};
  for (const key of Object.keys(spec)) if (!DOC_KEYS.has(key)) part[key] = spec[key as keyof RuleSpec];
  // Required by the type, never read by a worker.
  return { ...part, remediation: { revoke: '', rotate: '' }, examples: { positive: [], negative: [] } } as unknown as RuleSpec;
}

/** What a worker posts back: progress, a result, or an error (typed when `code` is set). */
interface WorkerMessage {
  readonly id: number;
  readonly result?: TaskResult;
  readonly progress?: TaskProgress;
  readonly error?: string;
  readonly code?: ErrorCode;
  readonly hint?: string;
}

/**
 * A fixed set of worker threads, each with its own compiled catalogue. A worker that dies is
 * replaced and its batch retried once; a batch that fails twice rejects with E_WORKER naming
 * what it held, so a crash can never pass as "nothing found".
 */
export class WorkerPool implements Executor {
  readonly #rules: readonly RuleSpec[];
  /** What each worker needs to skip compiling what the main thread already knows is sound. */
  readonly #start: WorkerStart;
  readonly #workerUrl: URL;
  readonly #stallMs: number;
  readonly #watchdog: NodeJS.Timeout;
  readonly #options: RunOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;
  #closed = false;

  constructor(rules: readonly RuleSpec[], size: number, options: PoolOptions = {}) {
    this.#workerUrl = options.workerUrl ?? WORKER_URL;
    this.#stallMs = options.stallMs ?? DEFAULT_STALL_MS;
    this.#options = options.run ?? {};
    this.#watchdog = setInterval(() => this.#checkStalls(), Math.min(1000, this.#stallMs / 4));
    this.#watchdog.unref();
    this.#rules = rules.map(matchingPart);
    const keywords = precompiledKeywordData();
    const pathLiterals = offeredPathLiterals();
    this.#start = {
      // By index: identity does not survive the copy to a worker (catalogue/prevalidated.ts).
      prevalidated: rules.flatMap((r, i) => (isPrevalidated(r) ? [i] : [])),
      ...(keywords === undefined ? {} : { keywords }),
      ...(pathLiterals === undefined ? {} : { pathLiterals: [...pathLiterals] }),
    };
    for (let i = 0; i < Math.max(1, size); i++) this.#slots.push(this.#spawn());
  }

  get size(): number {
    return this.#slots.length;
  }

  run(task: Task, onProgress?: (p: TaskProgress) => void): Promise<TaskResult> {
    if (this.#closed) return Promise.reject(new KeyscanError('E_WORKER', 'the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, task, attempts: 0, onProgress, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#watchdog);
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(this.#workerUrl, {
        workerData: { rules: this.#rules, options: this.#options, ...this.#start },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      }),
      job: undefined,
      active: 0,
    };
    slot.worker.on('message', (m: WorkerMessage) => {
      const job = slot.job;
      if (job === undefined || job.id !== m.id) return;
      if (m.progress !== undefined) {
        slot.active = performance.now();
        job.onProgress?.(m.progress);
        return;
      }
      slot.job = undefined;
      if (m.result !== undefined) job.resolve(m.result);
      // A typed error (git failed, a file could not be read) is an answer, not a crash: no retry.
      else if (m.code !== undefined)
        job.reject(new KeyscanError(m.code, m.error ?? 'unknown error', m.hint === undefined ? {} : { hint: m.hint }));
      else this.#retry(job, m.error ?? 'unknown error');
      this.#dispatch();
    });
    slot.worker.on('error', (e) => this.#lost(slot, e.message));
    slot.worker.on('exit', (code) => {
      if (!this.#closed) this.#lost(slot, `worker exited with code ${code}`);
    });
    return slot;
  }

  /** A worker died: replace it and give its batch one more chance elsewhere. */
  #lost(slot: Slot, reason: string): void {
    const index = this.#slots.indexOf(slot);
    if (index === -1 || this.#closed) return;
    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    this.#slots[index] = this.#spawn();
    if (job !== undefined) this.#retry(job, reason);
    this.#dispatch();
  }

  #checkStalls(): void {
    const now = performance.now();
    for (const slot of [...this.#slots]) {
      if (slot.job !== undefined && now - slot.active > this.#stallMs) {
        this.#lost(slot, `no progress for ${Math.round(this.#stallMs / 1000)} s (a pathological match or a hung read)`);
      }
    }
  }

  #retry(job: Job, reason: string): void {
    job.attempts++;
    if (job.attempts >= 2) {
      job.reject(
        new KeyscanError('E_WORKER', `scanning failed twice for ${describeTask(job.task)}: ${reason}`, {
          hint: 'This is a bug in keyscan; please report it with the file type and size (not its content).',
        }),
      );
      return;
    }
    this.#queue.unshift(job);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job !== undefined) continue;
      const job = this.#queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.active = performance.now();
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }
}
