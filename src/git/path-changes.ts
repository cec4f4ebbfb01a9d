/**
 * Every change to a few paths across the history of some tips, oldest first: one path-limited
 * `git log --raw` (no patches, no content), for finding where a secret left a file.
 */
import { gitStream, nulRecords } from './run.js';

export interface PathChange {
  readonly commit: string;
  readonly path: string;
  /** Blob ids before and after (all zeros: the file did not exist). */
  readonly before: string;
  readonly after: string;
}

/** A blob id of zeros: no file on that side of the change. */
export function isNoFile(id: string): boolean {
  return /^0+$/.test(id);
}

/**
 * The changes to `paths` in the commits reachable from `tips`, parents before children. Merges
 * show no changes of their own (`--raw` without `-m`): a secret dropped while resolving a
 * conflict is attributed to no commit, and the caller says "removed" without one.
 */
export async function* pathChanges(repo: string, tips: readonly string[], paths: readonly string[]): AsyncGenerator<PathChange> {
  if (tips.length === 0 || paths.length === 0) return;
  const pathspecs = paths.map((p) => `:(literal)${p}`);
  const args = [
    'log',
    '--stdin',
    '--topo-order',
    '--reverse',
    '--raw',
    '-z',
    '--no-renames',
    '--no-abbrev',
    '--format=%x1e%H',
    '--',
    ...pathspecs,
  ];
  let commit = '';
  let pending: { before: string; after: string } | undefined;
  for await (const record of nulRecords(gitStream(args, repo, `${tips.join('\n')}\n`))) {
    if (record[0] === 0x1e) {
      commit = record.toString('latin1', 1);
      continue;
    }
    if (pending !== undefined) {
      yield { commit, path: record.toString('utf8'), ...pending };
      pending = undefined;
      continue;
    }
    // `:old-mode new-mode old-id new-id status`, then the path as the next record.
    const fields = record.toString('latin1').replace(/^\n/, '').split(' ');
    if (fields[0]?.startsWith(':') && fields.length >= 5) pending = { before: fields[2] as string, after: fields[3] as string };
  }
}
