/**
 * What the next commit adds or changes, by name and status, read once for everyone who asks
 * during one scan: the staged scan wants every name (also of files without added lines), the
 * env-file checks the status of each. One `git diff --cached --raw` answers both, where a name
 * list and a status list cost a pre-commit run two git processes (~4 ms each to start).
 */
import { gitOk } from './run.js';
import { STAGED_ENTRIES_ARGS } from './staged-commands.js';
import { sharedStagedRead } from './staged-read.js';

export interface StagedEntry {
  /** `A` added, `C` copied, `M` modified, `T` type changed, `U` unmerged (no renames: see below). */
  readonly status: string;
  readonly path: string;
}

/** Callers that ask while a read is under way share it; a later scan reads the index afresh. */
const inFlight = new Map<string, Promise<StagedEntry[]>>();

/** Every path `git diff --cached` adds or changes, deletions excluded, renames as additions. */
export function stagedEntries(root: string): Promise<StagedEntry[]> {
  // In a staged scan, from the process that also prints its patch (staged-read.ts).
  const shared = sharedStagedRead(root);
  if (shared !== undefined) return shared.entries;
  let entries = inFlight.get(root);
  if (entries === undefined) {
    entries = readEntries(root).finally(() => inFlight.delete(root));
    inFlight.set(root, entries);
  }
  return entries;
}

async function readEntries(root: string): Promise<StagedEntry[]> {
  const out = await gitOk(STAGED_ENTRIES_ARGS, root);
  const fields = out.split('\0');
  const entries: StagedEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i] as string;
    const path = fields[i + 1] as string;
    if (!meta.startsWith(':') || path === '') continue;
    entries.push({ status: meta.slice(meta.lastIndexOf(' ') + 1, meta.lastIndexOf(' ') + 2), path });
  }
  return entries;
}
