/**
 * How a run ends when it is stopped from outside, wherever the CLI runs (in the main thread, or in
 * its own, see history-thread.ts). No imports: the launcher in dist/bundle/start.cjs uses this
 * without loading the CLI.
 */

/** Conventional exit codes for a process stopped by a signal: 128 + the signal's number. */
const EXIT_ON: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export type StopSignal = keyof typeof EXIT_ON;

export const STOP_SIGNALS = Object.keys(EXIT_ON) as readonly StopSignal[];

/** Says that the scan did not finish and no report was written, and exits with 128 + the signal's number. */
export function exitStopped(stderr: { write(chunk: string): unknown }, signal: StopSignal): never {
  stderr.write(`\nkeyscan: interrupted by ${signal}; the scan did not finish and no report was written\n`);
  process.exit(EXIT_ON[signal]);
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
