/**
 * action.yml, run the way the runner runs a JavaScript action: `node action/main.mjs` (the committed
 * bundle, test/action/bundle.test.ts keeps it fresh) with an `INPUT_<NAME>` variable for every
 * input that has a value (the runner fills in action.yml's defaults) and the GitHub environment,
 * nothing else: no registry, no node_modules next to the bundle.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, inputVariable } from '../../src/action/inputs.js';
import { actionsStep, parseOutputs } from '../helpers/actions.js';
import { BIN, collect, ROOT } from '../helpers/cli.js';
import { commit, makeRepo, tempDir } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: { using: string; main: string; steps?: unknown };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * The action in a copy of what the runner downloads for `uses:` (action.yml, package.json for the
 * version, action/), away from this checkout's node_modules: the bundle must need nothing else.
 */
const actionDir = (() => {
  const dir = tempDir('keyscan-action-checkout-');
  for (const f of ['action.yml', 'package.json', 'action']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  return dir;
})();

async function runAction(
  workspace: string,
  eventName: string,
  event: unknown,
  given: Record<string, string> = {},
  runnerEnv: Record<string, string> = {},
  options: { defaults?: boolean; actionDir?: string } = {},
): Promise<StepRun> {
  const sim = actionsStep(eventName, event, workspace);
  // The test's own environment may hold INPUT_ variables (inside Actions it does): none may leak in.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
  const defaults =
    options.defaults === false ? {} : Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  for (const [name, value] of Object.entries({ ...defaults, ...given })) env[inputVariable(name)] = value;
  Object.assign(env, { NO_COLOR: '1' }, sim.env, runnerEnv);
  const child = spawn(process.execPath, [join(options.actionDir ?? actionDir, action.runs.main)], { cwd: workspace, env });
  child.stdin.end();
  const r = await collect(child);
  return { ...r, outputs: parseOutputs(readFileSync(sim.outputFile, 'utf8')), summary: readFileSync(sim.summaryFile, 'utf8') };
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
  it('is a node24 action running the committed bundle, with the inputs and outputs keyscan ci reads and writes', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'action/main.mjs' });
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
    // An unset input means action.yml's default: the entry falls back to the same values.
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) expect(action.inputs[name]?.default ?? '', name).toBe(value);
    // Written by keyscan ci to GITHUB_OUTPUT; a JavaScript action's outputs have no value expression.
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'sarif']);
    for (const output of Object.values(action.outputs)) expect(output.value).toBeUndefined();
  });

  it('scans a pull request and fails on its key, with outputs, summary and the SARIF in RUNNER_TEMP', async () => {
    const { dir, event, key } = pullRequest();
    const runnerTemp = tempDir('keyscan-runner-temp-');
    const r = await runAction(dir, 'pull_request', event, {}, { RUNNER_TEMP: runnerTemp });
    expect(r.code, r.stderr).toBe(1);
    const sarifFile = join(runnerTemp, 'keyscan.sarif');
    // Outside the work tree by default: no later step can commit it.
    expect(r.outputs).toEqual({ findings: '1', sarif: sarifFile });
    expect(r.stderr).not.toContain('inside the repository');
    expect(r.stderr).toContain('scanning the commits of pull request #9');
    expect(r.summary).toContain('slack-bot-token');
    expect(r.stdout).toMatch(/^::error file=bot\/config\.yml,line=1,/m);
    for (const s of slices(secretBody(key))) expect(r.stdout + r.stderr + r.summary).not.toContain(s);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toHaveLength(1);
  });

  it('is the version of the package.json beside it (the ref the workflow pinned)', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runAction(makeRepo(), 'workflow_dispatch', {}, { args: '--version' });
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('treats unset inputs as their defaults', async () => {
    const { dir, event } = pullRequest();
    const runnerTemp = tempDir('keyscan-runner-temp-');
    const r = await runAction(dir, 'pull_request', event, {}, { RUNNER_TEMP: runnerTemp }, { defaults: false });
    expect(r.code, r.stderr).toBe(1);
    expect(r.outputs).toEqual({ findings: '1', sarif: join(runnerTemp, 'keyscan.sarif') });
  });

  it('passes extra args, a SARIF path and fail-on-findings: false', async () => {
    const { dir, event } = pullRequest();
    const r = await runAction(dir, 'pull_request', event, {
      'fail-on-findings': 'false',
      'sarif-output': 'out/k.sarif',
      args: '--threads 0  --remote origin',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.findings).toBe('1');
    expect(r.outputs.sarif).toBe(join(dir, 'out/k.sarif'));
    expect(readFileSync(join(dir, 'out/k.sarif'), 'utf8')).toContain('"2.1.0"');
  });

  it('starts its worker threads from the bundle', async () => {
    const files: Record<string, string> = {};
    // Enough files for a pool of workers (see executorFor in src/scan.ts).
    for (let i = 0; i < 300; i++) files[`src/f${i}.js`] = `// file ${i}\n${'const x = 1;\n'.repeat(50)}`;
    files['src/f7.js'] = `const t = "${tokens.githubPat()}";\n`;
    const dir = makeRepo(files);
    const inputs = { mode: 'files', args: '--threads 2' };
    const r = await runAction(dir, 'workflow_dispatch', {}, inputs);
    expect(r.code, r.stderr).toBe(1);
    expect(r.outputs.findings).toBe('1');
    // Without its worker file next to it the same scan fails: the workers above came from the bundle.
    const broken = tempDir('keyscan-action-checkout-');
    cpSync(actionDir, broken, { recursive: true });
    rmSync(join(broken, 'action/worker.mjs'));
    const without = await runAction(dir, 'workflow_dispatch', {}, inputs, {}, { actionDir: broken });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('worker.mjs');
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
    expect(trusted.code).toBe(0);
    expect(trusted.summary).toContain('trust-pr-config is on');
    const bad = await runAction(dir, 'pull_request', event, { 'trust-pr-config': 'yes' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('::error title=keyscan::trust-pr-config must be true or false, not "yes"');
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
    // A value cannot end the workflow command and start one of its own.
    const injected = await runAction(dir, 'pull_request', event, { 'fail-on-findings': 'no\n::warning::owned' });
    expect(injected.code).toBe(2);
    expect(injected.stdout).not.toMatch(/^::warning/m);
    // `*` reaches keyscan as is (a shell would have made it a file name of the workspace).
    const globbed = await runAction(dir, 'pull_request', event, { args: '--config *' });
    expect(globbed.code).toBe(2);
    expect(globbed.stderr).toContain('cannot read config *:');
  });
});
