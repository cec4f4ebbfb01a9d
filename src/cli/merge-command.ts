/**
 * `keyscan merge REPORT.json…`: the JSON reports of every shard of a `--shard I/N` audit, as the
 * one report a single run would have made, in any format. Exit codes as for a scan.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { builtinRules } from '../../rules/index.js';
import { ENV_CHECK_RULES } from '../checks/rules.js';
import { KeyscanError, systemErrorCode } from '../errors.js';
import { mergeShards, type ShardReport } from '../modes/merge.js';
import type { ReportRule } from '../report/context.js';
import type { ReportFormat } from '../report/formats.js';
import { render } from '../report/render.js';
import { safeOutput } from '../report/scrub.js';
import { foundSummary, plural } from '../report/text.js';
import { Secret } from '../secret.js';
import type { Finding, ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import type { CliIO } from './io.js';
import { writeReportFile } from './output.js';
import { checkReportTargets, reportOptions, resultExit } from './report-args.js';
import { usage, withCwd } from './source-options.js';

export interface MergeArgs {
  reports: string[];
  format: string[];
  output: string[];
  cwd: string | undefined;
}

export function mergeOptions<T>(y: Argv<T>) {
  return reportOptions(y, { default: ['text'] })
    .positional('reports', { type: 'string', array: true, default: [] as string[], describe: 'the JSON report of each shard' })
    .option('cwd', { alias: 'C', type: 'string', describe: 'run as if started in DIR (like git -C)' });
}

export async function mergeCommand(args: MergeArgs, outer: CliIO): Promise<number> {
  const io = await withCwd(args, outer);
  const formats = args.format as ReportFormat[];
  checkReportTargets(formats, args.output);
  const reports: ShardReport[] = [];
  for (const file of args.reports) reports.push({ name: file, result: await readReport(resolve(io.cwd, file), file) });
  const result = mergeShards(reports);
  const rules = reportRules(result.findings);
  for (const warning of result.warnings) io.stderr.write(safeOutput(`keyscan: warning: ${warning}\n`));
  for (const [i, format] of formats.entries()) {
    // Never revealed: the shards' reports are redacted unless they were made with --no-redact, and a merge adds nothing.
    const content = render(format, { result, rules, reveal: false, version: VERSION, color: false });
    const file = args.output[i];
    if (file === undefined) io.stdout.write(content);
    else await writeReportFile(resolve(io.cwd, file), content);
  }
  if (!formats.some((f, i) => f === 'text' && args.output[i] === undefined)) {
    io.stderr.write(
      `keyscan: merged ${plural(reports.length, 'shard')}: ${foundSummary(result.findings)} in ${plural(result.stats.commitsScanned ?? 0, 'commit')}\n`,
    );
  }
  return resultExit(result);
}

/** The catalogue's and the checks' rules, and for a config's own rules what their findings say. */
function reportRules(findings: readonly Finding[]): ReportRule[] {
  const rules = new Map<string, ReportRule>([...builtinRules, ...ENV_CHECK_RULES].map((r) => [r.id, r]));
  for (const f of findings) {
    if (!rules.has(f.ruleId)) rules.set(f.ruleId, { id: f.ruleId, description: f.message, provider: 'custom', severity: f.severity });
  }
  return [...rules.values()];
}

async function readReport(path: string, name: string): Promise<ScanResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new KeyscanError('E_USAGE', `cannot read ${name}: ${systemErrorCode(e) ?? String(e)}`, {
      hint: "Give the path of each shard's JSON report (keyscan --history --shard I/N -f json -o FILE).",
      cause: e,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw notAReport(name, 'it is not JSON');
  }
  return toResult(parsed, name);
}

function notAReport(name: string, why: string): KeyscanError {
  return usage(`${name} is not a keyscan JSON report: ${why}`, 'Merge the reports of keyscan --history --shard I/N -f json.');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A report's JSON, checked for the fields a merge reads; a finding's secret is never taken from it. */
function toResult(json: unknown, name: string): ScanResult {
  if (!isObject(json) || !Array.isArray(json.findings) || !isObject(json.stats) || !Array.isArray(json.errors)) {
    throw notAReport(name, 'findings, stats or errors are missing');
  }
  const findings = json.findings.map((f, i): Finding => {
    const fields = ['ruleId', 'path', 'secretHash', 'source', 'severity', 'message', 'redacted', 'fingerprint'];
    if (!isObject(f) || fields.some((k) => typeof f[k] !== 'string') || typeof f.startLine !== 'number') {
      throw notAReport(name, `finding ${i + 1} lacks a rule, path, secret hash or position`);
    }
    const { secret: _secret, ...rest } = f;
    return { ...(rest as unknown as Omit<Finding, 'secret'>), secret: new Secret('') };
  });
  const shard = json.shard;
  if (shard !== undefined) {
    const numbers = ['index', 'count', 'start', 'end', 'total'];
    if (!isObject(shard) || numbers.some((k) => typeof shard[k] !== 'number') || typeof shard.commits !== 'string') {
      throw notAReport(name, 'its shard record is incomplete');
    }
    if (typeof shard.scan !== 'string' || !isObject(shard.order)) throw notAReport(name, 'its shard record is incomplete');
  }
  return {
    ...(json as unknown as ScanResult),
    findings,
    warnings: Array.isArray(json.warnings) ? (json.warnings as string[]) : [],
  };
}
