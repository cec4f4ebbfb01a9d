/** Worker thread entry: compiles the rules once, then runs tasks until the pool closes it. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCatalogue } from '../catalogue/compile.js';
import { offerPathLiterals } from '../catalogue/path-literals.js';
import { markPrevalidated } from '../catalogue/prevalidated.js';
import type { RuleSpec } from '../catalogue/spec.js';
import { offerPrecompiledKeywords } from '../engine/keywords.js';
import { isKeyscanError } from '../errors.js';
import { runTask } from '../scanner/run-task.js';
import type { RunOptions, Task, TaskProgress } from '../scanner/task.js';
import type { WorkerStart } from './pool.js';

const data = workerData as { rules: RuleSpec[]; options?: RunOptions } & Partial<WorkerStart>;
markPrevalidated((data.prevalidated ?? []).map((i) => data.rules[i] as RuleSpec));
if (data.keywords !== undefined)
  offerPrecompiledKeywords(Buffer.from(data.keywords.buffer, data.keywords.byteOffset, data.keywords.byteLength));
if (data.pathLiterals !== undefined) offerPathLiterals(new Map(data.pathLiterals));
const catalogue = compileCatalogue(data.rules);
const options: RunOptions = data.options ?? {};
const port = parentPort;
if (port === null) throw new Error('pool/worker.js must run as a worker thread');

port.on('message', async (message: { id: number; task: Task }) => {
  try {
    const progress = (p: TaskProgress) => port.postMessage({ id: message.id, progress: p });
    port.postMessage({ id: message.id, result: await runTask(catalogue, message.task, options, progress) });
  } catch (e) {
    // Only the error's class, message and hint: a stack or cause could quote scanned text.
    if (isKeyscanError(e)) {
      port.postMessage({ id: message.id, error: e.message, code: e.code, hint: e.hint });
      return;
    }
    const error = e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error';
    port.postMessage({ id: message.id, error });
  }
});
