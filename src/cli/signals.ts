import { removePendingReports } from './output.js';

/** Conventional exit codes for a process stopped by a signal: 128 + the signal's number. */
const EXIT_ON: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * On SIGINT, SIGTERM or SIGHUP: remove report files being written, say that nothing was reported,
 * and exit at once with 128 + the signal number. Exiting ends the worker threads; the git
 * processes they read from get EOF/SIGPIPE and end too. A scan is never half-reported as clean.
 */
export function exitCleanlyOnSignals(stderr: { write(chunk: string): unknown }): void {
  for (const signal of Object.keys(EXIT_ON) as Array<keyof typeof EXIT_ON>) {
    process.once(signal, () => {
      removePendingReports();
      stderr.write(`\nkeyscan: interrupted by ${signal}; the scan did not finish and no report was written\n`);
      process.exit(EXIT_ON[signal]);
    });
  }
}

/**
 * `keyscan rules | head -1`: once the reader has gone, writes to stdout fail with EPIPE. Without a
 * listener that is an uncaught error with a stack trace; with one, the remaining output is dropped
 * and the run still ends with its own exit code (a scan cut short by a closed pipe must not exit 0
 * by accident, nor crash).
 */
export function ignoreClosedStdout(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
