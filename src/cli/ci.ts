/**
 * `keyscan ci`: its flags. The work is in ci-run.ts, loaded only when the command runs, so that
 * every other command (a pre-commit hook above all) does not pay for importing it.
 */
import type { Argv } from 'yargs';
import type { CiMode } from '../ci/plan.js';
// Type-only: erased at run time, so ci-run.ts still loads only when the command runs.
import type { CiArgs } from './ci-run.js';
import type { CliIO } from './io.js';

export type { CiArgs };

export const CI_MODES: readonly CiMode[] = ['auto', 'history', 'files'];

export function ciOptions<T>(y: Argv<T>) {
  return y
    .option('provider', {
      type: 'string',
      default: 'auto',
      // Checked by src/ci/providers.ts, so that this module (loaded by every command) loads no provider.
      describe: 'auto (detect it), github, gitlab, or none (a plain run with a text report)',
    })
    .option('mode', {
      type: 'string',
      choices: CI_MODES,
      default: 'auto',
      describe: 'auto: from the event (pull or merge request: its commits; push: the pushed commits; schedule: history); history; files',
    })
    .option('sarif-output', {
      type: 'string',
      describe: 'where to write the SARIF report (default: keyscan.sarif; on GitLab none unless given)',
    })
    .option('report-dir', {
      type: 'string',
      describe:
        "where the CI's own reports go (GitLab: gl-secret-detection-report.json, gl-code-quality-report.json; default: CI_PROJECT_DIR)",
    })
    .option('fail', { type: 'boolean', default: true, describe: 'exit 1 on findings; --no-fail exits 0 (errors still exit 2)' })
    .option('fetch', { type: 'boolean', default: true, describe: 'fetch what a shallow clone lacks; --no-fetch fails instead' })
    .option('remote', { type: 'string', default: 'origin', describe: 'the remote to fetch from' })
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'config file (default: .keyscan.yaml, .keyscan.yml or .keyscan.json at the repository root)',
    })
    .option('baseline', {
      type: 'string',
      describe:
        'baseline file (default: the config\'s "baseline", else .keyscan-baseline.json at the repository root); on a pull request read from the base commit',
    })
    .option('trust-pr-config', {
      type: 'boolean',
      default: false,
      describe:
        "on a pull request, use the pull request's config and baseline instead of the base commit's (lets a pull request silence its own check)",
    })
    .option('cache-dir', {
      type: 'string',
      describe:
        'history audits (schedule, mode history): keep the history cache in DIR and rescan only what is new (keep DIR between runs: actions/cache, GitLab cache:); other scans ignore it',
    })
    .option('threads', { type: 'number', describe: 'worker threads (default: one per core)' })
    .option('cwd', { alias: 'C', type: 'string', describe: 'run as if started in DIR' });
}

/** Runs `keyscan ci`; see ci-run.ts. */
export async function ciCommand(args: CiArgs, io: CliIO): Promise<number> {
  const { runCiCommand } = await import('./ci-run.js');
  return runCiCommand(args, io);
}
