/**
 * The flags of the default command (`keyscan [paths..]`): one definition, read by yargs in
 * main.ts and by the pre-commit fast path (fast-args.ts), so both give a scan the same arguments.
 */
import type { Argv } from 'yargs';
import { REDACT_PREFIX_FLAG } from './redact-flag.js';
import { reportOptions } from './report-args.js';
import { type SourceArgs, sourceOptions } from './source-options.js';

export interface ScanArgs extends SourceArgs {
  format: string[];
  output: string[];
  redact: boolean;
  /** `--redact=N`. */
  'redact-prefix': number | undefined;
  color: boolean | undefined;
  /** `false` with --no-baseline. */
  baseline: string | false | undefined;
  'report-unused-allows': boolean;
  shard: string | undefined;
  cache: boolean;
  'cache-dir': string | undefined;
}

export function scanOptions<T>(y: Argv<T>) {
  return reportOptions(sourceOptions(y), { default: [], defaultDescription: 'the config\'s "format", else text' })
    .option('redact', {
      type: 'boolean',
      default: true,
      describe: 'mask secrets in reports; --redact=N shows the first N characters (at most a third), --no-redact shows them in full',
    })
    .option(REDACT_PREFIX_FLAG, { type: 'number', hidden: true })
    .option('baseline', {
      type: 'string',
      describe:
        'report only findings that are not in this baseline file (default: the config\'s "baseline", else .keyscan-baseline.json at the repository root if there is one); --no-baseline reports everything',
    })
    .option('report-unused-allows', {
      type: 'boolean',
      default: false,
      describe: 'list keyscan:allow comments that silenced nothing (and exit 1 if there are any)',
    })
    .option('color', {
      type: 'boolean',
      describe: 'colour the text report (default: when stdout is a terminal and NO_COLOR is unset)',
    })
    .option('shard', {
      type: 'string',
      describe: 'with --history or --range: scan only part I of N of the commits (-f json; combine with keyscan merge)',
    })
    .option('cache', {
      type: 'boolean',
      default: true,
      describe: 'with --history: rescan only commits not found clean before (cache in .git/keyscan/); --no-cache scans all',
    })
    .option('cache-dir', {
      type: 'string',
      describe: 'with --history: keep the cache in DIR (in CI: a directory actions/cache restores)',
    });
}
