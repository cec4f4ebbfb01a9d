import type { Catalogue } from '../catalogue/compile.js';
import type { Executor, Task, TaskProgress, TaskResult } from './protocol.js';
import { runTask } from './run-task.js';

/** Runs tasks on the calling thread: for small scans, where starting workers costs more than it saves. */
export function inlineExecutor(catalogue: Catalogue): Executor {
  return {
    run: async (task: Task, onProgress?: (p: TaskProgress) => void): Promise<TaskResult> => runTask(catalogue, task, onProgress),
    close: () => Promise.resolve(),
  };
}
