/**
 * The action's inputs, read the way the runner passes them to a JavaScript action: one environment
 * variable per input, `INPUT_` and the name upper-cased with spaces as `_` (hyphens stay). The
 * runner sets every input action.yml gives a default; an unset one still means that default.
 */
import { join } from 'node:path';
import { escapeData } from '../ci/github/annotations.js';

/** action.yml's defaults (test/e2e/action.test.ts checks they agree). */
export const INPUT_DEFAULTS = {
  mode: 'auto',
  args: '',
  'sarif-output': '',
  'fail-on-findings': 'true',
  'trust-pr-config': 'false',
  baseline: '',
  'working-directory': '.',
  'cache-dir': '',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;

/** `INPUT_FAIL-ON-FINDINGS` for `fail-on-findings`, as the runner names it. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** An input's value, trimmed like actions/toolkit's getInput; unset or blank means its default. */
export function readInput(env: NodeJS.ProcessEnv, name: InputName): string {
  const value = env[inputVariable(name)]?.trim() ?? '';
  return value === '' ? INPUT_DEFAULTS[name] : value;
}

export type ActionArgv = { readonly argv: string[] } | { readonly error: string };

function flag(env: NodeJS.ProcessEnv, name: InputName, on: string, off: string): string | { error: string } {
  const value = readInput(env, name);
  if (value === 'true') return on;
  if (value === 'false') return off;
  // The value is the user's text: escaped, so that it cannot end the command and start another.
  return { error: `::error title=keyscan::${escapeData(`${name} must be true or false, not "${value}"`)}` };
}

/**
 * The `keyscan ci` arguments for the inputs in `env`, or the error line to print (exit 2). `args` is
 * split on whitespace and passed as is: nothing expands globs or variables in it.
 */
export function actionArgv(env: NodeJS.ProcessEnv): ActionArgv {
  const fail = flag(env, 'fail-on-findings', '--fail', '--no-fail');
  if (typeof fail !== 'string') return fail;
  const trust = flag(env, 'trust-pr-config', '--trust-pr-config', '--no-trust-pr-config');
  if (typeof trust !== 'string') return trust;
  // The report stays out of the work tree unless asked for: a step that commits must not pick it up.
  const runnerTemp = env.RUNNER_TEMP ?? '';
  const sarif = readInput(env, 'sarif-output') || (runnerTemp === '' ? 'keyscan.sarif' : join(runnerTemp, 'keyscan.sarif'));
  const baseline = readInput(env, 'baseline');
  const cacheDir = readInput(env, 'cache-dir');
  const extra = readInput(env, 'args')
    .split(/\s+/)
    .filter((a) => a !== '');
  return {
    argv: [
      'ci',
      '-C',
      readInput(env, 'working-directory'),
      '--mode',
      readInput(env, 'mode'),
      '--sarif-output',
      sarif,
      fail,
      trust,
      ...(baseline === '' ? [] : ['--baseline', baseline]),
      ...(cacheDir === '' ? [] : ['--cache-dir', cacheDir]),
      ...extra,
    ],
  };
}
