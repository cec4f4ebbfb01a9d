import { dirname } from 'node:path';
import { removePendingWrites, writeAtomic } from '../atomic-write.js';
import { KeyscanError, systemErrorCode } from '../errors.js';
import { isIgnored, workTreeRoot } from '../git/repo.js';
import { displayPath } from '../sources/paths.js';

/**
 * Writes a report file readable by its owner only, through a temporary file and a rename, so an
 * interrupted run never leaves a partial report that looks complete.
 */
export async function writeReportFile(path: string, content: string): Promise<void> {
  try {
    await writeAtomic(path, content, 0o600);
  } catch (e) {
    throw new KeyscanError('E_OUTPUT', `cannot write report ${path}: ${systemErrorCode(e) ?? String(e)}`, {
      hint: 'Check that the directory exists and is writable.',
      cause: e,
    });
  }
}

/**
 * The report's path relative to its repository when it lies inside a work tree that does not ignore
 * it (a SARIF file full of findings should not be committed by accident); undefined otherwise.
 */
export async function reportInRepository(path: string): Promise<string | undefined> {
  const root = await workTreeRoot(dirname(path));
  if (root === undefined) return undefined;
  const rel = displayPath(root, path);
  if (rel.startsWith('../')) return undefined;
  return (await isIgnored(root, rel)) ? undefined : rel;
}

/** An interrupt removes the report files being written rather than leave half a report. */
export const removePendingReports = removePendingWrites;
