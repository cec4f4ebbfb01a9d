/**
 * Writing a file through a temporary file beside it and a rename: an interrupted run never leaves
 * a truncated baseline (which would fail the next scan) or a partial report that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written right now: an interrupt removes them (see {@link removePendingWrites}). */
const pending = new Set<string>();

/** Writes `content` to `path` atomically, with `mode` (also when the file existed with another). */
export async function writeAtomic(path: string, content: string, mode: number): Promise<void> {
  // `-o /dev/null` or a named pipe: a rename would put a regular file in the device's place (as
  // root, /dev/null itself). What is not a file is written to, as it is.
  if (await isSpecial(path)) {
    await writeFile(path, content);
    return;
  }
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

async function isSpecial(path: string): Promise<boolean> {
  try {
    const st = await lstat(path);
    return st.isCharacterDevice() || st.isBlockDevice() || st.isFIFO() || st.isSocket();
  } catch {
    return false; // missing: written by the rename
  }
}

export function removePendingWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
