import { relative, resolve } from 'node:path';
/**
 * The CI-provider seam. A provider recognises its environment, reads the job (its event), plans
 * what to scan from it and publishes the results where its users look (annotations, a job
 * summary, step outputs, report files). Everything between — completing a shallow clone, choosing
 * the config, scanning, SARIF — is shared (cli/ci-run.ts). A new provider is one folder under
 * src/ci/ and one line in providers.ts.
 */
import type { KeyscanError } from '../errors.js';
import type { ReportRule } from '../report/context.js';
import { toPosix } from '../sources/paths.js';
import type { ScanResult } from '../types.js';
import type { CiMode, CiPlan, ConfigChange } from './plan.js';
import type { CiTarget } from './target.js';
export type CiEnv = Readonly<Record<string, string | undefined>>;

export interface CiWriter {
  write(chunk: string): unknown;
}

/** Where a job prints. `stdout` and `stderr` mask secrets and escape control characters. */
export interface CiOutput {
  readonly stdout: CiWriter;
  readonly stderr: CiWriter;
  /** Unfiltered stdout, for the commands a provider means to give (GitHub's workflow commands). */
  readonly rawStdout: CiWriter;
  /** Writes a report file atomically, creating its directory. */
  readonly writeReport: (path: string, content: string) => Promise<void>;
}

export interface CiProvider {
  /** The --provider value: `github`, `gitlab`. */
  readonly id: string;
  /** For people: `GitHub Actions`. */
  readonly name: string;
  /** Whether `env` is a job of this provider. */
  detect(env: CiEnv): boolean;
  /** The variable {@link detect} looks for, to say what is missing when no provider is detected. */
  readonly detectVariable: string;
  /** Reads the job; throws E_CI when `env` names something that cannot be read. */
  open(env: CiEnv, cwd: string): Promise<CiJob>;
}

export interface CiJob {
  /** What started the job, for the log: `pull_request event`; undefined when nothing did. */
  readonly trigger: string | undefined;
  /** `pull request` or `merge request`, for the notes about a request's config change. */
  readonly requestNoun: string;
  /** What to do when a shallow clone cannot be completed, in this provider's terms. */
  readonly fetchHint: string;
  /** The SARIF file written when --sarif-output is not given (undefined: none). */
  readonly defaultSarif: string | undefined;
  /** What to do about a report file inside the work tree that git does not ignore. */
  readonly reportInRepoHint: string;
  /** The directory provider report files go to by default (GitLab: CI_PROJECT_DIR). */
  readonly reportDir: string | undefined;
  /** What to scan: `auto` reads the event; an explicit mode is the same everywhere. */
  plan(mode: CiMode): CiPlan;
  /** Everything the provider shows after a scan. */
  publish(p: CiPublication, out: CiOutput): Promise<void>;
  /** An error still reaches the provider's page (an annotation, a failed report in `reportDir`). */
  publishFailure(e: KeyscanError, out: CiOutput, reportDir: string): Promise<void>;
}

export interface CiPublication {
  /** Its warnings already scrubbed. */
  readonly result: ScanResult;
  readonly rules: readonly ReportRule[];
  /** The repository's work tree root. */
  readonly root: string;
  readonly target: CiTarget;
  /** Lines for the reader: fetches made, fallbacks taken. */
  readonly notes: readonly string[];
  readonly configChange: ConfigChange | undefined;
  /** The SARIF report written, absolute, and as the user gave it. */
  readonly sarif: { readonly path: string; readonly shown: string } | undefined;
  /** Where provider report files go (absolute). */
  readonly reportDir: string;
  readonly version: string;
}

/** `sub/` when the repository is a subdirectory of the CI workspace (a checkout `path:`); '' otherwise. */
export function workspacePrefix(root: string, workspace: string | undefined): string {
  if (workspace === undefined) return '';
  const rel = relative(resolve(workspace), root);
  return rel === '' || rel.startsWith('..') ? '' : `${toPosix(rel)}/`;
}
