import type { Catalogue } from '../catalogue/compile.js';
import type { Executor, RunOptions, Task, TaskResult } from './protocol.js';
import { runTask } from './run-task.js';

/** Runs tasks on the calling thread: for small scans, where starting workers costs more than it saves. */
export function inlineExecutor(catalogue: Catalogue, options: RunOptions = {}): Executor {
  return {
    run: (task: Task): Promise<TaskResult> => {
      try {
        return Promise.resolve(runTask(catalogue, task, options));
      } catch (e) {
        return Promise.reject(e);
      }
    },
    close: () => Promise.resolve(),
  };
}
