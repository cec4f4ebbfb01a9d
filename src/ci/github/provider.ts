/**
 * GitHub Actions: the event payload decides what to scan; results go to annotations (stdout), the
 * job summary (GITHUB_STEP_SUMMARY) and the step outputs (GITHUB_OUTPUT).
 */
import { randomBytes } from 'node:crypto';
import type { KeyscanError } from '../../errors.js';
import type { ReportRule } from '../../report/context.js';
import { escapeControl } from '../../report/escape.js';
import { render } from '../../report/render.js';
import { safeOutput, scrub } from '../../report/scrub.js';
import type { ScanResult } from '../../types.js';
import type { CiJob, CiOutput, CiProvider, CiPublication } from '../provider.js';
import { workspacePrefix } from '../provider.js';
import { renderAnnotations, workflowCommand } from './annotations.js';
import { type ActionsContext, inGithubActions, readActionsContext } from './context.js';
import { appendOutputs, appendSummary } from './files.js';
import { planFor } from './plan.js';
import { escapeText, renderSummary } from './summary.js';

const FETCH_DEPTH_HINT =
  'In GitHub Actions give actions/checkout `fetch-depth: 0` (the whole history), or let keyscan fetch: keep the remote "origin" and its credentials (persist-credentials, the default).';

export const githubProvider: CiProvider = {
  id: 'github',
  name: 'GitHub Actions',
  detectVariable: 'GITHUB_EVENT_NAME',
  detect: inGithubActions,
  open: async (env) => githubJob(await readActionsContext(env)),
};

function githubJob(ctx: ActionsContext): CiJob {
  return {
    trigger: `${ctx.eventName} event`,
    requestNoun: 'pull request',
    fetchHint: FETCH_DEPTH_HINT,
    defaultSarif: 'keyscan.sarif',
    reportInRepoHint: `Write it elsewhere (sarif-output: \${{ runner.temp }}/keyscan.sarif) or add it to .gitignore.`,
    reportDir: undefined,
    plan: (mode) => planFor(ctx, mode),
    publish: (p, out) => publish(ctx, p, out),
    publishFailure: (e, out) => reportFailure(e, ctx, out),
  };
}

/** The log, the job summary and the step outputs. */
async function publish(ctx: ActionsContext, p: CiPublication, out: CiOutput): Promise<void> {
  const { result, rules, target } = p;
  const prefix = workspacePrefix(p.root, ctx.workspace);
  writeLog(result, rules, prefix, p.version, out);
  if (ctx.stepSummary !== undefined) {
    const repoUrl = ctx.repository === undefined ? undefined : `${ctx.serverUrl}/${ctx.repository}`;
    const headSha = target.kind === 'range' ? target.head : ctx.sha;
    await appendSummary(
      ctx.stepSummary,
      renderSummary({
        result,
        rules,
        scope: target.scope,
        notes: p.notes,
        repoUrl,
        headSha,
        version: p.version,
        sarifPath: p.sarif?.shown,
        pathPrefix: prefix,
        ...(p.configChange !== undefined ? { configChange: p.configChange } : {}),
      }),
    );
  }
  // An incomplete scan sets no outputs (the README promises it): a count of what was read is not a result.
  if (ctx.output !== undefined && result.errors.length === 0) {
    await appendOutputs(ctx.output, { findings: String(result.findings.length), ...(p.sarif ? { sarif: p.sarif.path } : {}) });
  }
}

/**
 * The text report for people reading the log, then the annotations. Workflow commands are off
 * while the report prints: file names come from the repository, and a name holding a line break
 * and `::` must not become a command.
 */
function writeLog(result: ScanResult, rules: readonly ReportRule[], prefix: string, version: string, out: CiOutput): void {
  const token = randomBytes(16).toString('hex');
  out.rawStdout.write(`::stop-commands::${token}\n`);
  out.stdout.write(render('text', { result, rules, reveal: false, version, color: false }));
  out.rawStdout.write(`::${token}::\n`);
  // Built by workflowCommand, which escapes every property and the message.
  out.rawStdout.write(renderAnnotations(result.findings, rules, { pathPrefix: prefix }));
}

/** An error still reaches the job's page: an annotation and a summary that say what to do. */
async function reportFailure(e: KeyscanError, ctx: ActionsContext, out: CiOutput): Promise<void> {
  const message = safeOutput(`${e.message}${e.hint ? `. ${e.hint}` : ''}`);
  out.rawStdout.write(`${workflowCommand('error', { title: 'keyscan could not scan' }, escapeControl(message))}\n`);
  if (ctx.stepSummary === undefined) return;
  const md = [
    '## keyscan: could not scan',
    '',
    `**Error:** ${escapeText(scrub(e.message))}`,
    ...(e.hint ? ['', `**What to do:** ${escapeText(scrub(e.hint))}`] : []),
    '',
  ];
  await appendSummary(ctx.stepSummary, md.join('\n')).catch(() => undefined); // the error itself is what matters
}
