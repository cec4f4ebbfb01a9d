/**
 * Turns the paths named on the command line into the files to scan. Inside a git work tree a
 * directory is listed by git (tracked + untracked, minus what git ignores); a directory git
 * ignores, or one outside any work tree, is walked on disk. `.git/` is never entered.
 */
import { opendir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KeyscanError, systemErrorCode } from '../errors.js';
import { isIgnored, listWorkTreeFiles, workTreeRoot } from '../git/repo.js';
import type { SkipReason } from '../types.js';
import { displayPath, insideGitDir } from './paths.js';

/** A file to read: where it is and how it is reported. */
export interface FileTarget {
  readonly abs: string;
  /** POSIX, relative to the report base. */
  readonly path: string;
}

export interface WalkOptions {
  readonly cwd: string;
  /** Paths are reported relative to this directory. */
  readonly base: string;
  /** Return true to leave a file out (config excludes); it is counted as skipped. */
  readonly isExcluded: (path: string) => boolean;
  readonly onSkip: (reason: SkipReason, path: string) => void;
}

export async function* walkTargets(paths: readonly string[], options: WalkOptions): AsyncGenerator<FileTarget> {
  const seen = new Set<string>();
  for (const given of paths) {
    const abs = resolve(options.cwd, given);
    const info = await stat(abs).catch((e: unknown) => {
      const code = systemErrorCode(e);
      throw new KeyscanError('E_PATH', `cannot scan ${given}: ${code === 'ENOENT' ? 'no such file or directory' : (code ?? String(e))}`, {
        hint: 'Check the path, or run keyscan from the directory that contains it.',
        cause: e,
      });
    });
    const listing = info.isDirectory() ? listDirectory(abs, options) : singleFile(abs, info.isFile(), options);
    for await (const target of listing) {
      if (seen.has(target.abs)) continue;
      seen.add(target.abs);
      if (insideGitDir(target.path)) continue;
      if (options.isExcluded(target.path)) {
        options.onSkip('excluded', target.path);
        continue;
      }
      yield target;
    }
  }
}

async function* singleFile(abs: string, regular: boolean, options: WalkOptions): AsyncGenerator<FileTarget> {
  const path = displayPath(options.base, abs);
  if (regular) yield { abs, path };
  else options.onSkip('notRegular', path);
}

async function* listDirectory(dir: string, options: WalkOptions): AsyncGenerator<FileTarget> {
  const root = await workTreeRoot(dir);
  const ignored = root !== undefined && dir !== root && (await isIgnored(root, displayPath(root, dir)));
  if (root === undefined || ignored) {
    yield* walkDisk(dir, options);
    return;
  }
  for await (const rel of listWorkTreeFiles(dir)) {
    if (rel.endsWith('/')) continue; // an untracked nested repository: git does not descend, neither do we
    const abs = join(dir, rel);
    yield { abs, path: displayPath(options.base, abs) };
  }
}

async function* walkDisk(dir: string, options: WalkOptions): AsyncGenerator<FileTarget> {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    const entries = await opendir(current).catch((e: unknown) => {
      throw new KeyscanError('E_READ', `cannot read directory ${displayPath(options.base, current)}: ${systemErrorCode(e) ?? String(e)}`, {
        hint: 'Fix its permissions or exclude it.',
        cause: e,
      });
    });
    const subdirs: string[] = [];
    for await (const entry of entries) {
      const abs = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') subdirs.push(abs);
      } else if (entry.isFile()) {
        yield { abs, path: displayPath(options.base, abs) };
      } else {
        options.onSkip(entry.isSymbolicLink() ? 'symlink' : 'notRegular', displayPath(options.base, abs));
      }
    }
    // Depth-first in name order keeps the listing deterministic.
    pending.push(...subdirs.sort().reverse());
  }
}
