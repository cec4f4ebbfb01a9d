/**
 * When `dir` is plainly the root of its own work tree, so that `git rev-parse --show-toplevel`
 * need not be asked: a pre-commit hook runs keyscan at the root, and that git process costs the
 * hook ~8 ms of CPU (its start and Node's spawn). Only the plainest layout qualifies, and anything
 * that could make git answer otherwise sends the question to git as before: the answer must be
 * exactly git's, since every staged command runs at it and every path is relative to it.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Variables that choose the repository or the work tree: any of them set, git decides. Config from
 * elsewhere does not move the root (git reads core.worktree and core.bare from the repository's own
 * config file only: with either given by `-c`, GIT_CONFIG_PARAMETERS or the global config, git
 * 2.39 prints the same root).
 */
const DECIDING_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR'];

/** Values git reads as false (a key with no value is true). */
const FALSE = new Set(['false', 'no', 'off', '0']);

/**
 * Whether the repository config could move or remove the work tree: core.worktree or
 * extensions.worktreeConfig (any key starting `worktree`), core.bare not false (`git init` writes
 * `bare = false`), or an include or includeIf section, which reads other files that could. Read
 * line by line, in any section, so it errs only towards asking git.
 */
function configDecides(config: string): boolean {
  for (const raw of config.split('\n')) {
    let line = raw.trim();
    const header = /^\[([^\]]*)\]?/.exec(line);
    if (header !== null) {
      if (/include/i.test(header[1] as string)) return true;
      line = line.slice(header[0].length).trim(); // `[core] bare = true` is one line
    }
    const key = /^([A-Za-z][\w-]*)\s*(=\s*(.*))?$/.exec(line);
    if (key === null) continue;
    const name = (key[1] as string).toLowerCase();
    if (name.startsWith('worktree')) return true;
    if (name === 'bare') {
      const value = (key[3] ?? 'true')
        .replace(/[#;].*$/, '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
      if (!FALSE.has(value)) return true;
    }
  }
  return false;
}

/**
 * `dir` itself when it is its work tree's root beyond doubt, else undefined (ask git): `dir` is
 * absolute and its own real path (git prints the root with symbolic links resolved); `dir/.git` is
 * a directory, not a link or a `gitdir:` file (worktrees, submodules), with the HEAD, objects and
 * refs that make git stop looking further up; the user owns both (else git's safe.directory check
 * may refuse, and must say so); and neither the environment nor `.git/config` has a say.
 */
export function evidentWorkTreeRoot(dir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (DECIDING_ENV.some((name) => env[name] !== undefined)) return undefined;
  try {
    if (!dir.startsWith('/') || realpathSync.native(dir) !== dir) return undefined;
    const gitDir = join(dir, '.git');
    const uid = process.getuid?.();
    const ownDir = (path: string): boolean => {
      const s = lstatSync(path);
      return s.isDirectory() && uid !== undefined && s.uid === uid;
    };
    if (!ownDir(dir) || !ownDir(gitDir) || !lstatSync(join(gitDir, 'objects')).isDirectory()) return undefined;
    if (!lstatSync(join(gitDir, 'refs')).isDirectory() || !lstatSync(join(gitDir, 'HEAD')).isFile()) return undefined;
    return configDecides(readFileSync(join(gitDir, 'config'), 'latin1')) ? undefined : dir;
  } catch {
    return undefined; // something missing or unreadable: git knows best
  }
}
