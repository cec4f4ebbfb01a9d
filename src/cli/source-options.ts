/**
 * What to scan and with which config: the flags shared by `keyscan` and `keyscan baseline`, so a
 * baseline is always made from exactly the scan its flags describe.
 */
import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { builtinRules } from '../../rules/index.js';
import type { RuleSpec } from '../catalogue/spec.js';
import { type Config, DEFAULT_BASELINE_FILE } from '../config/config.js';
import { effectiveRules, loadConfig } from '../config/load.js';
import { KeyscanError } from '../errors.js';
import { workTreeRoot } from '../git/repo.js';
import { DEFAULT_MAX_FILE_SIZE, type ScanOptions } from '../scan.js';
import type { CliIO } from './io.js';
import { parseSize } from './size.js';

export interface SourceArgs {
  paths: string[];
  stdin: boolean;
  'stdin-name': string;
  'max-file-size': string;
  threads: number | undefined;
  config: string | undefined;
}

export function sourceOptions<T>(y: Argv<T>) {
  return y
    .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'files and directories to scan' })
    .option('stdin', { type: 'boolean', default: false, describe: 'scan standard input instead of files' })
    .option('stdin-name', { type: 'string', default: 'stdin', describe: 'path to report for standard input' })
    .option('max-file-size', {
      type: 'string',
      default: String(DEFAULT_MAX_FILE_SIZE),
      describe: 'skip (and count) larger files; bytes or 5MB, 512KiB…',
    })
    .option('threads', { type: 'number', describe: 'worker threads (default: one per core)' })
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'config file (default: .keyscan.yaml, .keyscan.yml or .keyscan.json at the repository root)',
    });
}

/** A scan ready to run: the config, the rules it yields, and the options for {@link scan}. */
export interface PreparedScan {
  readonly root: string;
  readonly config: Config;
  readonly rules: RuleSpec[];
  readonly options: ScanOptions;
}

/** Checks the source flags, loads the config and turns both into scan options. */
export async function prepareScan(args: SourceArgs, io: CliIO, extraExcludes: readonly string[] = []): Promise<PreparedScan> {
  const maxFileSize = parseSize(args['max-file-size']);
  if (maxFileSize === undefined) {
    throw usage(`--max-file-size "${args['max-file-size']}" is not a size`, 'Use bytes or a unit: 5MB, 512KiB.');
  }
  if (args.threads !== undefined && (!Number.isInteger(args.threads) || args.threads < 0 || args.threads > 256)) {
    throw usage('--threads must be a whole number from 0 to 256', 'Use 0 to scan on the main thread only.');
  }
  if (args.stdin && args.paths.length > 0) throw usage('--stdin does not take paths', 'Scan either standard input or paths.');

  const root = (await workTreeRoot(io.cwd)) ?? io.cwd;
  const config = await loadConfig(root, args.config, builtinRules);
  const rules = effectiveRules(builtinRules, config);
  // A baseline lists secret hashes under a key named "secretHash", which the generic rule would
  // report: keyscan's own baseline files are never scanned.
  const baselines = [DEFAULT_BASELINE_FILE, ...[config.baseline, ...extraExcludes].flatMap((f) => (f ? [toGlob(root, f)] : []))];
  const options: ScanOptions = {
    cwd: io.cwd,
    paths: args.paths,
    ...(args.stdin ? { stdin: { stream: io.stdin, name: args['stdin-name'] } } : {}),
    maxFileSize,
    ...(args.threads !== undefined ? { threads: args.threads } : {}),
    exclude: [...config.exclude, ...new Set(baselines)],
    rules,
    allowlists: {
      global: config.allowlist,
      byRule: Object.fromEntries(Object.entries(config.ruleOverrides).flatMap(([id, o]) => (o.allowlist ? [[id, o.allowlist]] : []))),
    },
  };
  return { root, config, rules, options };
}

/** A file as a picomatch glob of its repository-relative path, special characters escaped. */
function toGlob(root: string, file: string): string {
  return relative(root, file)
    .split('\\')
    .join('/')
    .replace(/[*?{}()[\]!+@]/g, '\\$&');
}

export function usage(message: string, hint: string): KeyscanError {
  return new KeyscanError('E_USAGE', message, { hint });
}
