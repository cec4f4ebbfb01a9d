/**
 * What to scan and with which config: the flags shared by `keyscan` and `keyscan baseline`, so a
 * baseline is always made from exactly the scan its flags describe.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { RuleSpec } from '../catalogue/spec.js';
import type { Config } from '../config/config.js';
import { KeyscanError } from '../errors.js';
import { workTreeRoot } from '../git/repo.js';
import { safeOutput } from '../report/scrub.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanOptions, type ScanProgress } from '../scan.js';
import { loadScanConfig, scanOptionsFor } from '../scan-options.js';
import { cliThread } from './cli-thread.js';
import type { CliIO } from './io.js';
import { ProgressLine } from './progress.js';
import { parseSize } from './size.js';

export interface SourceArgs {
  paths: string[];
  /** Whatever follows `--`: paths that may start with a dash (yargs' populate-- setting). */
  '--'?: Array<string | number>;
  stdin: boolean;
  'stdin-name': string;
  staged: boolean;
  range: string | undefined;
  since: string | undefined;
  history: boolean;
  'include-stash': boolean;
  /** The remote's name (the pre-push hook's first argument), or '' when not given. */
  'pre-push': string | undefined;
  cwd: string | undefined;
  'max-file-size': string;
  'skip-unreadable': boolean;
  'include-examples': boolean;
  /** Optional: `keyscan ci` builds its own arguments and reports every secret. */
  'live-only'?: boolean;
  threads: number | undefined;
  config: string | undefined;
  progress: boolean | undefined;
  debug: boolean;
  'env-drift': boolean;
  'env-template': string[];
  'env-placeholder': string[];
}

export function sourceOptions<T>(y: Argv<T>) {
  return y
    .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'files and directories to scan' })
    .option('staged', { type: 'boolean', default: false, describe: 'scan the changes staged for commit (pre-commit hooks)' })
    .option('range', { type: 'string', describe: 'scan every commit of BASE..HEAD, each commit on its own' })
    .option('since', { type: 'string', describe: 'scan every commit of REF..HEAD (same as --range REF..HEAD)' })
    .option('history', { type: 'boolean', default: false, describe: 'audit every commit reachable from every branch and tag' })
    .option('pre-push', {
      type: 'string',
      describe:
        'scan the commits a push would add to REMOTE, from the ref lines git passes a pre-push hook on stdin (keyscan init --pre-push sets it up)',
    })
    .option('include-stash', { type: 'boolean', default: false, describe: 'with --history: also scan stashes' })
    .option('stdin', { type: 'boolean', default: false, describe: 'scan standard input instead of files' })
    .option('stdin-name', { type: 'string', default: 'stdin', describe: 'path to report for standard input' })
    .option('cwd', { alias: 'C', type: 'string', describe: 'run as if started in DIR (like git -C)' })
    .option('max-file-size', {
      type: 'string',
      default: String(DEFAULT_MAX_FILE_SIZE),
      describe: 'skip (and count) larger files; bytes or 5MB, 512KiB…',
    })
    .option('skip-unreadable', {
      type: 'boolean',
      default: false,
      describe: 'count files that cannot be read as skipped instead of failing with exit 2',
    })
    .option('include-examples', {
      type: 'boolean',
      default: false,
      describe: 'also list documented example credentials (AWS docs keys, jwt.io…) as "example" findings; they never fail a run',
    })
    .option('live-only', {
      type: 'boolean',
      default: false,
      describe: 'with --history or --range: list only secrets that a branch or tag still holds (the others are counted)',
    })
    .option('threads', { type: 'number', describe: 'worker threads (default: one per core)' })
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'config file (default: .keyscan.yaml, .keyscan.yml or .keyscan.json at the repository root)',
    })
    .option('progress', {
      type: 'boolean',
      describe: 'progress on stderr (default: on a terminal, not in CI); --no-progress turns it off',
    })
    .option('debug', { type: 'boolean', default: false, describe: 'explain what the scan does on stderr (redacted like everything else)' })
    .option('env-drift', {
      type: 'boolean',
      default: false,
      describe: 'note variables that an env template and the .env next to it do not share (informational)',
    })
    .option('env-template', {
      type: 'string',
      array: true,
      nargs: 1,
      default: [] as string[],
      describe: 'another env template file name, besides .env.example and the like; repeatable',
    })
    .option('env-placeholder', {
      type: 'string',
      array: true,
      nargs: 1,
      default: [] as string[],
      describe: "another placeholder for env template values (a regular expression; the config's placeholders add more); repeatable",
    });
}

/** A scan ready to run: the config, the rules it yields, and the options for {@link scan}. */
export interface PreparedScan {
  readonly root: string;
  readonly config: Config;
  readonly rules: RuleSpec[];
  readonly options: ScanOptions;
  /** Clears the progress line, if one is shown. */
  readonly done: () => void;
}

/** `io` as seen from the directory given by `-C`, if any. */
export async function withCwd(args: Pick<SourceArgs, 'cwd'>, io: CliIO): Promise<CliIO> {
  if (args.cwd === undefined) return io;
  const path = resolve(io.cwd, args.cwd);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw usage(`--cwd ${path} is not a directory`, 'Give the path of the repository to scan.');
  return { ...io, cwd: path };
}

/**
 * Checks the source flags, loads the config and turns both into scan options. `loaded` replaces
 * the config file of the work tree (`keyscan ci` on a pull request reads the base commit's).
 */
export async function prepareScan(
  args: SourceArgs,
  io: CliIO,
  baselineFiles: readonly string[] = [],
  loaded?: Config,
): Promise<PreparedScan> {
  const paths = [...args.paths, ...(args['--'] ?? []).map(String)];
  const maxFileSize = parseSize(args['max-file-size']);
  if (maxFileSize === undefined) {
    throw usage(`--max-file-size "${args['max-file-size']}" is not a size`, 'Use bytes or a unit: 5MB, 512KiB.');
  }
  // Everything else about the flags is checked once, by scan() (see modes/options.ts).
  if (args.since !== undefined && args.range !== undefined)
    throw usage('--range and --since cannot be combined', 'Choose one source per run.');
  const range = args.since !== undefined ? `${args.since}..HEAD` : args.range;

  const root = (await workTreeRoot(io.cwd)) ?? io.cwd;
  // Like git -C: every relative path on the command line is taken from the -C directory.
  const config = loaded ?? (await loadScanConfig(root, args.config === undefined ? undefined : resolve(io.cwd, args.config)));
  const configured = scanOptionsFor(config, {
    root,
    baselineFiles,
    envTemplates: args['env-template'],
    envPlaceholders: args['env-placeholder'],
    envDrift: args['env-drift'],
  });
  const progress = args.progress ?? (io.stderrIsTTY && io.env.CI === undefined);
  const prePush = args['pre-push'];
  const display = progress && !args.stdin && !args.staged && prePush === undefined ? new ProgressLine(io.stderr) : undefined;
  const options: ScanOptions = {
    ...configured.options,
    cwd: io.cwd,
    paths,
    ...(args.stdin ? { stdin: { stream: io.stdin, name: args['stdin-name'] } } : {}),
    ...(prePush !== undefined ? { prePush: { updates: await readPushUpdates(io), remote: prePush } } : {}),
    staged: args.staged,
    history: args.history,
    includeStash: args['include-stash'],
    ...(range !== undefined ? { range } : {}),
    ...(display ? { onProgress: (p: ScanProgress) => display.update(p) } : {}),
    ...(args.debug ? { onDebug: (m: string) => io.stderr.write(safeOutput(`keyscan[debug]: ${m}\n`)) } : {}),
    maxFileSize,
    skipUnreadable: args['skip-unreadable'],
    includeExamples: args['include-examples'],
    ...(args['live-only'] ? { liveOnly: true } : {}),
    ...(args.threads !== undefined ? { threads: args.threads } : {}),
  };
  const thread = cliThread();
  if (thread !== undefined)
    options.onDebug?.(`the CLI runs in a thread of its own, its young generation capped at ${thread.youngGenerationMb} MB`);
  const rules = configured.rules;
  return { root, config, rules, options, done: () => display?.clear() };
}

/** Past this, what arrives on a pre-push hook's stdin is not git's list of refs. */
const MAX_PUSH_INPUT = 1 << 20;

/** The pre-push hook's stdin: one line per pushed ref. */
async function readPushUpdates(io: CliIO): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > MAX_PUSH_INPUT) {
      throw usage(
        'the pre-push input is larger than 1 MiB: it is not the list of refs git passes a pre-push hook',
        'Run keyscan --pre-push from a pre-push hook (keyscan init --pre-push).',
      );
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function usage(message: string, hint: string): KeyscanError {
  return new KeyscanError('E_USAGE', message, { hint });
}
