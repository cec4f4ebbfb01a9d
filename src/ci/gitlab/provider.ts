/**
 * GitLab CI: the pipeline's predefined variables decide what to scan; results go to the job log
 * (text), the secret detection report (the merge request's security widget) and the code quality
 * report (the merge request's diff). GitLab has no workflow commands, so the log is plain text,
 * with control characters and ANSI sequences escaped like every other line keyscan prints.
 */
import { join, relative, resolve } from 'node:path';
import type { KeyscanError } from '../../errors.js';
import { render } from '../../report/render.js';
import { scrub } from '../../report/scrub.js';
import { VERSION } from '../../version.js';
import type { CiJob, CiOutput, CiProvider, CiPublication } from '../provider.js';
import { workspacePrefix } from '../provider.js';
import { type GitlabContext, gitlabPlan, inGitlabCi, readGitlabContext } from './context.js';
import { codeQualityReport, failedSecretDetectionReport, secretDetectionReport } from './reports.js';

export const SECRET_DETECTION_FILE = 'gl-secret-detection-report.json';
export const CODE_QUALITY_FILE = 'gl-code-quality-report.json';

const FETCH_DEPTH_HINT =
  'In GitLab CI set the job variable `GIT_DEPTH: 0` (the whole history; keep `GIT_STRATEGY: fetch` or `clone`), or let keyscan fetch: keep the remote "origin" the runner sets up with the job token.';

export const gitlabProvider: CiProvider = {
  id: 'gitlab',
  name: 'GitLab CI',
  detectVariable: 'GITLAB_CI',
  detect: inGitlabCi,
  open: async (env) => gitlabJob(readGitlabContext(env)),
};

function gitlabJob(ctx: GitlabContext): CiJob {
  return {
    trigger: `${ctx.source} pipeline`,
    requestNoun: 'merge request',
    fetchHint: FETCH_DEPTH_HINT,
    // GitLab shows the secret detection report; a SARIF file only when asked for (--sarif-output).
    defaultSarif: undefined,
    reportInRepoHint: 'Add it to .gitignore (GitLab keeps artifacts only from inside the project directory).',
    reportDir: ctx.projectDir,
    plan: (mode) => gitlabPlan(ctx, mode),
    publish: (p, out) => publish(ctx, p, out),
    publishFailure: (e, out, reportDir) => reportFailure(e, out, reportDir),
  };
}

async function publish(ctx: GitlabContext, p: CiPublication, out: CiOutput): Promise<void> {
  const { result, rules, target } = p;
  out.stdout.write(render('text', { result, rules, reveal: false, version: p.version, color: false }));
  // There is no job summary: the log says what was scanned (a fallback may have changed it).
  out.stderr.write(`keyscan: scanned ${target.scope}\n`);
  const input = {
    result,
    rules,
    version: p.version,
    headSha: target.kind === 'range' ? target.head : ctx.sha,
    pathPrefix: workspacePrefix(p.root, ctx.projectDir),
    endedAt: new Date(),
    notes: p.notes,
  };
  const secretFile = join(p.reportDir, SECRET_DETECTION_FILE);
  const qualityFile = join(p.reportDir, CODE_QUALITY_FILE);
  await out.writeReport(secretFile, `${JSON.stringify(secretDetectionReport(input), null, 2)}\n`);
  await out.writeReport(qualityFile, `${JSON.stringify(codeQualityReport(input), null, 2)}\n`);
  out.stderr.write(`keyscan: wrote ${shown(secretFile, ctx)} and ${shown(qualityFile, ctx)}\n`);
}

/** A failed scan still leaves a secret detection report, with status failure: GitLab must not show it as clean. */
async function reportFailure(e: KeyscanError, out: CiOutput, reportDir: string): Promise<void> {
  const message = scrub(`${e.message}${e.hint ? `. ${e.hint}` : ''}`);
  const report = failedSecretDetectionReport(message, VERSION, new Date());
  await out.writeReport(join(reportDir, SECRET_DETECTION_FILE), `${JSON.stringify(report, null, 2)}\n`).catch(() => undefined); // the error itself is what matters
}

function shown(file: string, ctx: GitlabContext): string {
  if (ctx.projectDir === undefined) return file;
  const rel = relative(resolve(ctx.projectDir), file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}
