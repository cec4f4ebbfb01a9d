/**
 * `keyscan init`: its flags. The work is in init-run.ts, loaded only when the command runs.
 */
import type { Argv } from 'yargs';
// Type-only: erased at run time, so init-run.ts still loads only when the command runs.
import type { InitArgs } from './init-run.js';
import type { CliIO } from './io.js';

export type { InitArgs };

export function initOptions<T>(y: Argv<T>) {
  return y
    .option('pre-push', {
      type: 'boolean',
      default: false,
      describe: 'also set up a pre-push hook that scans the commits each push would add (catches commits made with --no-verify)',
    })
    .option('dry-run', { type: 'boolean', default: false, describe: 'show what would change, change nothing' })
    .option('cwd', { alias: 'C', type: 'string', describe: 'the repository to set up (default: the current directory)' });
}

/** Runs `keyscan init`; see init-run.ts. */
export async function initCommand(args: InitArgs, io: CliIO): Promise<number> {
  const { runInitCommand } = await import('./init-run.js');
  return runInitCommand(args, io);
}
