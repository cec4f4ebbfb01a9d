/**
 * The GitHub Action's entry (action.yml `runs.main`, bundled by scripts/bundle-action.mjs into
 * action/main.mjs): turns the inputs into `keyscan ci` arguments and runs the CLI in-process. The
 * outputs (findings, sarif) are written by `keyscan ci` to GITHUB_OUTPUT.
 */
import './guard.js';
import { run } from '../cli/main.js';
import { exitCleanlyOnSignals, ignoreClosedStdout } from '../cli/signals.js';
import { actionArgv } from './inputs.js';

exitCleanlyOnSignals(process.stderr);
ignoreClosedStdout();
const args = actionArgv(process.env);
if ('error' in args) {
  process.stdout.write(`${args.error}\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await run(args.argv);
}
