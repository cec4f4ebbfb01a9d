/**
 * The git commands behind staged, range and history scans. Options that user config could change
 * (prefixes, colour, external diff drivers, textconv, signatures, path quoting) are pinned, so the
 * diff parser always sees the same format.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KeyscanError } from '../errors.js';
import { BatchParser } from './cat-file.js';
import { DIFF_OPTIONS, DIFF_PINS } from './diff-options.js';
import { firstLine, git, gitStream } from './run.js';
import { STAGED_DIFF_ARGS } from './staged-commands.js';
import { sharedStagedRead } from './staged-read.js';

/** `git log --format` for the commit header the diff parser expects: RS, then fields separated by US. */
export const LOG_FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI';

/**
 * `git diff --cached`: what is staged against HEAD (against the empty tree before the first
 * commit). In a staged scan, the patch of its one diff (staged-read.ts).
 */
export function stagedDiff(repo: string): AsyncGenerator<Buffer> {
  return sharedStagedRead(repo)?.claimPatch() ?? gitStream(STAGED_DIFF_ARGS, repo);
}

/**
 * The patches of the given commits: each against its first parent, merges as dense combined diffs
 * (only what the merge itself introduced), root commits against the empty tree. No rename
 * detection: a renamed file's content counts as added at its new path.
 */
export function commitPatches(repo: string, commits: readonly string[], paths?: readonly string[]): AsyncGenerator<Buffer> {
  const args = [
    ...DIFF_PINS,
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '-p',
    '--cc',
    '--no-renames',
    `--format=${LOG_FORMAT}`,
    '--encoding=UTF-8',
    ...DIFF_OPTIONS,
    // Only these paths' changes (the blob design's second pass), each named literally.
    ...(paths === undefined ? [] : ['--', ...paths.map((p) => `:(literal)${p}`)]),
  ];
  return gitStream(args, repo, `${commits.join('\n')}\n`);
}

/** Commits to audit, newest first in topological order (children before parents). */
export async function listCommits(repo: string, revisions: readonly string[]): Promise<string[]> {
  const commits: string[] = [];
  let rest = '';
  for await (const chunk of gitStream(['rev-list', '--topo-order', ...revisions, '--'], repo)) {
    const lines = (rest + chunk.toString('latin1')).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) if (l !== '') commits.push(l);
  }
  if (rest !== '') commits.push(rest);
  return commits;
}

/** Revisions for a full audit: every ref, stashes only when asked. */
export function allRefs(includeStash: boolean): string[] {
  return includeStash ? ['--all'] : ['--exclude=refs/stash', '--all'];
}

/** The full SHA of `rev` as a commit, or undefined if this clone does not have it. */
export async function resolveCommit(repo: string, rev: string): Promise<string | undefined> {
  const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], repo);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** Commits whose parents this shallow clone does not have (empty for a full clone). */
export async function shallowBoundary(repo: string): Promise<Set<string>> {
  const shallow = await git(['rev-parse', '--is-shallow-repository'], repo);
  if (shallow.stdout.trim() !== 'true') return new Set();
  const file = await git(['rev-parse', '--git-path', 'shallow'], repo);
  const text = await readFile(resolve(repo, file.stdout.trim()), 'utf8').catch(() => '');
  return new Set(text.split('\n').filter((l) => l !== ''));
}

/** Fails unless `cwd` is inside a git repository (work tree or bare). */
export async function requireRepository(cwd: string): Promise<void> {
  const r = await git(['rev-parse', '--git-dir'], cwd);
  if (r.code !== 0) {
    throw new KeyscanError('E_GIT', `${cwd} is not a git repository (${firstLine(r.stderr)})`, {
      hint: 'Run keyscan inside a clone, or scan files without --staged/--range/--history.',
    });
  }
}

/**
 * Reads `rev:path` for many paths through one `git cat-file --batch` and calls `check` with each
 * file's content (undefined when it does not exist at that revision). Each blob is copied once, so
 * a large file costs its size, not its size squared.
 */
export async function readAtRevision(
  repo: string,
  rev: string,
  paths: readonly string[],
  check: (path: string, content: Buffer | undefined) => void,
): Promise<void> {
  const askable = paths.filter((p) => !p.includes('\n'));
  for (const p of paths) if (p.includes('\n')) check(p, undefined);
  if (askable.length === 0) return;
  const input = askable.map((p) => `${rev}:${p}`).join('\n');
  let index = 0;
  const parser = new BatchParser(Number.POSITIVE_INFINITY, (read) => {
    const path = askable[index++];
    if (path !== undefined) check(path, read.missing ? undefined : read.data);
  });
  for await (const chunk of gitStream(['cat-file', '--batch'], repo, `${input}\n`)) parser.push(chunk);
}
