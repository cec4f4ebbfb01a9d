/**
 * What every diff and log that keyscan parses is run with, so the diff parser always sees the same
 * format (staged, range and history scans alike).
 */
/** Config pinned on the diff commands' own line (see run.ts for the pins on every command). */
export const DIFF_PINS: readonly string[] = ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '-c', 'diff.noprefix=false'];
/**
 * `--text`: every file gets hunks, whatever `.gitattributes` says (`-diff`, `binary`); keyscan judges
 * binary on the blob's bytes itself. `--full-index`: the new blob's id, to read the whole file.
 * `--no-textconv --no-ext-diff`: the repository's own programs never run and never rewrite what
 * is shown.
 */
export const DIFF_OPTIONS: readonly string[] = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--text',
  '--full-index',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--no-relative',
  '-U0',
];
