/**
 * What `git rev-list --topo-order <revisions>` starts from, so that a repeat audit can tell that
 * its commit list cannot have changed without walking the history again (0.7 s of CPU on git/git's
 * 85,000 commits). rev-list's output is a function of its start commits, in the order it takes
 * them, and of the commit graph; commits are immutable, so the graph changes only through replace
 * refs and a shallow clone's boundary. All three are commit (or object) ids, never ref names.
 */
import { gitOk } from './run.js';

export interface StartPoints {
  readonly starts: readonly string[];
  /** `replaced:replacement` ids. */
  readonly replace: readonly string[];
  readonly shallow: readonly string[];
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REPLACE = /^refs\/replace\/((?:[0-9a-f]{40}|[0-9a-f]{64}))$/;

/**
 * The start points of `revisions` (as rev-list takes them: `--no-walk=unsorted` prints
 * each start commit once, in its order), the replace refs and the shallow boundary; undefined when
 * any of them is not what keyscan can vouch for (a replace ref that is not named by an object id).
 */
export async function startPoints(
  root: string,
  revisions: readonly string[],
  shallow: ReadonlySet<string>,
): Promise<StartPoints | undefined> {
  const [starts, replaced] = await Promise.all([
    gitOk(['rev-list', '--no-walk=unsorted', ...revisions, '--'], root),
    gitOk(['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/replace/'], root),
  ]);
  const commits = starts.split('\n').filter((l) => l !== '');
  if (!commits.every((c) => SHA.test(c))) return undefined;
  const replace: string[] = [];
  for (const line of replaced.split('\n')) {
    if (line === '') continue;
    const [name = '', target = ''] = line.split('\0');
    const id = REPLACE.exec(name)?.[1];
    if (id === undefined || !SHA.test(target)) return undefined;
    replace.push(`${id}:${target}`);
  }
  return { starts: commits, replace, shallow: [...shallow].sort() };
}
