import { git, gitOk, gitStream, nulRecords } from './run.js';

const roots = new Map<string, Promise<string | undefined>>();

/**
 * The work tree root that contains `dir`, or undefined outside a git work tree. Asked once per
 * directory and process: several stages need it, and each git start costs a pre-commit hook ~4 ms.
 */
export function workTreeRoot(dir: string): Promise<string | undefined> {
  let root = roots.get(dir);
  if (root === undefined) {
    root = git(['rev-parse', '--show-toplevel'], dir).then((r) => {
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

/** Tracked files plus untracked files git does not ignore, under `dir`, relative to `dir`. */
export function listWorkTreeFiles(dir: string): AsyncGenerator<string> {
  return nulRecords(gitStream(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], dir));
}

export { gitOk };
