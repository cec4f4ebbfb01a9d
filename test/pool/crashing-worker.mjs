// A stand-in for pool/worker.js that dies on purpose: a fragment path containing "crash-always"
// kills the worker every time; "crash-once" kills it only the first time it is seen;
// "hang-forever" spins without ever answering (as a runaway regex would), after appending a line
// to `<path>.started` when the path is absolute: the test waits for it, not for a time.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

parentPort.on('message', ({ id, task }) => {
  const path = task.fragments[0].meta.path;
  if (path.includes('crash-always')) process.exit(3);
  if (path.includes('hang-forever')) {
    if (path.startsWith('/')) appendFileSync(`${path}.started`, 'spinning\n');
    for (;;);
  }
  if (path.includes('crash-once')) {
    const marker = `${workerData.rules[0].id}.crashed`;
    if (!existsSync(marker)) {
      writeFileSync(marker, '');
      throw new Error('boom');
    }
  }
  parentPort.postMessage({
    id,
    result: { findings: [], filesScanned: 1, bytesScanned: task.fragments[0].data.length, skipped: [], errors: [] },
  });
});
