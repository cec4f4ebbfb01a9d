/**
 * Whether this CLI runs in a worker thread of its own (see history-thread.ts), and what the
 * launcher saw of the process's terminal there: a worker's process.stdout is a pipe to the main
 * thread, so it reads as no terminal (no progress line, no colour) unless told. A global under a
 * registered symbol, so that start.cjs (which starts the thread) and cli.cjs (which reads it),
 * two bundles, share it.
 */
const KEY = Symbol.for('keyscan.cli-thread');

export interface CliThread {
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The terminal's width, when stdout is one. */
  readonly columns?: number;
  /** The thread's young generation, in MB (what it is for: history-thread.ts). */
  readonly youngGenerationMb: number;
}

export function cliThread(): CliThread | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as CliThread | undefined;
}

export function markCliThread(thread: CliThread): void {
  (globalThis as Record<symbol, unknown>)[KEY] = thread;
}

/** Asks the CLI's thread to remove the reports it is writing; it answers {@link REPORTS_REMOVED}. */
export const REMOVE_REPORTS = 'keyscan:remove-pending-reports';
export const REPORTS_REMOVED = 'keyscan:pending-reports-removed';
