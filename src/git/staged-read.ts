/**
 * A staged scan's one `git diff --cached`: the names and statuses of what the next commit adds or
 * changes (`--raw`, for the staged names and the env-file checks) and its patches (for the scan),
 * from one git process, where they were two (each ~8 ms of a pre-commit run's CPU, its start and
 * Node's spawn). git prints the raw records first, then a NUL, then the same patch as
 * STAGED_DIFF_ARGS alone (`-z` changes only the raw records): the patch goes on to the diff parser
 * untouched.
 *
 * Scoped to one staged scan ({@link startStagedRead} … `close()`): while it runs, stagedEntries and
 * stagedDiff read from it; outside one, each runs its own command as before.
 */
import { KeyscanError } from '../errors.js';
import { gitStream } from './run.js';
import { STAGED_ARGS } from './staged-commands.js';
import type { StagedEntry } from './staged-entries.js';

export interface StagedRead {
  /** Every path added or changed, deletions excluded, renames as additions (as stagedEntries). */
  readonly entries: Promise<StagedEntry[]>;
  /** The patch, once: the first caller gets it, a later one undefined. */
  readonly claimPatch: () => AsyncGenerator<Buffer> | undefined;
  /** Stops git if nobody read the patch to its end, and ends the scope. */
  readonly close: () => Promise<void>;
}

const reads = new Map<string, StagedRead>();

/** The read of the staged scan under way in `root`, if there is one. */
export function sharedStagedRead(root: string): StagedRead | undefined {
  return reads.get(root);
}

/**
 * Starts the one `git diff --cached` of a staged scan in `root` (or takes the one the hook's early
 * start began, see staged-commands.ts). Its raw records are read at once, so the names are known
 * whether or not the patch is read yet; the patch waits in git's pipe for its reader.
 */
export function startStagedRead(root: string): StagedRead {
  const chunks = gitStream(STAGED_ARGS, root);
  const raw = readRaw(chunks);
  raw.catch(() => undefined); // each consumer sees it
  let claimed = false;
  let finished = false;
  async function* patch(): AsyncGenerator<Buffer> {
    const { rest } = await raw;
    if (rest.length > 0) yield rest;
    // The same generator, on from where readRaw stopped: it throws if git failed.
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
    finished = true;
  }
  const read: StagedRead = {
    entries: raw.then((r) => r.entries),
    claimPatch: () => {
      if (claimed) return undefined;
      claimed = true;
      return patch();
    },
    close: async () => {
      if (reads.get(root) === read) reads.delete(root);
      if (!finished) await chunks.return(undefined); // kills git (gitStream's finally)
    },
  };
  reads.set(root, read);
  return read;
}

/**
 * The raw records at the head of `chunks` (`:oldmode newmode oldsha newsha STATUS\0path\0`, two
 * paths for a rename or copy), up to the NUL that ends them, and the bytes after it.
 */
async function readRaw(chunks: AsyncGenerator<Buffer>): Promise<{ entries: StagedEntry[]; rest: Buffer }> {
  const entries: StagedEntry[] = [];
  let pending: Buffer = Buffer.alloc(0);
  for (;;) {
    // Whole records from what has arrived.
    for (;;) {
      if (pending.length === 0) break;
      // The separator, or (no raw records at all) the patch itself.
      if (pending[0] === 0) return { entries, rest: pending.subarray(1) };
      if (pending[0] !== 0x3a /* : */) return { entries, rest: pending };
      const metaEnd = pending.indexOf(0);
      if (metaEnd === -1) break;
      const meta = pending.toString('latin1', 0, metaEnd);
      const status = meta.slice(meta.lastIndexOf(' ') + 1, meta.lastIndexOf(' ') + 2);
      const paths = status === 'R' || status === 'C' ? 2 : 1;
      let at = metaEnd + 1;
      let path = '';
      let complete = true;
      for (let i = 0; i < paths; i++) {
        const end = pending.indexOf(0, at);
        if (end === -1) {
          complete = false;
          break;
        }
        path = pending.toString('utf8', at, end);
        at = end + 1;
      }
      if (!complete) break;
      // As `--no-renames` lists them: a renamed or copied file's new path is an addition.
      if (path !== '') entries.push({ status: paths === 2 ? 'A' : status, path });
      pending = pending.subarray(at);
    }
    const next = await chunks.next();
    if (next.done === true) {
      if (pending.length > 0) throw new KeyscanError('E_GIT', 'git diff --cached --raw ended inside a record');
      return { entries, rest: pending };
    }
    pending = pending.length === 0 ? next.value : Buffer.concat([pending, next.value]);
  }
}
