import { run } from '../../src/cli/main.js';
import type { CliRun } from './cli.js';

/**
 * Runs the CLI in this process through `run()`: the same argv parsing, config loading, error
 * reporting and exit code as `bin/keyscan.js`, without the ~150 ms of starting Node. For long
 * tables of cases; every behaviour also has real-process tests.
 */
export async function keyscanInProcess(args: readonly string[], options: { cwd: string }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: (async function* () {})(),
    cwd: options.cwd,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}
