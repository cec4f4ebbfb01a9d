import type { Catalogue } from '../engine/catalogue.js';
import { runTask } from '../scanner/run-task.js';
import type { Executor, RunOptions, Task, TaskProgress, TaskResult } from '../scanner/task.js';

/** Runs tasks on the calling thread: for small scans, where starting workers costs more than it saves. */
export function inlineExecutor(catalogue: Catalogue, options: RunOptions = {}): Executor {
  return {
    run: async (task: Task, onProgress?: (p: TaskProgress) => void): Promise<TaskResult> => runTask(catalogue, task, options, onProgress),
    close: () => Promise.resolve(),
  };
}
