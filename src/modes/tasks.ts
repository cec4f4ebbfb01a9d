/** How modes hand work to the executor and results to the collector. */
import { mergeTemplateValues } from '../checks/merge.js';
import { runBounded } from '../pipeline/bounded.js';
import type { Task, TaskResult } from '../scanner/task.js';
import type { Finding } from '../types.js';
import type { ScanContext } from './mode.js';

/** Fragments already in memory (stdin, staged hunks, names, messages) are batched to about this size. */
export const FRAGMENT_BYTES_PER_TASK = 1 << 20;

export function runTasks(
  tasks: AsyncIterable<Task>,
  ctx: ScanContext,
  large: boolean,
  onResult?: (task: Task, result: TaskResult) => void,
): Promise<void> {
  return runBounded(
    tasks,
    ctx.executorFor(large),
    Math.max(1, ctx.threads) * 2,
    (task, result) => {
      onResult?.(task, result);
      ctx.collector.add(task, result);
    },
    (task, progress) => ctx.collector.partial(task, progress),
  );
}

/** Names and messages: their findings count, their bytes do not (the stats count content). */
export function runMetadataTasks(tasks: AsyncIterable<Task>, ctx: ScanContext, large: boolean): Promise<void> {
  return runBounded(tasks, ctx.executorFor(large), Math.max(1, ctx.threads) * 2, (task, result) =>
    ctx.collector.add(task, { ...result, bytesScanned: 0, skipped: [] }, false),
  );
}

/** Adds env-check findings, one finding per template value (see {@link mergeTemplateValues}). */
export function addEnvChecks(ctx: ScanContext, checked: readonly Finding[]): void {
  if (checked.length === 0) return;
  const merged = mergeTemplateValues(checked, ctx.collector.unfiltered(), (id) => ctx.genericRules.has(id));
  ctx.collector.drop((f) => merged.superseded.has(f));
  ctx.collector.addChecks(merged.checks);
}

export async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
