import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { WorkerPool } from '../../src/pool/pool.js';
import type { Task } from '../../src/scanner/task.js';
import { tempDir } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const CRASHING = new URL('./crashing-worker.mjs', import.meta.url);
const pools: WorkerPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
  vi.useRealTimers();
});

const task = (path: string, text = 'hello'): Task => ({
  kind: 'fragments',
  fragments: [{ data: Buffer.from(text), meta: { path, source: 'stdin' } }],
});

describe('worker pool', () => {
  it('scans on worker threads with the real catalogue', async () => {
    const pool = new WorkerPool(builtinRules, 2);
    pools.push(pool);
    const secret = tokens.githubPat();
    const results = await Promise.all([task('a.txt', `t=${secret}`), task('b.txt', 'clean')].map((t) => pool.run(t)));
    expect(results[0]?.findings.map((f) => f.finding.ruleId)).toEqual(['github-pat']);
    expect(results[1]?.findings).toEqual([]);
  });

  it('replaces a worker that died and retries its batch once', async () => {
    // The marker file lives in a fresh directory, named after the (fake) rule id.
    const marker = join(tempDir(), 'pool');
    const rules: RuleSpec[] = [{ ...(builtinRules[0] as RuleSpec), id: marker }];
    const pool = new WorkerPool(rules, 1, { workerUrl: CRASHING });
    pools.push(pool);
    const result = await pool.run(task('crash-once.txt'));
    expect(result.filesScanned).toBe(1);
    // The replacement worker keeps serving.
    expect((await pool.run(task('fine.txt'))).filesScanned).toBe(1);
  });

  it('fails with E_WORKER naming what it held when a batch kills a worker twice', async () => {
    const pool = new WorkerPool(builtinRules, 2, { workerUrl: CRASHING });
    pools.push(pool);
    await expect(pool.run(task('src/crash-always.js'))).rejects.toMatchObject({
      code: 'E_WORKER',
      message: expect.stringContaining('src/crash-always.js'),
    });
    expect((await pool.run(task('after.txt'))).filesScanned).toBe(1);
  });

  it('stops a worker that makes no progress, retries once, then fails naming the batch', async () => {
    // The pool's clock (performance.now and its watchdog's setInterval) is faked: "no progress for
    // 300 ms" is then 300 ms of the test's time, however long a loaded machine takes to start a
    // worker thread (with the real clock, the replacement worker's start-up alone passed 300 ms at
    // load 25 and after.txt failed as stalled). The worker says when it spins (crashing-worker.mjs).
    vi.useFakeTimers({ toFake: ['performance', 'setInterval', 'clearInterval'] });
    const hang = join(tempDir(), 'deep', 'hang-forever.txt');
    mkdirSync(dirname(hang));
    const spins = async (n: number): Promise<void> => {
      const started = `${hang}.started`;
      while ((existsSync(started) ? readFileSync(started, 'utf8').split('\n').length - 1 : 0) < n)
        await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const pool = new WorkerPool(builtinRules, 1, { workerUrl: CRASHING, stallMs: 300 });
    pools.push(pool);
    let settled = false;
    const failed = pool.run(task(hang)).finally(() => {
      settled = true;
    });
    failed.catch(() => undefined);
    await spins(1);
    // Past the bound (a watchdog tick comes every stallMs / 4 at most): stopped, and its batch
    // retried on a new worker, where it spins again.
    await vi.advanceTimersByTimeAsync(400);
    await spins(2);
    // Each attempt had its full 300 ms: the second cannot have failed before 600.
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(failed).rejects.toMatchObject({
      code: 'E_WORKER',
      message: expect.stringMatching(/deep\/hang-forever\.txt.*no progress/),
    });
    expect(readFileSync(`${hang}.started`, 'utf8')).toBe('spinning\nspinning\n');
    // The pool keeps serving on the worker that replaced the second one.
    expect((await pool.run(task('after.txt'))).filesScanned).toBe(1);
  });
});
