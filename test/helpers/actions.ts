/**
 * A simulated GitHub Actions step: the event payload in a file, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY as temp files, and the runner's variables, for running `keyscan ci`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLANK_CI_ENV } from './ci-env.js';
import { type CliRun, keyscan } from './cli.js';
import { markdownText, renderMarkdown } from './markdown.js';
import { git, tempDir } from './repo.js';

/** Every runner variable keyscan ci reads, blank: a test running inside Actions must not see the real ones. */
const BLANK = BLANK_CI_ENV;

export interface ActionsStep {
  readonly env: Record<string, string>;
  readonly outputFile: string;
  readonly summaryFile: string;
}

/** The environment the runner gives a step for `eventName` with `event` as payload. */
export function actionsStep(eventName: string, event: unknown, workspace: string): ActionsStep {
  const dir = tempDir('keyscan-actions-');
  const eventFile = join(dir, 'event.json');
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(eventFile, JSON.stringify(event));
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  return {
    outputFile,
    summaryFile,
    env: {
      ...BLANK,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: workspace,
    },
  };
}

export interface CiRun extends CliRun {
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** The job summary rendered as GitHub would (markdown-it, HTML on, linkify on). */
  readonly summaryHtml: string;
  /** Its text, tags removed and whitespace collapsed. */
  readonly summaryText: string;
  readonly sarif: { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }> } | undefined;
  readonly sarifText: string;
}

/** Runs `keyscan ci` in `workspace` as the step of an `eventName` workflow. */
export async function runCi(
  workspace: string,
  eventName: string,
  event: unknown,
  args: readonly string[] = [],
  extraEnv: Record<string, string> = {},
  /** Where the step runs keyscan from (default: the workspace), as with a `working-directory:`. */
  cwd: string = workspace,
): Promise<CiRun> {
  const step = actionsStep(eventName, event, workspace);
  const sarifFile = join(tempDir('keyscan-sarif-'), 'keyscan.sarif');
  const r = await keyscan(['ci', '--sarif-output', sarifFile, ...args], { cwd, env: { ...step.env, ...extraEnv } });
  const sarifText = existsSync(sarifFile) ? readFileSync(sarifFile, 'utf8') : '';
  const summary = readFileSync(step.summaryFile, 'utf8');
  return {
    ...r,
    outputs: parseOutputs(readFileSync(step.outputFile, 'utf8')),
    summary,
    summaryHtml: renderMarkdown(summary),
    summaryText: markdownText(summary),
    sarif: sarifText === '' ? undefined : (JSON.parse(sarifText) as CiRun['sarif']),
    sarifText,
  };
}

/** GITHUB_OUTPUT as the runner reads it: `name=value` lines and `name<<DELIM` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      out[heredoc[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/**
 * A checkout as actions/checkout makes one for a pull request: an empty repository with `remote`
 * as origin, the PR's merge ref fetched at depth 1 and checked out detached.
 */
export function shallowCheckout(remote: string, ref: string): string {
  const dir = tempDir('keyscan-checkout-');
  git(dir, 'init', '-q');
  git(dir, 'remote', 'add', 'origin', `file://${remote}`);
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${ref}:refs/remotes/checkout`);
  git(dir, 'checkout', '-q', '--detach', 'refs/remotes/checkout');
  return dir;
}
