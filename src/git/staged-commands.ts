/**
 * The git command lines of a staged scan, in one place: the modules that run them (repo.ts,
 * staged-read.ts, staged-entries.ts, history.ts, sources/blobs.ts) and the pre-commit hook's early start
 * ({@link prefetchStaged}) must spell them the same, or an early start is never used.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIFF_OPTIONS, DIFF_PINS } from './diff-options.js';
import { evidentWorkTreeRoot } from './evident-root.js';
import { prefetchGit } from './run.js';

/** The work tree root (repo.ts). */
export const TOPLEVEL_ARGS: readonly string[] = ['rev-parse', '--show-toplevel'];

/** -z: `:oldmode newmode oldsha newsha STATUS\0path\0` per entry, names unquoted (staged-entries.ts). */
export const STAGED_ENTRIES_ARGS: readonly string[] = [
  '--no-replace-objects',
  'diff',
  '--cached',
  '--raw',
  '-z',
  '--no-renames',
  '--no-ext-diff',
  '--diff-filter=ACMTU',
];

/** `git diff --cached`: what is staged against HEAD (against the empty tree before the first commit). */
export const STAGED_DIFF_ARGS: readonly string[] = [...DIFF_PINS, 'diff', '--cached', ...DIFF_OPTIONS, '-M', '--diff-filter=ACMRTU'];

/**
 * Both in one process, for a staged scan (staged-read.ts): the raw records of STAGED_ENTRIES_ARGS
 * (`-z`), then a NUL, then exactly the patch of STAGED_DIFF_ARGS. Renames are detected (`-M`, as
 * the patch needs): staged-read.ts lists a renamed file's new path as an addition, as
 * `--no-renames` does, and the old one (a deletion there) not at all.
 */
export const STAGED_ARGS: readonly string[] = [
  '--no-replace-objects',
  ...DIFF_PINS,
  'diff',
  '--cached',
  '--raw',
  '-z',
  ...DIFF_OPTIONS,
  '-M',
  '--diff-filter=ACMRTU',
];

/** Blobs by id, one request a line (sources/blobs.ts). */
export const CAT_FILE_ARGS: readonly string[] = ['cat-file', '--batch'];

/**
 * Starts a staged scan's git processes (two, three when the root is not evident) in `cwd` before the CLI is loaded: they run on the
 * other core while Node compiles keyscan (~40 ms), instead of one after the other after it. Each
 * is used only by a later request for exactly the same command line, directory and environment
 * (so only when `cwd` is the work tree root, where git runs hooks); an unused one is dropped.
 * Nothing starts early outside a work tree's root (no `.git` there): the scan's own requests would
 * run at the root, and early ones would be started for nothing.
 */
export function prefetchStaged(cwd: string): void {
  if (!existsSync(join(cwd, '.git'))) return;
  // Asked only when the root is not evident (repo.ts asks the same).
  if (evidentWorkTreeRoot(cwd) === undefined) prefetchGit(TOPLEVEL_ARGS, cwd, false);
  prefetchGit(STAGED_ARGS, cwd, false);
  prefetchGit(CAT_FILE_ARGS, cwd, true);
}
