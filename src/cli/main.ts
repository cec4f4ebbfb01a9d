/**
 * The command line. Exit codes: 0 nothing found, 1 findings, 2 error (bad flag, unreadable path,
 * invalid config, anything not scanned). An error is never reported as clean.
 *
 * This module alone parses argv, prints and decides the exit code; everything it calls throws
 * typed errors instead.
 */

import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type yargsFactory from 'yargs/yargs';
import { builtinRules } from '../../rules/index.js';
import { chooseBaseline } from '../baseline/choice.js';
import { baselineScanOptions, readChosenBaseline } from '../baseline/io.js';
import { ENV_CHECK_RULES } from '../checks/rules.js';
import { closest } from '../config/schema-check.js';
import { redactPrefix } from '../engine/redact.js';
import { isKeyscanError } from '../errors.js';
import { remoteUrl } from '../git/remote-url.js';
import { parseShard, type ShardSpec } from '../modes/shard.js';
import type { ReportRule } from '../report/context.js';
import { forgeOf } from '../report/forge.js';
import { type ReportFormat, reporter } from '../report/formats.js';
import { foundLine } from '../report/found-line.js';
import { render } from '../report/render.js';
import { safeOutput } from '../report/scrub.js';
import { plural } from '../report/text.js';
import { scan } from '../scan.js';
import type { ScanResult } from '../types.js';
import { VERSION } from '../version.js';
import { type BaselineArgs, baselineCommand, baselineOptions } from './baseline-command.js';
import { type CiArgs, ciCommand, ciOptions } from './ci.js';
import { cliThread } from './cli-thread.js';
import { type ConfigArgs, configCommand, configOptions } from './config-command.js';
import { fastScanArgs } from './fast-args.js';
import { type InitArgs, initCommand, initOptions } from './init.js';
import { type CliIO, EXIT, processIO } from './io.js';
import { type MergeArgs, mergeCommand, mergeOptions } from './merge-command.js';
import { reportInRepository, writeReportFile } from './output.js';
import { rewriteRedact } from './redact-flag.js';
import { checkReportTargets, resultExit } from './report-args.js';
import { type ScanArgs, scanOptions } from './scan-command.js';
import { prepareScan, sourceOptions, usage, withCwd } from './source-options.js';

// yargs' CommonJS build loads in about half the time of its ESM build (11 ms against 20–25 ms
// measured on Node 20); loaded on first use, so the pre-commit fast path does not pay it at all.
function loadYargs(): typeof yargsFactory {
  return createRequire(import.meta.url)('yargs/yargs') as typeof yargsFactory;
}

interface RulesArgs {
  json: boolean;
}

/** Runs keyscan with `argv` (without node and script) and returns the exit code. */
export async function run(given: readonly string[], io: CliIO = processIO()): Promise<number> {
  let argv: string[];
  try {
    argv = rewriteRedact(given);
  } catch (e) {
    return reportError(e, io);
  }
  const fast = fastScanArgs(argv);
  if (fast !== undefined) {
    try {
      return await scanCommand(fast, io);
    } catch (e) {
      return reportError(e, io);
    }
  }
  let code: number = EXIT.clean;
  let helpText: string | undefined;
  // The command being parsed, as its builder left it: the flags a typo is compared with.
  let active: { getOptions(): { key: Record<string, unknown> } } | undefined;
  const track = <Y>(y: Y): Y => {
    active = y as unknown as typeof active;
    return y;
  };
  const parser = loadYargs()([...argv])
    .scriptName('keyscan')
    .parserConfiguration({ 'populate--': true })
    .usage('$0 [paths..]\n\nFind API keys, tokens and private keys in files, directories or standard input.')
    .command<ScanArgs>(
      '$0 [paths..]',
      'scan files and directories (default: the current directory)',
      (y) => track(scanOptions(y)),
      async (args) => {
        code = await scanCommand(args, io);
      },
    )
    .command<BaselineArgs>(
      'baseline [paths..]',
      'record the current findings as accepted, in a baseline file',
      (y) => track(baselineOptions(sourceOptions(y))),
      async (args) => {
        code = await baselineCommand(args, io);
      },
    )
    .command<ConfigArgs>(
      'config',
      'check the config file; --print shows the effective config',
      (y) => track(configOptions(y)),
      async (args) => {
        code = await configCommand(args, io);
      },
    )
    .command<InitArgs>(
      'init',
      'set up a pre-commit hook (husky) that runs keyscan --staged',
      (y) => track(initOptions(y)),
      async (args) => {
        code = await initCommand(args, io);
      },
    )
    .command<CiArgs>(
      'ci',
      'scan in CI: the commits of a pull request or push, with SARIF, annotations and a job summary',
      (y) => track(ciOptions(y)),
      async (args) => {
        code = await ciCommand(args, io);
      },
    )
    .command<MergeArgs>(
      'merge [reports..]',
      'combine the JSON reports of every --shard I/N of an audit into one report',
      (y) => track(mergeOptions(y)),
      async (args) => {
        code = await mergeCommand(args, io);
      },
    )
    .command<RulesArgs>(
      'rules',
      'list the rule catalogue',
      (y) => track(y.option('json', { type: 'boolean', default: false, describe: 'print every rule field as JSON' })),
      (args) => {
        code = rulesCommand(args, io);
      },
    )
    .strict()
    .help()
    .alias('h', 'help')
    .version(VERSION)
    .alias('v', 'version')
    .wrap(Math.min(100, cliThread()?.columns ?? process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      // Throwing stops yargs before any command runs: a bad flag must never start a scan.
      throw err ?? usage(msg, unknownFlagHint(msg, Object.keys(active?.getOptions().key ?? {})) ?? 'Run keyscan --help for usage.');
    });
  try {
    await parser.parseAsync([...argv], {}, (_err, _args, output) => {
      if (output) helpText = output;
    });
  } catch (e) {
    return reportError(e, io, argv.includes('--debug'));
  }
  if (helpText !== undefined) io.stdout.write(`${helpText}\n`);
  return code;
}

async function scanCommand(args: ScanArgs, outer: CliIO): Promise<number> {
  const io = await withCwd(args, outer);
  const baselineFile = typeof args.baseline === 'string' ? resolve(io.cwd, args.baseline) : undefined;
  const { root, config, rules, options, done } = await prepareScan(args, io, baselineFile ? [baselineFile] : []);
  const formats = (args.format.length > 0 ? args.format : [config.format ?? 'text']) as ReportFormat[];
  checkReportTargets(formats, args.output);
  // The file `keyscan baseline` writes by default is read by default, so its advice works as printed.
  const choice = args.baseline === false ? undefined : chooseBaseline(root, baselineFile, config.baseline);
  const baseline =
    choice === undefined ? undefined : await readChosenBaseline(choice, (m) => io.stderr.write(safeOutput(`keyscan: warning: ${m}\n`)));
  const result = await scan({
    ...options,
    ...baselineScanOptions(baseline),
    reportUnusedAllows: args['report-unused-allows'],
    ...shardOption(args.shard),
    ...cacheOption(args, io.cwd),
  }).finally(done);
  for (const warning of result.warnings) io.stderr.write(safeOutput(`keyscan: warning: ${warning}\n`));
  const shown = args['redact-prefix'] === undefined ? result : withPrefixShown(result, args['redact-prefix']);
  await writeReports(shown, [...rules, ...ENV_CHECK_RULES], formats, args, io, root);
  return resultExit(result);
}

async function writeReports(
  result: ScanResult,
  rules: readonly ReportRule[],
  formats: ReportFormat[],
  args: ScanArgs,
  io: CliIO,
  root: string,
): Promise<void> {
  const colorWanted = args.color ?? (io.stdoutIsTTY && io.env.NO_COLOR === undefined);
  let textOnStdout = false;
  // Only reports that link to the forge pay for the remote's lookup.
  const forge = formats.some((f) => reporter(f).links) ? forgeOf(await remoteUrl(root)) : undefined;
  for (const [i, format] of formats.entries()) {
    const file = args.output[i];
    const color = file === undefined && format === 'text' && colorWanted;
    const content = render(format, {
      result,
      rules,
      reveal: !args.redact,
      version: VERSION,
      color,
      staged: args.staged,
      prePush: args['pre-push'] !== undefined,
      ...(forge ? { forge } : {}),
    });
    if (file === undefined) {
      io.stdout.write(content);
      textOnStdout ||= format === 'text';
    } else {
      // Like git -C: relative to the -C directory, for writing and for the check alike.
      const path = resolve(io.cwd, file);
      await writeReportFile(path, content);
      const unprotected = await reportInRepository(path);
      if (unprotected !== undefined) {
        io.stderr.write(
          safeOutput(
            `keyscan: warning: the report ${unprotected} is inside the repository and git does not ignore it; add it to .gitignore so it is not committed by accident\n`,
          ),
        );
      }
    }
  }
  if (!textOnStdout) {
    const unused = result.unusedAllows?.length ? `; ${plural(result.unusedAllows.length, 'keyscan:allow comment')} silenced nothing` : '';
    io.stderr.write(`keyscan: ${foundLine(result, 'see the report')}${unused}\n`);
  }
}

/** `--redact=N`: every secret shown by its first N characters instead of the rule's prefix (checks hold no value to show). */
function withPrefixShown(result: ScanResult, keep: number): ScanResult {
  const findings = result.findings.map((f) => (f.source === 'check' ? f : { ...f, redacted: redactPrefix(f.secret.reveal(), keep) }));
  return { ...result, findings };
}

function cacheOption(args: ScanArgs, cwd: string): { cache?: { dir?: string } } {
  const dir = args['cache-dir'] === undefined ? undefined : resolve(cwd, args['cache-dir']);
  if (!args.cache) {
    if (dir !== undefined) throw usage('--no-cache and --cache-dir cannot be combined', 'Choose one.');
    return {};
  }
  // Given without --history, the scan refuses it (see validateOptions); other modes have no cache.
  if (!args.history && dir === undefined) return {};
  return { cache: dir === undefined ? {} : { dir } };
}

function shardOption(text: string | undefined): { shard?: ShardSpec } {
  if (text === undefined) return {};
  const shard = parseShard(text);
  if (shard === undefined) throw usage(`--shard "${text}" is not a part of a number of parts`, 'Use I/N, for example --shard 2/4.');
  return { shard };
}

function rulesCommand(args: RulesArgs, io: CliIO): number {
  if (args.json) {
    const rules = builtinRules.map((r) => ({
      ...r,
      regex: r.regex instanceof RegExp ? r.regex.source : r.regex,
      flags: r.regex instanceof RegExp ? r.regex.flags : '',
      // As a config file would write it: a leading (?i) keeps the case-insensitivity.
      ...(r.path instanceof RegExp ? { path: `${r.path.flags.includes('i') ? '(?i)' : ''}${r.path.source}` } : {}),
    }));
    const checks = ENV_CHECK_RULES.map((r) => ({ ...r, kind: 'check' }));
    io.stdout.write(
      `${JSON.stringify({ version: VERSION, rules, checks }, (_k, v: unknown) => (v instanceof RegExp ? v.source : v), 2)}\n`,
    );
    return EXIT.clean;
  }
  const listed: readonly ReportRule[] = [...builtinRules, ...ENV_CHECK_RULES];
  const width = Math.max(...listed.map((r) => r.id.length));
  const providerWidth = Math.max(...listed.map((r) => r.provider.length));
  for (const r of listed) {
    io.stdout.write(`${r.id.padEnd(width)}  ${r.provider.padEnd(providerWidth)}  ${r.severity.padEnd(8)}  ${r.description}\n`);
  }
  io.stdout.write(`\n${builtinRules.length} rules, ${ENV_CHECK_RULES.length} env-file checks\n`);
  return EXIT.clean;
}

/** "Unknown argument: histroy" → a hint naming the flag that was probably meant. */
function unknownFlagHint(message: string, known: readonly string[]): string | undefined {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message)?.[1];
  if (unknown === undefined) return undefined;
  const flags = known.filter((k) => k.length > 1 && k !== '$0');
  const hints = unknown.split(', ').flatMap((name) => {
    const meant = closest(name.replace(/^-+/, ''), flags);
    return meant === undefined ? [] : [`--${meant}`];
  });
  return hints.length === 0 ? undefined : `Did you mean ${hints.join(', ')}? Run keyscan --help for usage.`;
}

/**
 * Prints an error and returns exit code 2. Everything printed goes through the same scrubber as
 * findings; a stack trace (which can quote scanned text) only with --debug, and scrubbed too.
 */
function reportError(e: unknown, io: CliIO, debug = false): number {
  if (isKeyscanError(e)) {
    io.stderr.write(safeOutput(`keyscan: error: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`));
  } else {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error';
    const stack = debug && e instanceof Error && e.stack ? `${e.stack}\n` : '';
    io.stderr.write(
      safeOutput(`keyscan: internal error: ${what}\n${stack}This is a bug; please report it. Nothing was reported as clean.\n`),
    );
  }
  return EXIT.error;
}
