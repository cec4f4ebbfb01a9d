/** Worker thread entry: compiles the rules once, then runs tasks until the pool closes it. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCatalogue } from '../catalogue/compile.js';
import type { RuleSpec } from '../catalogue/spec.js';
import type { RunOptions, Task } from './protocol.js';
import { runTask } from './run-task.js';

const data = workerData as { rules: RuleSpec[]; options?: RunOptions };
const catalogue = compileCatalogue(data.rules);
const options: RunOptions = data.options ?? {};
const port = parentPort;
if (port === null) throw new Error('pool/worker.js must run as a worker thread');

port.on('message', (message: { id: number; task: Task }) => {
  try {
    port.postMessage({ id: message.id, result: runTask(catalogue, message.task, options) });
  } catch (e) {
    // Only the error's class and message: a stack or cause could quote scanned text.
    const error = e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error';
    port.postMessage({ id: message.id, error });
  }
});
