/**
 * action.yml, run the way the runner runs a composite step: its inputs evaluated into the step's
 * environment, its script run by `bash --noprofile --norc -eo pipefail`. `npx` is replaced by a
 * stand-in that records its arguments and runs this checkout's keyscan, so the test needs no
 * registry; what it cannot show is that npx fetches keyscan-secrets from npm.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionsStep, parseOutputs } from '../helpers/actions.js';
import { BIN, collect, ROOT } from '../helpers/cli.js';
import { commit, makeRepo, tempDir } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<{ id: string; shell: string; env: Record<string, string>; run: string }> };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** `${{ inputs.x }}` as the runner evaluates it; anything else is not expected in this action. */
function evaluate(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => inputs[name] ?? '');
}

interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  npxArgs: string[];
}

async function runAction(
  workspace: string,
  eventName: string,
  event: unknown,
  given: Record<string, string> = {},
  runnerEnv: Record<string, string> = {},
): Promise<StepRun> {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...given };
  const step = action.runs.steps[0];
  if (step === undefined) throw new Error('action.yml has no step');
  const sim = actionsStep(eventName, event, workspace);
  const bin = tempDir('keyscan-fake-npx-');
  const argsFile = join(bin, 'npx-args');
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nwhile [ "$#" -gt 0 ] && [ "$1" != keyscan ]; do shift; done\nshift\nexec node '${BIN}' "$@"\n`,
  );
  chmodSync(join(bin, 'npx'), 0o755);
  const script = join(bin, 'step.sh');
  writeFileSync(script, step.run);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...sim.env, ...runnerEnv, PATH: `${bin}:${process.env.PATH ?? ''}` };
  for (const [k, v] of Object.entries(step.env)) env[k] = evaluate(v, inputs);
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env });
  child.stdin.end();
  const r = await collect(child);
  let npxArgs: string[] = [];
  try {
    npxArgs = readFileSync(argsFile, 'utf8').trimEnd().split('\n');
  } catch {
    // npx was never called
  }
  return { ...r, outputs: parseOutputs(readFileSync(sim.outputFile, 'utf8')), summary: readFileSync(sim.summaryFile, 'utf8'), npxArgs };
}

function pullRequest(): { dir: string; event: unknown; key: string } {
  const dir = makeRepo();
  const base = commit(dir, 'initial', { 'README.md': '# app\n' });
  const key = tokens.slackBot();
  commit(dir, 'add bot', { 'bot/config.yml': `slack_token: ${key}\n` });
  const head = commit(dir, 'more', { 'bot/index.js': 'start();\n' });
  return { dir, key, event: { pull_request: { number: 9, commits: 2, base: { sha: base }, head: { sha: head } } } };
}

describe('action.yml', () => {
  it('is a composite action whose inputs reach the script only through the environment', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual([
      'args',
      'baseline',
      'fail-on-findings',
      'mode',
      'sarif-output',
      'trust-pr-config',
      'version',
      'working-directory',
    ]);
    for (const step of action.runs.steps) expect(step.run).not.toContain('${{');
    expect(action.outputs.findings?.value).toBe('${{ steps.keyscan.outputs.findings }}');
    expect(action.outputs.sarif?.value).toBe('${{ steps.keyscan.outputs.sarif }}');
    expect(action.runs.steps.map((s) => s.id)).toContain('keyscan');
  });

  it('installs this exact package and version by default', () => {
    expect(action.inputs.version?.default).toBe(pkg.version);
  });

  it('scans a pull request with the published package through npx, with outputs and summary', async () => {
    const { dir, event, key } = pullRequest();
    const runnerTemp = tempDir('keyscan-runner-temp-');
    const r = await runAction(dir, 'pull_request', event, {}, { RUNNER_TEMP: runnerTemp });
    expect(r.npxArgs.slice(0, 6)).toEqual(['--yes', '--package', `keyscan-secrets@${pkg.version}`, '--', 'keyscan', 'ci']);
    const sarifFile = join(runnerTemp, 'keyscan.sarif');
    expect(r.npxArgs.slice(6)).toEqual(['-C', '.', '--mode', 'auto', '--sarif-output', sarifFile, '--fail', '--no-trust-pr-config']);
    expect(r.code).toBe(1);
    // Outside the work tree by default: no later step can commit it.
    expect(r.outputs).toEqual({ findings: '1', sarif: sarifFile });
    expect(r.stderr).not.toContain('inside the repository');
    expect(r.summary).toContain('slack-bot-token');
    expect(r.stdout).toMatch(/^::error file=bot\/config\.yml,line=1,/m);
    for (const s of slices(secretBody(key))) expect(r.stdout + r.stderr + r.summary).not.toContain(s);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toHaveLength(1);
  });

  it('passes extra args, a SARIF path and fail-on-findings: false', async () => {
    const { dir, event } = pullRequest();
    const r = await runAction(dir, 'pull_request', event, {
      'fail-on-findings': 'false',
      'sarif-output': 'out/k.sarif',
      args: '--threads 0  --remote origin',
    });
    expect(r.npxArgs.slice(6)).toEqual([
      '-C',
      '.',
      '--mode',
      'auto',
      '--sarif-output',
      'out/k.sarif',
      '--no-fail',
      '--no-trust-pr-config',
      '--threads',
      '0',
      '--remote',
      'origin',
    ]);
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe('1');
  });

  it("passes trust-pr-config: true, which lets a pull request's own config decide its check", async () => {
    const dir = makeRepo();
    const base = commit(dir, 'initial', { 'README.md': '# app\n' });
    const head = commit(dir, 'silence it', {
      '.keyscan.yaml': 'allowlist:\n  paths: ["**"]\n',
      'bot/config.yml': `slack_token: ${tokens.slackBot()}\n`,
    });
    const event = { pull_request: { number: 9, commits: 1, base: { sha: base }, head: { sha: head } } };
    const guarded = await runAction(dir, 'pull_request', event);
    expect(guarded.code).toBe(1);
    const trusted = await runAction(dir, 'pull_request', event, { 'trust-pr-config': 'true' });
    expect(trusted.npxArgs).toContain('--trust-pr-config');
    expect(trusted.code).toBe(0);
    expect(trusted.summary).toContain('trust-pr-config is on');
    const bad = await runAction(dir, 'pull_request', event, { 'trust-pr-config': 'yes' });
    expect(bad.code).toBe(2);
  });

  it('passes the baseline input to keyscan ci, which reads it from the base commit on a pull request', async () => {
    const dir = makeRepo();
    const key = tokens.slackBot();
    commit(dir, 'initial', { 'README.md': '# app\n', 'old/config.yml': `slack_token: ${key}\n` });
    // Accept the old key in a baseline at a custom path, committed on the base branch.
    mkdirSync(join(dir, 'security'));
    execFileSync(process.execPath, [BIN, 'baseline', '-o', 'security/accepted.json'], { cwd: dir, stdio: 'pipe' });
    const base = commit(dir, 'accept the old key', {});
    const head = commit(dir, 'more', { 'docs/a.md': 'x\n' });
    const event = { pull_request: { number: 4, commits: 1, base: { sha: base }, head: { sha: head } } };
    const history = await runAction(dir, 'schedule', {}, { baseline: 'security/accepted.json' });
    expect(history.npxArgs).toEqual(expect.arrayContaining(['--baseline', 'security/accepted.json']));
    expect(history.code, history.stdout).toBe(0);
    expect((await runAction(dir, 'schedule', {})).code).toBe(1);
    const pr = await runAction(dir, 'pull_request', event, { baseline: 'security/accepted.json' });
    expect(pr.code, pr.stdout).toBe(0);
  });

  it('refuses a fail-on-findings that is not true or false, and never globs args', async () => {
    const { dir, event } = pullRequest();
    const bad = await runAction(dir, 'pull_request', event, { 'fail-on-findings': 'yes' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('::error title=keyscan::fail-on-findings must be true or false, not "yes"');
    const globbed = await runAction(dir, 'pull_request', event, { args: '--config *' });
    expect(globbed.npxArgs).toContain('*');
  });
});
