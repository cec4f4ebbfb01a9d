/**
 * The command line. Exit codes: 0 nothing found, 1 findings, 2 error (bad flag, unreadable path,
 * invalid config, anything not scanned). An error is never reported as clean.
 *
 * This module alone parses argv, prints and decides the exit code; everything it calls throws
 * typed errors instead.
 */
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type yargsFactory from 'yargs/yargs';
import { builtinRules } from '../../rules/index.js';
import type { RuleSpec } from '../catalogue/spec.js';
import { effectiveRules, loadConfig } from '../config/load.js';
import { isKeyscanError, KeyscanError } from '../errors.js';
import { workTreeRoot } from '../git/repo.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/context.js';
import { render } from '../report/render.js';
import { plural } from '../report/text.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanProgress, scan } from '../scan.js';
import type { ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import { type CiArgs, ciCommand, ciOptions } from './ci.js';
import { type InitArgs, initCommand, initOptions } from './init.js';
import { type CliIO, EXIT, processIO } from './io.js';
import { writeReportFile } from './output.js';
import { ProgressLine } from './progress.js';
import { parseSize } from './size.js';

// yargs' CommonJS build loads in about half the time of its ESM build (11 ms against 20–25 ms
// measured on Node 20), and every pre-commit run pays it.
const yargs = createRequire(import.meta.url)('yargs/yargs') as typeof yargsFactory;

interface ScanArgs {
  paths: string[];
  format: string[];
  output: string[];
  stdin: boolean;
  'stdin-name': string;
  'max-file-size': string;
  redact: boolean;
  threads: number | undefined;
  config: string | undefined;
  color: boolean | undefined;
  staged: boolean;
  range: string | undefined;
  since: string | undefined;
  history: boolean;
  'include-stash': boolean;
  progress: boolean | undefined;
  cwd: string | undefined;
}

interface RulesArgs {
  json: boolean;
}

/** Runs keyscan with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.clean;
  let helpText: string | undefined;
  const parser = yargs([...argv])
    .scriptName('keyscan')
    .usage('$0 [paths..]\n\nFind API keys, tokens and private keys in files, directories or standard input.')
    .command<ScanArgs>(
      '$0 [paths..]',
      'scan files and directories (default: the current directory)',
      (y) =>
        y
          .positional('paths', { type: 'string', array: true, default: [], describe: 'files and directories to scan' })
          .option('format', {
            alias: 'f',
            type: 'string',
            array: true,
            nargs: 1, // one value per flag: `-f json src/` must not read src/ as a format
            default: ['text'],
            choices: REPORT_FORMATS,
            describe: 'report format; repeat for several reports',
          })
          .option('output', {
            alias: 'o',
            type: 'string',
            array: true,
            nargs: 1,
            default: [],
            describe: 'write the report to FILE; the n-th --output goes with the n-th --format',
          })
          .option('staged', { type: 'boolean', default: false, describe: 'scan the changes staged for commit (pre-commit hooks)' })
          .option('range', { type: 'string', describe: 'scan every commit of BASE..HEAD, each commit on its own' })
          .option('since', { type: 'string', describe: 'scan every commit of REF..HEAD (same as --range REF..HEAD)' })
          .option('history', { type: 'boolean', default: false, describe: 'audit every commit reachable from every branch and tag' })
          .option('include-stash', { type: 'boolean', default: false, describe: 'with --history: also scan stashes' })
          .option('progress', {
            type: 'boolean',
            describe: 'progress on stderr (default: on a terminal, not in CI); --no-progress turns it off',
          })
          .option('cwd', { alias: 'C', type: 'string', describe: 'run as if started in DIR (like git -C)' })
          .option('stdin', { type: 'boolean', default: false, describe: 'scan standard input instead of files' })
          .option('stdin-name', { type: 'string', default: 'stdin', describe: 'path to report for standard input' })
          .option('max-file-size', {
            type: 'string',
            default: String(DEFAULT_MAX_FILE_SIZE),
            describe: 'skip (and count) larger files; bytes or 5MB, 512KiB…',
          })
          .option('redact', { type: 'boolean', default: true, describe: 'mask secrets in reports; --no-redact shows them in full' })
          .option('threads', { type: 'number', describe: 'worker threads (default: one per core)' })
          .option('config', { alias: 'c', type: 'string', describe: 'config file (default: .keyscan.json at the repository root)' })
          .option('color', {
            type: 'boolean',
            describe: 'colour the text report (default: when stdout is a terminal and NO_COLOR is unset)',
          }),
      async (args) => {
        code = await scanCommand(args, io);
      },
    )
    .command<InitArgs>('init', 'set up a pre-commit hook (husky) that runs keyscan --staged', initOptions, async (args) => {
      code = await initCommand(args, io);
    })
    .command<CiArgs>(
      'ci',
      'scan in CI: the commits of a pull request or push, with SARIF, annotations and a job summary',
      ciOptions,
      async (args) => {
        code = await ciCommand(args, io);
      },
    )
    .command<RulesArgs>(
      'rules',
      'list the rule catalogue',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print every rule field as JSON' }),
      (args) => {
        code = rulesCommand(args, io);
      },
    )
    .strict()
    .help()
    .alias('h', 'help')
    .version(VERSION)
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      // Throwing stops yargs before any command runs: a bad flag must never start a scan.
      throw err ?? usage(msg, 'Run keyscan --help for usage.');
    });
  try {
    await parser.parseAsync([...argv], {}, (_err, _args, output) => {
      if (output) helpText = output;
    });
  } catch (e) {
    return reportError(e, io);
  }
  if (helpText !== undefined) io.stdout.write(`${helpText}\n`);
  return code;
}

async function scanCommand(args: ScanArgs, outer: CliIO): Promise<number> {
  const io: CliIO = args.cwd === undefined ? outer : { ...outer, cwd: await directory(resolve(outer.cwd, args.cwd)) };
  const formats = args.format as ReportFormat[];
  if (args.output.length > formats.length) {
    throw usage(`${args.output.length} --output given for ${formats.length} --format`, 'Give one --format before each --output.');
  }
  const toStdout = formats.filter((_f, i) => args.output[i] === undefined);
  if (toStdout.length > 1) throw usage('more than one report would go to stdout', 'Give an --output for each --format but one.');
  const maxFileSize = parseSize(args['max-file-size']);
  if (maxFileSize === undefined)
    throw usage(`--max-file-size "${args['max-file-size']}" is not a size`, 'Use bytes or a unit: 5MB, 512KiB.');
  if (args.threads !== undefined && (!Number.isInteger(args.threads) || args.threads < 0 || args.threads > 256)) {
    throw usage('--threads must be a whole number from 0 to 256', 'Use 0 to scan on the main thread only.');
  }
  const modes = (['stdin', 'staged', 'range', 'since', 'history'] as const).filter((m) => args[m] !== undefined && args[m] !== false);
  if (modes.length > 1) throw usage(`--${modes[0]} and --${modes[1]} cannot be combined`, 'Choose one source per run.');
  if (modes.length === 1 && args.paths.length > 0)
    throw usage(`--${modes[0]} does not take paths`, 'Scan either paths or one of --stdin, --staged, --range, --history.');
  if (args['include-stash'] && !args.history) throw usage('--include-stash goes with --history', 'Add --history.');
  const range = args.since !== undefined ? `${args.since}..HEAD` : args.range;

  const root = (await workTreeRoot(io.cwd)) ?? io.cwd;
  const config = await loadConfig(root, args.config, new Set(builtinRules.map((r) => r.id)));
  const rules = effectiveRules(builtinRules, config);
  const progress = args.progress ?? (io.stderrIsTTY && io.env.CI === undefined);
  const display = progress && !args.stdin && !args.staged ? new ProgressLine(io.stderr) : undefined;
  const result = await scan({
    cwd: io.cwd,
    paths: args.paths,
    ...(args.stdin ? { stdin: { stream: io.stdin, name: args['stdin-name'] } } : {}),
    staged: args.staged,
    history: args.history,
    includeStash: args['include-stash'],
    ...(range !== undefined ? { range } : {}),
    ...(display ? { onProgress: (p: ScanProgress) => display.update(p) } : {}),
    maxFileSize,
    ...(args.threads !== undefined ? { threads: args.threads } : {}),
    exclude: config.exclude,
    rules,
  }).finally(() => display?.clear());
  for (const warning of result.warnings) io.stderr.write(`keyscan: warning: ${warning}\n`);
  await writeReports(result, rules, formats, args, io);
  if (result.errors.length > 0) return EXIT.error;
  return result.findings.length > 0 ? EXIT.findings : EXIT.clean;
}

async function writeReports(
  result: ScanResult,
  rules: readonly RuleSpec[],
  formats: ReportFormat[],
  args: ScanArgs,
  io: CliIO,
): Promise<void> {
  const colorWanted = args.color ?? (io.stdoutIsTTY && io.env.NO_COLOR === undefined);
  let textOnStdout = false;
  for (const [i, format] of formats.entries()) {
    const file = args.output[i];
    const color = file === undefined && format === 'text' && colorWanted;
    const content = render(format, { result, rules, reveal: !args.redact, version: VERSION, color });
    if (file === undefined) {
      io.stdout.write(content);
      textOnStdout ||= format === 'text';
    } else {
      await writeReportFile(file, content);
    }
  }
  if (!textOnStdout) {
    const n = result.findings.length;
    const found = n === 0 ? 'no secrets found' : `${plural(n, 'secret')} found`;
    const incomplete =
      result.errors.length > 0 ? `scan incomplete (${plural(result.errors.length, 'path')} could not be scanned; see the report): ` : '';
    const scope =
      result.stats.commitsScanned !== undefined ? plural(result.stats.commitsScanned, 'commit') : plural(result.stats.filesScanned, 'file');
    io.stderr.write(`keyscan: ${incomplete}${found} in ${scope}\n`);
  }
}

function rulesCommand(args: RulesArgs, io: CliIO): number {
  if (args.json) {
    const rules = builtinRules.map((r) => ({
      ...r,
      regex: r.regex instanceof RegExp ? r.regex.source : r.regex,
      flags: r.regex instanceof RegExp ? r.regex.flags : '',
    }));
    io.stdout.write(`${JSON.stringify({ version: VERSION, rules }, (_k, v: unknown) => (v instanceof RegExp ? v.source : v), 2)}\n`);
    return EXIT.clean;
  }
  const width = Math.max(...builtinRules.map((r) => r.id.length));
  const providerWidth = Math.max(...builtinRules.map((r) => r.provider.length));
  for (const r of builtinRules) {
    io.stdout.write(`${r.id.padEnd(width)}  ${r.provider.padEnd(providerWidth)}  ${r.severity.padEnd(8)}  ${r.description}\n`);
  }
  io.stdout.write(`\n${builtinRules.length} rules\n`);
  return EXIT.clean;
}

async function directory(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw usage(`--cwd ${path} is not a directory`, 'Give the path of the repository to scan.');
  return path;
}

function usage(message: string, hint: string): KeyscanError {
  return new KeyscanError('E_USAGE', message, { hint });
}

/** Prints an error without its stack (a stack can quote scanned text) and returns exit code 2. */
function reportError(e: unknown, io: CliIO): number {
  if (isKeyscanError(e)) {
    io.stderr.write(`keyscan: error: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
  } else {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error';
    io.stderr.write(`keyscan: internal error: ${what}\nThis is a bug; please report it. Nothing was reported as clean.\n`);
  }
  return EXIT.error;
}
