/**
 * The report flags shared by `keyscan` and `keyscan merge` (`--format`, `--output`), their check,
 * and the exit code a report's result gives: one definition, so both commands read and judge a
 * report the same way.
 */
import type { Argv } from 'yargs';
import { REPORT_FORMATS } from '../report/formats.js';
import type { ScanResult } from '../types.js';
import { EXIT } from './io.js';
import { usage } from './source-options.js';

export function reportOptions<T>(y: Argv<T>, format: { readonly default: string[]; readonly defaultDescription?: string }) {
  return y
    .option('format', {
      alias: 'f',
      type: 'string',
      array: true,
      nargs: 1, // one value per flag: `-f json src/` must not read src/ as a format
      default: format.default,
      ...(format.defaultDescription === undefined ? {} : { defaultDescription: format.defaultDescription }),
      choices: REPORT_FORMATS,
      // --format=JSON means json: formats are names, not case-sensitive identifiers.
      coerce: (values: string[]) => values.map((v) => v.toLowerCase()),
      describe: 'report format; repeat for several reports',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      array: true,
      nargs: 1,
      default: [] as string[],
      describe: 'write the report to FILE; the n-th --output goes with the n-th --format',
    });
}

/** Each --output goes with a --format, and at most one report goes to stdout. */
export function checkReportTargets(formats: readonly string[], outputs: readonly string[]): void {
  if (outputs.length > formats.length) {
    throw usage(`${outputs.length} --output given for ${formats.length} --format`, 'Give one --format before each --output.');
  }
  if (formats.filter((_f, i) => outputs[i] === undefined).length > 1) {
    throw usage('more than one report would go to stdout', 'Give an --output for each --format but one.');
  }
}

/**
 * 2 when anything could not be scanned, 1 for findings or unused allow comments, else 0.
 * Informational findings (--env-drift) and documented examples (--include-examples) are listed
 * but never fail a run.
 */
export function resultExit(result: ScanResult): number {
  if (result.errors.length > 0) return EXIT.error;
  const failing = result.findings.some((f) => f.severity !== 'info' && f.kind !== 'example') || (result.unusedAllows?.length ?? 0) > 0;
  return failing ? EXIT.findings : EXIT.clean;
}
