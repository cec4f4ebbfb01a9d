/** `keyscan baseline`: records the current findings as accepted, keeping the reasons already given. */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { chooseBaseline } from '../baseline/choice.js';
import { buildBaseline, LEGACY_BASELINE_VERSION } from '../baseline/format.js';
import { readBaseline, writeBaseline } from '../baseline/io.js';
import { migrateLegacy } from '../baseline/migrate.js';
import { DEFAULT_BASELINE_FILE } from '../config/config.js';
import { newSalt } from '../hash/secret-hash.js';
import { safeOutput } from '../report/scrub.js';
import { plural } from '../report/text.js';
import { scan } from '../scan.js';
import { type CliIO, EXIT } from './io.js';
import { prepareScan, type SourceArgs, withCwd } from './source-options.js';

export interface BaselineArgs extends SourceArgs {
  output: string | undefined;
  reason: string | undefined;
  'accepted-by': string | undefined;
}

export function baselineOptions<T>(y: Argv<T>) {
  return y
    .option('output', {
      alias: 'o',
      type: 'string',
      describe: `baseline file to write (default: the config's "baseline", else ${DEFAULT_BASELINE_FILE} at the repository root)`,
    })
    .option('reason', { type: 'string', describe: 'reason recorded on entries added by this run' })
    .option('accepted-by', { type: 'string', describe: 'who accepted the entries added by this run' });
}

/**
 * Scans exactly as `keyscan` would with the same flags (allow comments and allowlists apply, the
 * old baseline does not) and rewrites the baseline from the findings. Entries already present,
 * or moved with their file, keep their reason and acceptor. Nothing is written when the scan was
 * incomplete: a baseline made from a partial scan would drop accepted entries.
 */
export async function baselineCommand(args: BaselineArgs, outer: CliIO): Promise<number> {
  const io = await withCwd(args, outer);
  const requested = args.output === undefined ? undefined : resolve(io.cwd, args.output);
  const { root, config, options, done } = await prepareScan(args, io, requested ? [requested] : []);
  const { file } = chooseBaseline(root, requested, config.baseline);
  const read = await readBaseline(file, true);
  // The findings are hashed with the salt the file will carry: the old one, or a new one.
  const salt = read?.salt ?? newSalt();
  const result = await scan({ ...options, salt }).finally(done);
  if (result.errors.length > 0) {
    for (const e of result.errors.slice(0, 20)) io.stderr.write(safeOutput(`  ${e.path}: ${e.message}\n`));
    io.stderr.write(
      `keyscan: error: ${plural(result.errors.length, 'path')} could not be scanned; ${relative(io.cwd, file)} was not written\n`,
    );
    return EXIT.error;
  }
  const isGone = (path: string): boolean => !existsSync(join(root, path));
  const notes = {
    ...(args.reason !== undefined ? { reason: args.reason } : {}),
    ...(args['accepted-by'] !== undefined ? { acceptedBy: args['accepted-by'] } : {}),
  };
  // An old-format file's entries name plain SHA-256 hashes: matched to this scan's findings, their reasons carry over.
  const previous = read?.version === LEGACY_BASELINE_VERSION ? migrateLegacy(read, result.findings) : read;
  const { baseline, changes } = buildBaseline(result.findings, previous, isGone, notes, salt);
  await writeBaseline(file, baseline);
  const shown = relative(io.cwd, file) || file;
  if (read?.version === LEGACY_BASELINE_VERSION) {
    io.stderr.write(
      `keyscan: ${shown} was in the old format (version 1, plain SHA-256 hashes); rewritten as version 2 with a per-project salt and keyed hashes. Commit it; anyone holding the old file can still test guesses of the secrets it names, so rotate any weak password it covered.\n`,
    );
  }
  io.stderr.write(
    `keyscan: wrote ${shown}: ${baseline.entries.length} ${baseline.entries.length === 1 ? 'entry' : 'entries'} (${changes.added} new, ${changes.kept} kept, ${changes.removed} removed)\n`,
  );
  return EXIT.clean;
}
