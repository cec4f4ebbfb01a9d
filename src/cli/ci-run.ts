/**
 * `keyscan ci`, the work (loaded only when the command runs): the scan a CI job needs, chosen from
 * the GitHub Actions event. Pull requests scan their commits (base..head), pushes the pushed
 * commits, schedules and manual runs the whole history. Shallow checkouts are deepened as needed.
 * Writes a SARIF file, annotations (stdout), a job summary and step outputs; exit codes as
 * everywhere (0 clean, 1 findings, 2 error).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { baselineScanOptions, readBaseline } from '../baseline/io.js';
import { ENV_CHECK_RULES } from '../checks/rules.js';
import { isKeyscanError, KeyscanError } from '../errors.js';
import { requireRepository } from '../git/history.js';
import { workTreeRoot } from '../git/repo.js';
import { type ActionsContext, inGithubActions, readActionsContext } from '../github/context.js';
import { appendOutputs, appendSummary } from '../github/files.js';
import { type CiMode, type CiPlan, planFor } from '../github/plan.js';
import { renderSummary } from '../github/summary.js';
import type { ReportRule } from '../report/context.js';
import { renderAnnotations, workflowCommand } from '../report/github.js';
import { render } from '../report/render.js';
import { foundSummary, plural } from '../report/text.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanOptions, scan } from '../scan.js';
import { emptySkipCounts, type ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import type { CiArgs } from './ci.js';
import { type CiTarget, resolveTarget } from './ci-target.js';
import { type CliIO, EXIT } from './io.js';
import { writeReportFile } from './output.js';
import { prepareScan, type SourceArgs } from './source-options.js';

export async function runCiCommand(args: CiArgs, io: CliIO): Promise<number> {
  // An explicit mode works anywhere; inside Actions it still writes the summary and outputs.
  const ctx = args.mode === 'auto' || inGithubActions(io.env) ? await readActionsContext(io.env) : undefined;
  try {
    return await runCi(args, io, ctx);
  } catch (e) {
    if (isKeyscanError(e) && ctx !== undefined) await reportFailure(e, ctx, io);
    throw e;
  }
}

async function runCi(args: CiArgs, io: CliIO, ctx: ActionsContext | undefined): Promise<number> {
  const cwd = resolve(io.cwd, args.cwd ?? '.');
  await requireRepository(cwd);
  const root = (await workTreeRoot(cwd)) ?? cwd;
  if (args.threads !== undefined && (!Number.isInteger(args.threads) || args.threads < 0 || args.threads > 256)) {
    throw new KeyscanError('E_USAGE', '--threads must be a whole number from 0 to 256');
  }
  const plan: CiPlan = ctx === undefined ? planWithoutEvent(args.mode as CiMode) : planFor(ctx, args.mode as CiMode);
  const notes: string[] = [];
  const note = (line: string): void => {
    notes.push(line);
    io.stderr.write(`keyscan: ${line}\n`);
  };
  io.stderr.write(`keyscan: ${ctx ? `${ctx.eventName} event: ` : ''}scanning ${plan.label}\n`);
  const target = await resolveTarget(plan, { root, remote: args.remote, fetch: args.fetch, note });

  // The same config, allowlists, env checks and baseline as a plain `keyscan` run in this directory.
  const prepared = await prepareScan(ciSourceArgs(args), { ...io, cwd });
  const baseline = prepared.config.baseline === undefined ? undefined : await readBaseline(prepared.config.baseline);
  const rules: ReportRule[] = [...prepared.rules, ...ENV_CHECK_RULES];
  const options: ScanOptions = { ...prepared.options, ...targetOptions(target), ...baselineScanOptions(baseline) };
  const result = target.kind === 'none' ? emptyResult() : await scan(options);
  for (const warning of result.warnings) io.stderr.write(`keyscan: warning: ${warning}\n`);

  const sarifPath = resolve(io.cwd, args['sarif-output']);
  await mkdir(dirname(sarifPath), { recursive: true }); // `results/keyscan.sarif` in a fresh checkout
  await writeReportFile(sarifPath, render('sarif', { result, rules, reveal: false, version: VERSION, color: false }));
  const prefix = pathPrefix(root, ctx?.workspace);
  writeLog(result, rules, prefix, io);
  if (ctx?.stepSummary !== undefined) {
    const repoUrl = ctx.repository === undefined ? undefined : `${ctx.serverUrl}/${ctx.repository}`;
    const headSha = target.kind === 'range' ? target.head : ctx.sha;
    await appendSummary(
      ctx.stepSummary,
      renderSummary({
        result,
        rules,
        scope: target.scope,
        notes,
        repoUrl,
        headSha,
        version: VERSION,
        sarifPath: args['sarif-output'],
        pathPrefix: prefix,
      }),
    );
  }
  if (ctx?.output !== undefined) await appendOutputs(ctx.output, { findings: String(result.findings.length), sarif: sarifPath });
  io.stderr.write(`keyscan: ${foundSummary(result.findings)} in ${scopeCount(result)}; SARIF: ${args['sarif-output']}\n`);
  if (result.errors.length > 0) return EXIT.error;
  // Informational findings (env drift) never fail a job.
  return result.findings.some((f) => f.severity !== 'info') && args.fail ? EXIT.findings : EXIT.clean;
}

function planWithoutEvent(mode: CiMode): CiPlan {
  // ciCommand reads the event for `auto`, so only explicit modes get here.
  return mode === 'files' ? { kind: 'files', label: 'the checked-out files' } : { kind: 'history', label: 'the full history' };
}

/** The scan a CI target asks for, on top of the prepared options. */
function targetOptions(target: CiTarget): Partial<ScanOptions> {
  switch (target.kind) {
    case 'range':
      return { range: `${target.base}..${target.head}` };
    case 'history':
      return { history: true };
    default:
      return { paths: ['.'] };
  }
}

/** `keyscan ci` as the source flags of a plain scan: defaults, with its config and threads. */
function ciSourceArgs(args: CiArgs): SourceArgs {
  return {
    paths: [],
    stdin: false,
    'stdin-name': 'stdin',
    staged: false,
    range: undefined,
    since: undefined,
    history: false,
    'include-stash': false,
    cwd: undefined,
    'max-file-size': String(DEFAULT_MAX_FILE_SIZE),
    'skip-unreadable': false,
    threads: args.threads,
    config: args.config,
    progress: false,
    debug: false,
    'env-drift': false,
    'env-template': [],
    'env-placeholder': [],
  };
}

/**
 * The text report for people reading the log, then the annotations. Workflow commands are off
 * while the report prints: file names come from the repository, and a name holding a line break
 * and `::` must not become a command.
 */
function writeLog(result: ScanResult, rules: readonly ReportRule[], prefix: string, io: CliIO): void {
  const token = randomBytes(16).toString('hex');
  io.stdout.write(`::stop-commands::${token}\n`);
  io.stdout.write(render('text', { result, rules, reveal: false, version: VERSION, color: false }));
  io.stdout.write(`::${token}::\n`);
  io.stdout.write(renderAnnotations(result.findings, rules, { pathPrefix: prefix }));
}

/** An error still reaches the job's page: an annotation and a summary that say what to do. */
async function reportFailure(e: KeyscanError, ctx: ActionsContext, io: CliIO): Promise<void> {
  const message = `${e.message}${e.hint ? `. ${e.hint}` : ''}`;
  io.stdout.write(`${workflowCommand('error', { title: 'keyscan could not scan' }, message)}\n`);
  if (ctx.stepSummary === undefined) return;
  const md = [
    '## keyscan: could not scan',
    '',
    `**Error:** ${escapeLine(e.message)}`,
    ...(e.hint ? ['', `**What to do:** ${escapeLine(e.hint)}`] : []),
    '',
  ];
  await appendSummary(ctx.stepSummary, md.join('\n')).catch(() => undefined); // the error itself is what matters
}

function escapeLine(text: string): string {
  return text.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}

/** `sub/` when the repository is a subdirectory of the workspace (actions/checkout `path:`). */
function pathPrefix(root: string, workspace: string | undefined): string {
  if (workspace === undefined) return '';
  const rel = relative(resolve(workspace), root);
  return rel === '' || rel.startsWith('..') ? '' : `${rel.split('\\').join('/')}/`;
}

function scopeCount(result: ScanResult): string {
  return result.stats.commitsScanned !== undefined
    ? plural(result.stats.commitsScanned, 'commit')
    : plural(result.stats.filesScanned, 'file');
}

function emptyResult(): ScanResult {
  return {
    findings: [],
    errors: [],
    warnings: [],
    stats: {
      filesScanned: 0,
      bytesScanned: 0,
      durationMs: 0,
      skipped: emptySkipCounts(),
      suppressed: { inline: 0, allowlist: 0, baseline: 0 },
    },
  };
}
