import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
    const pool = new WorkerPool(builtinRules, 1, { workerUrl: CRASHING, stallMs: 300 });
    pools.push(pool);
    const started = performance.now();
    await expect(pool.run(task('deep/hang-forever.txt'))).rejects.toMatchObject({
      code: 'E_WORKER',
      message: expect.stringMatching(/deep\/hang-forever\.txt.*no progress/),
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await pool.run(task('after.txt'))).filesScanned).toBe(1);
  });
});
