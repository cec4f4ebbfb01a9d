import { Worker } from 'node:worker_threads';
import type { RuleSpec } from '../catalogue/spec.js';
import { KeyscanError } from '../errors.js';
import { describeTask, type Executor, type RunOptions, type Task, type TaskResult } from './protocol.js';

/** Built JavaScript only: Node 20 cannot start a worker from TypeScript (tests run from source). */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/src/pool/worker.js' : './worker.js', import.meta.url);

interface Job {
  readonly id: number;
  readonly task: Task;
  attempts: number;
  readonly resolve: (r: TaskResult) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

/**
 * A fixed set of worker threads, each with its own compiled catalogue. A worker that dies is
 * replaced and its batch retried once; a batch that fails twice rejects with E_WORKER naming
 * what it held, so a crash can never pass as "nothing found".
 */
export class WorkerPool implements Executor {
  readonly #rules: readonly RuleSpec[];
  readonly #options: RunOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;
  #closed = false;

  constructor(rules: readonly RuleSpec[], size: number, options: RunOptions = {}) {
    this.#options = options;
    // Examples and prose stay behind: workers only match.
    this.#rules = rules.map((r) => ({ ...r, examples: { positive: [], negative: [] } }));
    for (let i = 0; i < Math.max(1, size); i++) this.#slots.push(this.#spawn());
  }

  get size(): number {
    return this.#slots.length;
  }

  run(task: Task): Promise<TaskResult> {
    if (this.#closed) return Promise.reject(new KeyscanError('E_WORKER', 'the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, task, attempts: 0, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL, { workerData: { rules: this.#rules, options: this.#options } }), job: undefined };
    slot.worker.on('message', (m: { id: number; result?: TaskResult; error?: string }) => {
      const job = slot.job;
      if (job === undefined || job.id !== m.id) return;
      slot.job = undefined;
      if (m.result !== undefined) job.resolve(m.result);
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
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }
}
