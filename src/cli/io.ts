import { cliThread } from './cli-thread.js';

/** What the CLI touches of the process, so tests can run it in-process with fakes. */
export interface CliIO {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly stdin: AsyncIterable<Buffer | string>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
}

export function processIO(): CliIO {
  // In a thread of its own, process.stdout is a pipe to the main thread: what the main thread saw.
  const thread = cliThread();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opened when read: creating process.stdin costs a pre-commit run (which never reads it) ~1.5 ms.
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: thread?.stdoutIsTTY ?? process.stdout.isTTY === true,
    stderrIsTTY: thread?.stderrIsTTY ?? process.stderr.isTTY === true,
  };
}

/** Exit codes, the same for every command: documented in the README. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
