/**
 * Writing a file through a temporary file beside it and a rename: an interrupted run never leaves
 * a truncated baseline (which would fail the next scan) or a partial report that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written right now: an interrupt removes them (see {@link removePendingWrites}). */
const pending = new Set<string>();

/** Writes `content` to `path` atomically, with `mode` (also when the file existed with another). */
export async function writeAtomic(path: string, content: string, mode: number): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, content, { mode });
    await chmod(temp, mode); // the umask may have taken bits off
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  } finally {
    pending.delete(temp);
  }
}

export function removePendingWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
