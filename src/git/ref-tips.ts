/**
 * The tips that decide whether a secret is still live: every branch, remote-tracking branch and
 * tag, and HEAD when it is detached, with the blobs they hold at a path, asked in batches.
 */
import { BatchParser } from './cat-file.js';
import { resolveCommit } from './history.js';
import { gitOk, gitStream } from './run.js';

export interface RefTip {
  /** Short name as people say it: `main`, `origin/release-2.x`, `v1.2.0`, `HEAD` (detached). */
  readonly name: string;
  /** The commit at its tip (a tag peeled to its commit). */
  readonly commit: string;
}

/** Kinds of refs that count, in the order they are listed: the ones people deploy from first. */
const KINDS: ReadonlyArray<readonly [string, number]> = [
  ['refs/heads/', 1],
  ['refs/remotes/', 2],
  ['refs/tags/', 3],
];

/**
 * Branches, remote-tracking branches and tags whose tips are commits, HEAD's branch first (or
 * `HEAD` itself when detached). Stashes, notes and a forge's pull-request refs are not places a
 * key is deployed from, so they do not make it live (a history scan still reads their commits).
 */
export async function listRefTips(repo: string): Promise<RefTip[]> {
  // Ref names hold no spaces or control characters (git refuses them); %(HEAD) is `*` or a space.
  const format = '%(HEAD)%(refname) %(objecttype) %(objectname) %(*objecttype) %(*objectname)';
  const listed = await gitOk(['for-each-ref', `--format=${format}`, 'refs/heads', 'refs/remotes', 'refs/tags'], repo);
  const tips: Array<RefTip & { rank: number }> = [];
  let headIsBranch = false;
  for (const line of listed.split('\n')) {
    const current = line.startsWith('*');
    const [full = '', type, id, peeledType, peeled] = line.slice(1).split(' ');
    const kind = KINDS.find(([prefix]) => full.startsWith(prefix));
    // A remote's symbolic HEAD names a branch that is listed anyway.
    if (kind === undefined || (kind[1] === 2 && full.endsWith('/HEAD'))) continue;
    const commit = type === 'commit' ? id : type === 'tag' && peeledType === 'commit' ? peeled : undefined;
    if (commit === undefined || commit === '') continue;
    headIsBranch ||= current;
    tips.push({ name: full.slice(kind[0].length), commit, rank: current ? 0 : kind[1] });
  }
  if (!headIsBranch) {
    const head = await resolveCommit(repo, 'HEAD');
    if (head !== undefined) tips.push({ name: 'HEAD', commit: head, rank: 0 });
  }
  return tips
    .sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, commit }) => ({ name, commit }));
}

/**
 * The blob id at each `commit:path` (undefined where the path is missing, a tree or a submodule),
 * through one `git cat-file --batch-check`: no content is read, so many refs that share a version
 * of a file cost one read of it later.
 */
export async function blobIds(repo: string, queries: readonly string[]): Promise<Array<string | undefined>> {
  const ids: Array<string | undefined> = [];
  if (queries.length === 0) return ids;
  let rest = '';
  const input = `${queries.join('\n')}\n`;
  for await (const chunk of gitStream(['cat-file', '--batch-check=%(objecttype) %(objectname)'], repo, input)) {
    const lines = (rest + chunk.toString('latin1')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) ids.push(line.startsWith('blob ') ? line.slice(5) : undefined);
  }
  return ids;
}

/** Reads each blob once through one `git cat-file --batch`; `check` gets its content in request order. */
export async function readBlobs(
  repo: string,
  ids: readonly string[],
  check: (id: string, content: Buffer | undefined) => void,
): Promise<void> {
  if (ids.length === 0) return;
  let index = 0;
  const parser = new BatchParser(Number.POSITIVE_INFINITY, (read) => {
    const id = ids[index++];
    if (id !== undefined) check(id, read.missing ? undefined : read.data);
  });
  for await (const chunk of gitStream(['cat-file', '--batch'], repo, `${ids.join('\n')}\n`)) parser.push(chunk);
}
