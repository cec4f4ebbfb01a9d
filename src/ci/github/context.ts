/**
 * The GitHub Actions run that `keyscan ci` is in: the variables the runner sets and the event
 * payload it writes to `GITHUB_EVENT_PATH`.
 * https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
 */
import { readFile } from 'node:fs/promises';
import { KeyscanError, systemErrorCode } from '../../errors.js';

export interface ActionsContext {
  /** `GITHUB_EVENT_NAME`: `pull_request`, `push`, `schedule`… */
  readonly eventName: string;
  /** The parsed webhook payload (an empty object when the runner wrote none). */
  readonly event: unknown;
  /** `owner/name`. */
  readonly repository: string | undefined;
  readonly serverUrl: string;
  /** `GITHUB_SHA`: the commit the workflow runs on (for a pull request, a merge commit). */
  readonly sha: string | undefined;
  readonly ref: string | undefined;
  readonly workspace: string | undefined;
  /** The file a job summary is appended to. */
  readonly stepSummary: string | undefined;
  /** The file step outputs are appended to. */
  readonly output: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the runner described an event (a GitHub Actions job, or a simulation of one). */
export function inGithubActions(env: Env): boolean {
  return nonEmpty(env.GITHUB_EVENT_NAME) !== undefined;
}

/** Reads the context; throws E_CI when the event file is named but cannot be read or parsed. */
export async function readActionsContext(env: Env): Promise<ActionsContext> {
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME);
  if (eventName === undefined) {
    throw new KeyscanError('E_CI', 'GITHUB_EVENT_NAME is not set: this does not look like a GitHub Actions job', {
      hint: 'Outside GitHub Actions use keyscan --range BASE..HEAD or --history, or keyscan ci --mode history|files.',
    });
  }
  return {
    eventName,
    event: await readEvent(nonEmpty(env.GITHUB_EVENT_PATH)),
    repository: nonEmpty(env.GITHUB_REPOSITORY),
    serverUrl: (nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, ''),
    sha: nonEmpty(env.GITHUB_SHA),
    ref: nonEmpty(env.GITHUB_REF),
    workspace: nonEmpty(env.GITHUB_WORKSPACE),
    stepSummary: nonEmpty(env.GITHUB_STEP_SUMMARY),
    output: nonEmpty(env.GITHUB_OUTPUT),
  };
}

async function readEvent(path: string | undefined): Promise<unknown> {
  if (path === undefined) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new KeyscanError('E_CI', `cannot read the event file GITHUB_EVENT_PATH=${path}: ${systemErrorCode(e) ?? String(e)}`, {
      hint: 'The runner writes this file; when simulating an event, point GITHUB_EVENT_PATH at a JSON payload.',
      cause: e,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new KeyscanError('E_CI', `the event file ${path} is not valid JSON`, { cause: e });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** `value.a.b.c` if every step is an object and the end is a string. */
export function stringAt(value: unknown, ...path: string[]): string | undefined {
  const v = at(value, path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `value.a.b.c` if every step is an object and the end is a number. */
export function numberAt(value: unknown, ...path: string[]): number | undefined {
  const v = at(value, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function booleanAt(value: unknown, ...path: string[]): boolean | undefined {
  const v = at(value, path);
  return typeof v === 'boolean' ? v : undefined;
}

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
