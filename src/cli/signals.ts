import { parentPort } from 'node:worker_threads';
import { cliThread, REMOVE_REPORTS, REPORTS_REMOVED } from './cli-thread.js';
import { removePendingReports } from './output.js';
import { exitStopped, STOP_SIGNALS } from './stops.js';

export { ignoreClosedStdout } from './stops.js';

/**
 * On SIGINT, SIGTERM or SIGHUP: remove report files being written, say that nothing was reported,
 * and exit at once with 128 + the signal number. Exiting ends the worker threads; the git
 * processes they read from get EOF/SIGPIPE and end too. A scan is never half-reported as clean.
 * A CLI in its own thread gets no signals: the main thread does, asks it to remove its reports,
 * then says so and exits (history-thread.ts).
 */
export function exitCleanlyOnSignals(stderr: { write(chunk: string): unknown }): void {
  if (cliThread() !== undefined) {
    removeReportsWhenAsked();
    return;
  }
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      removePendingReports();
      exitStopped(stderr, signal);
    });
  }
}

function removeReportsWhenAsked(): void {
  const port = parentPort;
  if (port === null) return;
  port.on('message', (message: unknown) => {
    if (message !== REMOVE_REPORTS) return;
    removePendingReports();
    port.postMessage(REPORTS_REMOVED);
  });
  // Listening must not keep the thread alive once the scan is done.
  port.unref();
}
