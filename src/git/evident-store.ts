/**
 * How large a repository's object store evidently is, read from the file system without starting
 * git (a git process costs ~5-8 ms): to choose where a history audit runs (cli/history-thread.ts),
 * never what it scans. Only the plainest layouts qualify; anything else is "not evident", and the
 * caller takes the choice that is right for a large store.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Variables that move the repository or its objects elsewhere. */
const DECIDING_ENV = ['GIT_DIR', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES'];

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A bare repository's layout, as git recognises one when it looks for a repository. */
function looksBare(dir: string): boolean {
  return isDirectory(join(dir, 'objects')) && isDirectory(join(dir, 'refs')) && exists(join(dir, 'HEAD'));
}

/**
 * The git directory git would find from `dir` (absolute), when evident: the first of `dir` and its
 * parents that holds a `.git` directory or is a bare repository. A `.git` file or link (a
 * worktree, a submodule) is not evident.
 */
function evidentGitDir(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const dotGit = join(d, '.git');
    if (isDirectory(dotGit)) return dotGit;
    if (exists(dotGit)) return undefined;
    if (looksBare(d)) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * The bytes of the pack files of the repository at `dir` (absolute), or undefined when that is not
 * evident: the repository is not found as above, the environment moves it, or it borrows objects
 * from another store (objects/info/alternates). Loose objects are not counted.
 */
export function evidentPackBytes(dir: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (DECIDING_ENV.some((name) => env[name] !== undefined)) return undefined;
  try {
    const gitDir = evidentGitDir(dir);
    if (gitDir === undefined || exists(join(gitDir, 'objects', 'info', 'alternates'))) return undefined;
    const packs = join(gitDir, 'objects', 'pack');
    if (!isDirectory(packs)) return 0;
    let bytes = 0;
    for (const name of readdirSync(packs)) if (name.endsWith('.pack')) bytes += statSync(join(packs, name)).size;
    return bytes;
  } catch {
    return undefined;
  }
}
