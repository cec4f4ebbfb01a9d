import { git, gitOk, gitStream, nulRecords } from './run.js';

/** The work tree root that contains `dir`, or undefined outside a git work tree. */
export async function workTreeRoot(dir: string): Promise<string | undefined> {
  const r = await git(['rev-parse', '--show-toplevel'], dir);
  if (r.code !== 0) return undefined;
  const root = r.stdout.trim();
  return root === '' ? undefined : root;
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
