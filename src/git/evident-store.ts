/**
 * How large a repository's object store evidently is, read from the file system without starting
 * git (a git process costs ~5-8 ms): to choose where a history audit runs (cli/history-thread.ts),
 * never what it scans. Only the plainest layouts qualify; anything else is "not evident", and the
 * caller takes the choice that is right for a large store.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
 * The directory a `.git` file names (`gitdir: PATH`, relative to the file's directory: a linked
 * worktree or a submodule), and the common directory that holds a worktree's objects.
 */
function linkedGitDir(dotGit: string): string | undefined {
  if (!lstatSync(dotGit).isFile()) return undefined; // a link: git knows
  const named = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
  if (named === null) return undefined;
  const gitDir = resolve(dirname(dotGit), (named[1] as string).trim());
  const common = join(gitDir, 'commondir');
  return exists(common) ? resolve(gitDir, readFileSync(common, 'utf8').trim()) : gitDir;
}

/**
 * The directory holding the objects of the repository git would find from `dir` (absolute), when
 * evident: the first of `dir` and its parents that holds a `.git` directory or file, or that is a
 * bare repository.
 */
function evidentGitDir(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const dotGit = join(d, '.git');
    if (isDirectory(dotGit)) return dotGit;
    if (exists(dotGit)) return linkedGitDir(dotGit);
    if (looksBare(d)) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * The bytes of the pack files of the repository at `dir` (absolute), or undefined when that is not
 * evident: the repository is not found as above, the environment moves it, or it borrows objects
 * from another store (objects/info/alternates). Loose objects are not counted. A linked worktree
 * counts its repository's packs.
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
