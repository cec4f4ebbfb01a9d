import type { Executor, Task, TaskProgress, TaskResult } from '../scanner/task.js';
import type { FragmentInput } from '../types.js';

/**
 * Feeds tasks to the executor with at most `limit` in flight, so a fast source cannot run ahead
 * of the scanners and fill memory. The first failure stops the feed and is rethrown once the
 * tasks already started have settled.
 */
export async function runBounded(
  tasks: AsyncIterable<Task>,
  executor: Executor,
  limit: number,
  onResult: (task: Task, result: TaskResult) => void,
  onProgress?: (task: Task, progress: TaskProgress) => void,
): Promise<void> {
  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  for await (const task of tasks) {
    const p: Promise<void> = executor.run(task, onProgress && ((progress) => onProgress(task, progress))).then(
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

/** Groups fragments into tasks of about `bytes` each. */
export async function* fragmentTasks(fragments: AsyncIterable<FragmentInput>, bytes: number): AsyncGenerator<Task> {
  let batch: FragmentInput[] = [];
  let size = 0;
  for await (const fragment of fragments) {
    batch.push(fragment);
    size += fragment.data.length;
    if (size >= bytes) {
      yield { kind: 'fragments', fragments: batch };
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield { kind: 'fragments', fragments: batch };
}
