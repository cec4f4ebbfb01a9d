import { describe, expect, it } from 'vitest';
import { actionArgv, inputVariable } from '../../src/action/inputs.js';

function argv(env: NodeJS.ProcessEnv): string[] {
  const r = actionArgv(env);
  if ('error' in r) throw new Error(r.error);
  return r.argv;
}

describe('action inputs', () => {
  it('names the variables as the runner does: upper case, spaces as _, hyphens kept', () => {
    expect(inputVariable('fail-on-findings')).toBe('INPUT_FAIL-ON-FINDINGS');
    expect(inputVariable('some name')).toBe('INPUT_SOME_NAME');
  });

  it('turns the defaults into keyscan ci arguments, the SARIF in RUNNER_TEMP', () => {
    expect(argv({ RUNNER_TEMP: '/runner/tmp' })).toEqual([
      'ci',
      '-C',
      '.',
      '--mode',
      'auto',
      '--sarif-output',
      '/runner/tmp/keyscan.sarif',
      '--fail',
      '--no-trust-pr-config',
    ]);
    expect(argv({})).toContain('keyscan.sarif');
  });

  it('passes every input, and splits args on whitespace without expanding anything', () => {
    expect(
      argv({
        'INPUT_WORKING-DIRECTORY': 'repo',
        INPUT_MODE: 'history',
        'INPUT_SARIF-OUTPUT': 'out/k.sarif',
        'INPUT_FAIL-ON-FINDINGS': 'false',
        'INPUT_TRUST-PR-CONFIG': 'true',
        INPUT_BASELINE: 'security/accepted.json',
        INPUT_ARGS: ' --config *  --remote\t$HOME\n--no-fetch ',
      }),
    ).toEqual([
      'ci',
      '-C',
      'repo',
      '--mode',
      'history',
      '--sarif-output',
      'out/k.sarif',
      '--no-fail',
      '--trust-pr-config',
      '--baseline',
      'security/accepted.json',
      '--config',
      '*',
      '--remote',
      '$HOME',
      '--no-fetch',
    ]);
  });

  it('refuses a flag that is not true or false, with an escaped workflow command', () => {
    expect(actionArgv({ 'INPUT_FAIL-ON-FINDINGS': 'yes' })).toEqual({
      error: '::error title=keyscan::fail-on-findings must be true or false, not "yes"',
    });
    expect(actionArgv({ 'INPUT_TRUST-PR-CONFIG': 'on' })).toEqual({
      error: '::error title=keyscan::trust-pr-config must be true or false, not "on"',
    });
    expect(actionArgv({ 'INPUT_FAIL-ON-FINDINGS': '1%\n::warning::x' })).toEqual({
      error: '::error title=keyscan::fail-on-findings must be true or false, not "1%25%0A::warning::x"',
    });
  });
});
