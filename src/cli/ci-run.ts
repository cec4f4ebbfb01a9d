/**
 * `keyscan ci`, the work (loaded only when the command runs), the same for every CI provider: the
 * provider (src/ci/providers.ts) plans what its event asks for, target.ts completes a shallow
 * clone, the scan runs with the config a plain `keyscan` run would use (a pull or merge request's
 * with its base commit's), the SARIF file is written, and the provider publishes the results.
 * Exit codes as everywhere (0 clean, 1 findings, 2 error).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { chooseBaseline } from '../baseline/choice.js';
import { baselineScanOptions, readChosenBaseline } from '../baseline/io.js';
import { ENV_CHECK_RULES } from '../checks/rules.js';
import { committedCache, historyCacheDir, historyCacheNote } from '../ci/history-cache.js';
import type { CiMode, CiPlan, ConfigChange } from '../ci/plan.js';
import { type ConfigVersion, pullRequestConfig } from '../ci/pr-config.js';
import type { CiJob, CiOutput } from '../ci/provider.js';
import { selectProvider } from '../ci/providers.js';
import { type CiTarget, resolveTarget } from '../ci/target.js';
import { isKeyscanError } from '../errors.js';
import { requireRepository } from '../git/history.js';
import { workTreeRoot } from '../git/repo.js';
import type { ReportRule } from '../report/context.js';
import { foundLine } from '../report/found-line.js';
import { render } from '../report/render.js';
import { safeOutput, scrub } from '../report/scrub.js';
import { plural } from '../report/text.js';
import { type ScanOptions, scan } from '../scan.js';
import { KNOWN_RULES, loadScanConfig, scanOptionsFor } from '../scan-options.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import { type CliIO, EXIT } from './io.js';
import { reportInRepository, writeReportFile } from './output.js';

/** The flags of `keyscan ci` (declared in ci.ts). */
export interface CiArgs {
  provider: string;
  mode: string;
  'sarif-output': string | undefined;
  'report-dir': string | undefined;
  fail: boolean;
  fetch: boolean;
  remote: string;
  config: string | undefined;
  threads: number | undefined;
  cwd: string | undefined;
  'trust-pr-config': boolean;
  baseline: string | undefined;
  'cache-dir': string | undefined;
}

export async function runCiCommand(args: CiArgs, io: CliIO): Promise<number> {
  const provider = selectProvider(args.provider, io.env);
  const job = await provider.open(io.env, io.cwd);
  const out = ciOutput(io);
  try {
    return await runCi(args, io, job, out);
  } catch (e) {
    if (isKeyscanError(e)) await job.publishFailure(e, out, reportDir(args, io, job));
    throw e;
  }
}

async function runCi(args: CiArgs, outer: CliIO, job: CiJob, out: CiOutput): Promise<number> {
  const io: CliIO = { ...outer, stdout: out.stdout, stderr: out.stderr };
  const cwd = resolve(io.cwd, args.cwd ?? '.');
  await requireRepository(cwd);
  const root = (await workTreeRoot(cwd)) ?? cwd;
  // A relative --config is taken from the -C directory, by the scan and by a pull request's check alike.
  const configFile = args.config === undefined ? undefined : resolve(cwd, args.config);
  const mode = args.mode as CiMode;
  const plan: CiPlan = job.plan(mode);
  const notes: string[] = [];
  const note = (line: string): void => {
    notes.push(line);
    io.stderr.write(`keyscan: ${line}\n`);
  };
  io.stderr.write(`keyscan: ${job.trigger ? `${job.trigger}: ` : ''}scanning ${plan.label}\n`);
  const target = await resolveTarget(plan, { root, remote: args.remote, fetch: args.fetch, note, fetchHint: job.fetchHint });

  // The same config, allowlists, env checks and baseline as a plain `keyscan` run in this directory,
  // except on a pull or merge request, whose check uses the base commit's (see ci/pr-config.ts).
  let cacheDir = target.kind === 'history' ? historyCacheDir(args['cache-dir'], io.cwd) : undefined;
  const committed = cacheDir === undefined ? undefined : await committedCache(root, cacheDir);
  if (committed !== undefined) {
    note(committed);
    cacheDir = undefined;
  }
  const scanWith = (version: ConfigVersion | undefined) => runScan(args, { cwd, root, configFile, cacheDir }, target, version);
  const { outcome, configChange } =
    plan.kind === 'range' && plan.pullRequest === true && target.kind === 'range'
      ? await scanRequest(args, { root, configFile }, target, job, scanWith, note)
      : { outcome: await scanWith(undefined), configChange: undefined };
  const { rules } = outcome;
  const result: ScanResult = { ...outcome.result, warnings: outcome.result.warnings.map(scrub) };
  for (const warning of result.warnings) io.stderr.write(`keyscan: warning: ${warning}\n`);
  if (cacheDir !== undefined) note(historyCacheNote(result, cacheDir));

  const sarifShown = args['sarif-output'] ?? job.defaultSarif;
  const sarif = sarifShown === undefined ? undefined : { path: resolve(io.cwd, sarifShown), shown: sarifShown };
  if (sarif !== undefined) {
    await out.writeReport(sarif.path, render('sarif', { result, rules, reveal: false, version: VERSION, color: false }));
    const unprotected = await reportInRepository(sarif.path);
    if (unprotected !== undefined) {
      note(
        `The SARIF report ${unprotected} is inside the repository and git does not ignore it: a later step that commits could commit it. ${job.reportInRepoHint}`,
      );
    }
  }
  await job.publish(
    { result, rules, root, target, notes, configChange, sarif, reportDir: reportDir(args, io, job), version: VERSION },
    out,
  );
  io.stderr.write(`keyscan: ${foundLine(result, 'listed above')}${sarif ? `; SARIF: ${sarif.shown}` : ''}\n`);
  if (result.errors.length > 0) return EXIT.error;
  // Informational findings (env drift) never fail a job.
  return result.findings.some((f) => f.severity !== 'info') && args.fail ? EXIT.findings : EXIT.clean;
}

/**
 * A pull or merge request's scan, with the base commit's config (or the request's, when trusted).
 * When the request changes them, a second scan with the other version counts what it silences.
 */
async function scanRequest(
  args: CiArgs,
  where: { readonly root: string; readonly configFile: string | undefined },
  target: CiTarget & { kind: 'range' },
  job: CiJob,
  scanWith: (version: ConfigVersion) => Promise<ScanOutcome>,
  note: (line: string) => void,
): Promise<{ outcome: ScanOutcome; configChange: ConfigChange | undefined }> {
  const { root, configFile } = where;
  const source = {
    root,
    explicit: configFile,
    baseline: args.baseline === undefined ? undefined : resolve(root, args.baseline),
    catalogue: KNOWN_RULES,
    fetchHint: job.fetchHint,
    warn: note,
  };
  const pr = await pullRequestConfig(source, target.base, target.head);
  const trustHead = args['trust-pr-config'];
  const outcome = await scanWith(trustHead ? pr.head : pr.base);
  if (pr.changed.length === 0) return { outcome, configChange: undefined };
  const other = await scanWith(trustHead ? pr.base : pr.head);
  const [baseResult, headResult] = trustHead ? [other.result, outcome.result] : [outcome.result, other.result];
  const silenced = missingFrom(baseResult.findings, headResult.findings);
  const files = pr.changed.join(', ');
  const request = job.requestNoun;
  note(
    trustHead
      ? `This ${request} changes ${files}; the check uses its version (--trust-pr-config), which silences ${plural(silenced, 'finding')} that the base commit's version reports.`
      : `This ${request} changes ${files}; the check uses the base commit's version, and the ${request}'s would silence ${plural(silenced, 'finding')}.`,
  );
  return { outcome, configChange: { files: pr.changed, used: trustHead ? 'pull-request' : 'base', silenced, baseSha: target.base } };
}

interface ScanOutcome {
  readonly result: ScanResult;
  readonly rules: readonly ReportRule[];
}

/** One scan of the target; `version` replaces the work tree's config and baseline when given. */
async function runScan(
  args: CiArgs,
  where: { readonly cwd: string; readonly root: string; readonly configFile: string | undefined; readonly cacheDir: string | undefined },
  target: CiTarget,
  version: ConfigVersion | undefined,
): Promise<ScanOutcome> {
  const { cwd, root, configFile, cacheDir } = where;
  // A --baseline is taken from the repository root (as on a pull request).
  const given = args.baseline === undefined ? undefined : resolve(root, args.baseline);
  const config = version?.config ?? (await loadScanConfig(root, configFile));
  // Not a pull request: the work tree's baseline, the config's or the default .keyscan-baseline.json.
  let baseline = version?.baseline;
  const warnings: string[] = [];
  if (version === undefined) {
    const choice = chooseBaseline(root, given, config.baseline);
    baseline = await readChosenBaseline(choice, (m) => warnings.push(m));
  }
  // A --baseline file is scanned like any other, but its own hash values are not findings.
  const configured = scanOptionsFor(config, { root, baselineFiles: given === undefined ? [] : [given] });
  const options: ScanOptions = {
    ...configured.options,
    cwd,
    ...(args.threads !== undefined ? { threads: args.threads } : {}),
    ...targetOptions(target),
    ...(cacheDir === undefined ? {} : { cache: { dir: cacheDir } }),
    ...baselineScanOptions(baseline),
  };
  const rules: ReportRule[] = [...configured.rules, ...ENV_CHECK_RULES];
  const scanned = target.kind === 'none' ? emptyResult() : await scan(options);
  const result = warnings.length === 0 ? scanned : { ...scanned, warnings: [...warnings, ...scanned.warnings] };
  return { result, rules };
}

/** How many findings of `reported` the other scan does not report. */
function missingFrom(reported: readonly Finding[], other: readonly Finding[]): number {
  const key = (f: Finding): string => [f.ruleId, f.path, f.startLine, f.startColumn, f.commit ?? '', f.secretHash].join('\0');
  const kept = new Set(other.map(key));
  return reported.filter((f) => !kept.has(key(f))).length;
}

/**
 * Everything `keyscan ci` prints goes through the same filter as the CLI's messages (safeOutput):
 * secrets masked, control characters escaped and no line a runner would read as a command. Only
 * the commands a provider means to give are written around it, through `rawStdout`.
 */
function ciOutput(io: CliIO): CiOutput {
  return {
    stdout: { write: (chunk: string) => io.stdout.write(safeOutput(chunk)) },
    stderr: { write: (chunk: string) => io.stderr.write(safeOutput(chunk)) },
    rawStdout: io.stdout,
    writeReport: async (path, content) => {
      await mkdir(dirname(path), { recursive: true }); // `results/keyscan.sarif` in a fresh checkout
      await writeReportFile(path, content);
    },
  };
}

/** Where provider report files go: --report-dir, else the provider's place (GitLab: CI_PROJECT_DIR), else here. */
function reportDir(args: CiArgs, io: CliIO, job: CiJob): string {
  return resolve(io.cwd, args['report-dir'] ?? job.reportDir ?? '.');
}

/** The scan a CI target asks for, on top of the config's options. */
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
