import { evidentWorkTreeRoot } from './evident-root.js';
import { git, gitOk, gitStream, nulRecords } from './run.js';
import { TOPLEVEL_ARGS } from './staged-commands.js';

const roots = new Map<string, Promise<string | undefined>>();

/**
 * The work tree root that contains `dir`, or undefined outside a git work tree. Asked once per
 * directory and process: several stages need it, and each git start costs a pre-commit hook ~4 ms.
 * Not asked at all where the answer is evident (see evident-root.ts).
 */
export function workTreeRoot(dir: string): Promise<string | undefined> {
  let root = roots.get(dir);
  if (root === undefined) {
    const evident = evidentWorkTreeRoot(dir);
    root =
      evident !== undefined
        ? Promise.resolve(evident)
        : git(TOPLEVEL_ARGS, dir).then((r) => {
            const out = r.stdout.trim();
            return r.code !== 0 || out === '' ? undefined : out;
          });
    roots.set(dir, root);
  }
  return root;
}

/** Whether git ignores `relPath` (relative to `root`), by .gitignore, info/exclude or the global excludes. */
export async function isIgnored(root: string, relPath: string): Promise<boolean> {
  const r = await git(['check-ignore', '-q', '--no-index', '--', relPath], root);
  return r.code === 0;
}

/**
 * Tracked files plus untracked files git does not ignore, under `dir`, relative to `dir`, as the
 * exact bytes of each name (a name need not be valid UTF-8, and must be opened as it is).
 */
export function listWorkTreeFiles(dir: string): AsyncGenerator<Buffer> {
  return nulRecords(gitStream(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], dir));
}

export { gitOk };

/**
 * Every stash entry, newest first (the reflog of refs/stash; `refs/stash` alone is only the
 * latest). Each entry is a commit whose parents hold the index and, after `git stash -u`, the
 * untracked files: listing the entries brings those in as ancestors.
 */
export async function stashEntries(root: string): Promise<string[]> {
  const exists = await git(['rev-parse', '--verify', '--quiet', 'refs/stash'], root);
  if (exists.code !== 0) return [];
  const out = await gitOk(['log', '--walk-reflogs', '--format=%H', 'refs/stash', '--'], root);
  return out.split('\n').filter((l) => l !== '');
}
