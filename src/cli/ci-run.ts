/**
 * `keyscan ci`, the work (loaded only when the command runs): the scan a CI job needs, chosen from
 * the GitHub Actions event. Pull requests scan their commits (base..head), pushes the pushed
 * commits, schedules and manual runs the whole history. Shallow checkouts are deepened as needed.
 * Writes a SARIF file, annotations (stdout), a job summary and step outputs; exit codes as
 * everywhere (0 clean, 1 findings, 2 error).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { baselineScanOptions, readBaseline } from '../baseline/io.js';
import { ENV_CHECK_RULES } from '../checks/rules.js';
import { renderAnnotations, workflowCommand } from '../ci/github/annotations.js';
import { type ActionsContext, inGithubActions, readActionsContext } from '../ci/github/context.js';
import { appendOutputs, appendSummary } from '../ci/github/files.js';
import { type CiMode, type CiPlan, planFor } from '../ci/github/plan.js';
import { type ConfigChange, escapeText, renderSummary } from '../ci/github/summary.js';
import { type ConfigVersion, pullRequestConfig } from '../ci/pr-config.js';
import { type CiTarget, resolveTarget } from '../ci/target.js';
import { DEFAULT_BASELINE_FILE } from '../config/config.js';
import { isKeyscanError, KeyscanError } from '../errors.js';
import { requireRepository } from '../git/history.js';
import { workTreeRoot } from '../git/repo.js';
import type { ReportRule } from '../report/context.js';
import { escapeControl } from '../report/escape.js';
import { render } from '../report/render.js';
import { safeOutput, scrub } from '../report/scrub.js';
import { foundSummary, plural } from '../report/text.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanOptions, scan } from '../scan.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import type { CiArgs } from './ci.js';
import { type CliIO, EXIT } from './io.js';
import { reportInRepository, writeReportFile } from './output.js';
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

async function runCi(args: CiArgs, outer: CliIO, ctx: ActionsContext | undefined): Promise<number> {
  const io = safeIO(outer);
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

  // The same config, allowlists, env checks and baseline as a plain `keyscan` run in this directory,
  // except on a pull request, whose check uses the base commit's (see ci-config.ts).
  const scanWith = (version: ConfigVersion | undefined) => runScan(args, { ...io, cwd }, target, version);
  const { outcome, configChange } =
    plan.kind === 'range' && plan.pullRequest === true && target.kind === 'range'
      ? await scanPullRequest(args, root, target, scanWith, note)
      : { outcome: await scanWith(undefined), configChange: undefined };
  const { result, rules } = outcome;
  for (const warning of result.warnings) io.stderr.write(`keyscan: warning: ${warning}\n`);

  await publish(result, rules, { args, io, ctx, root, target, notes, note, configChange });
  const incomplete = result.errors.length > 0;
  const found = incomplete
    ? `scan incomplete (${plural(result.errors.length, 'path')} could not be scanned); ${foundSummary(result.findings)} in the ${scopeCount(result)} read`
    : `${foundSummary(result.findings)} in ${scopeCount(result)}`;
  io.stderr.write(`keyscan: ${found}; SARIF: ${args['sarif-output']}\n`);
  if (incomplete) return EXIT.error;
  // Informational findings (env drift) never fail a job.
  return result.findings.some((f) => f.severity !== 'info') && args.fail ? EXIT.findings : EXIT.clean;
}

interface Publish {
  readonly args: CiArgs;
  readonly io: ReturnType<typeof safeIO>;
  readonly ctx: ActionsContext | undefined;
  readonly root: string;
  readonly target: CiTarget;
  readonly notes: readonly string[];
  readonly note: (line: string) => void;
  readonly configChange: ConfigChange | undefined;
}

/** The SARIF file, the log, the job summary and the step outputs. */
async function publish(result: ScanResult, rules: readonly ReportRule[], p: Publish): Promise<void> {
  const { args, io, ctx, root, target, notes, note, configChange } = p;
  const sarifPath = resolve(io.cwd, args['sarif-output']);
  await mkdir(dirname(sarifPath), { recursive: true }); // `results/keyscan.sarif` in a fresh checkout
  await writeReportFile(sarifPath, render('sarif', { result, rules, reveal: false, version: VERSION, color: false }));
  const unprotected = await reportInRepository(sarifPath);
  if (unprotected !== undefined) {
    note(
      `The SARIF report ${unprotected} is inside the repository and git does not ignore it: a later step that commits could commit it. Write it elsewhere (sarif-output: \${{ runner.temp }}/keyscan.sarif) or add it to .gitignore.`,
    );
  }
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
        ...(configChange !== undefined ? { configChange } : {}),
      }),
    );
  }
  // An incomplete scan sets no outputs (the README promises it): a count of what was read is not a result.
  if (ctx?.output !== undefined && result.errors.length === 0) {
    await appendOutputs(ctx.output, { findings: String(result.findings.length), sarif: sarifPath });
  }
}

/**
 * A pull request's scan, with the base commit's config (or the pull request's, when trusted). When
 * the pull request changes them, a second scan with the other version counts what it silences.
 */
async function scanPullRequest(
  args: CiArgs,
  root: string,
  target: CiTarget & { kind: 'range' },
  scanWith: (version: ConfigVersion) => Promise<ScanOutcome>,
  note: (line: string) => void,
): Promise<{ outcome: ScanOutcome; configChange: ConfigChange | undefined }> {
  const source = {
    root,
    explicit: args.config,
    baseline: args.baseline === undefined ? undefined : resolve(root, args.baseline),
    catalogue: [...builtinRules, ...ENV_CHECK_RULES],
  };
  const pr = await pullRequestConfig(source, target.base, target.head);
  const trustHead = args['trust-pr-config'];
  const outcome = await scanWith(trustHead ? pr.head : pr.base);
  if (pr.changed.length === 0) return { outcome, configChange: undefined };
  const other = await scanWith(trustHead ? pr.base : pr.head);
  const [baseResult, headResult] = trustHead ? [other.result, outcome.result] : [outcome.result, other.result];
  const silenced = missingFrom(baseResult.findings, headResult.findings);
  const files = pr.changed.join(', ');
  note(
    trustHead
      ? `This pull request changes ${files}; the check uses its version (--trust-pr-config), which silences ${plural(silenced, 'finding')} that the base commit's version reports.`
      : `This pull request changes ${files}; the check uses the base commit's version, and the pull request's would silence ${plural(silenced, 'finding')}.`,
  );
  return { outcome, configChange: { files: pr.changed, used: trustHead ? 'pull-request' : 'base', silenced, baseSha: target.base } };
}

interface ScanOutcome {
  readonly result: ScanResult;
  readonly rules: readonly ReportRule[];
}

/** One scan of the target; `version` replaces the work tree's config and baseline when given. */
async function runScan(args: CiArgs, io: CliIO, target: CiTarget, version: ConfigVersion | undefined): Promise<ScanOutcome> {
  // A --baseline file is scanned like any other, but its own hash values are not findings.
  const given = args.baseline === undefined ? [] : [resolve(io.cwd, args.baseline)];
  const prepared = await prepareScan(ciSourceArgs(args), io, given, version?.config);
  // Not a pull request: the work tree's baseline, the config's or the default .keyscan-baseline.json.
  const baseline =
    version !== undefined
      ? version.baseline
      : await readBaseline(
          (args.baseline === undefined ? undefined : resolve(prepared.root, args.baseline)) ??
            prepared.config.baseline ??
            join(prepared.root, DEFAULT_BASELINE_FILE),
          args.baseline === undefined && prepared.config.baseline === undefined,
        );
  const rules: ReportRule[] = [...prepared.rules, ...ENV_CHECK_RULES];
  const options: ScanOptions = { ...prepared.options, ...targetOptions(target), ...baselineScanOptions(baseline) };
  const result = target.kind === 'none' ? emptyResult() : await scan(options);
  return { result, rules };
}

/** How many findings of `reported` the other scan does not report. */
function missingFrom(reported: readonly Finding[], other: readonly Finding[]): number {
  const key = (f: Finding): string => [f.ruleId, f.path, f.startLine, f.startColumn, f.commit ?? '', f.secretHash].join('\0');
  const kept = new Set(other.map(key));
  return reported.filter((f) => !kept.has(key(f))).length;
}

/**
 * Everything `keyscan ci` prints goes through the same filter: secrets masked, control characters
 * escaped and no line a runner would read as a workflow command. Only the commands keyscan means
 * to give (annotations, stop-commands) are written around it, through {@link rawStdout}.
 */
function safeIO(io: CliIO): CliIO & { readonly rawStdout: CliIO['stdout'] } {
  return {
    ...io,
    stdout: { write: (chunk: string) => io.stdout.write(safeOutput(chunk)) },
    stderr: { write: (chunk: string) => io.stderr.write(safeOutput(chunk)) },
    rawStdout: io.stdout,
  };
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
    'include-examples': false,
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
function writeLog(result: ScanResult, rules: readonly ReportRule[], prefix: string, io: ReturnType<typeof safeIO>): void {
  const token = randomBytes(16).toString('hex');
  io.rawStdout.write(`::stop-commands::${token}\n`);
  io.stdout.write(render('text', { result, rules, reveal: false, version: VERSION, color: false }));
  io.rawStdout.write(`::${token}::\n`);
  // Built by workflowCommand, which escapes every property and the message.
  io.rawStdout.write(renderAnnotations(result.findings, rules, { pathPrefix: prefix }));
}

/** An error still reaches the job's page: an annotation and a summary that say what to do. */
async function reportFailure(e: KeyscanError, ctx: ActionsContext, io: CliIO): Promise<void> {
  const message = safeOutput(`${e.message}${e.hint ? `. ${e.hint}` : ''}`);
  io.stdout.write(`${workflowCommand('error', { title: 'keyscan could not scan' }, escapeControl(message))}\n`);
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
