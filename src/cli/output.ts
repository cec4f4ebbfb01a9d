import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KeyscanError, systemErrorCode } from '../errors.js';
import { isIgnored, workTreeRoot } from '../git/repo.js';
import { displayPath } from '../sources/paths.js';

/**
 * Writes a report file readable by its owner only, through a temporary file and a rename, so an
 * interrupted run never leaves a partial report that looks complete.
 */
export async function writeReportFile(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, content, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw new KeyscanError('E_OUTPUT', `cannot write report ${path}: ${systemErrorCode(e) ?? String(e)}`, {
      hint: 'Check that the directory exists and is writable.',
      cause: e,
    });
  } finally {
    pending.delete(temp);
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

/** Report files being written right now: an interrupt removes them rather than leave half a report. */
const pending = new Set<string>();

export function removePendingReports(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
