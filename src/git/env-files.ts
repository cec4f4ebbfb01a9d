/**
 * The git questions behind the env-file checks: is a path tracked, ignored, staged, added by which
 * commit, present at a revision. Each is one git process however many paths are asked about
 * (command lines are split only when they would grow too long).
 */
import { KeyscanError } from '../errors.js';
import type { CommitHeader } from '../types.js';
import { firstLine, git, gitOk, gitStream } from './run.js';
import { stagedEntries } from './staged-entries.js';

/** Paths per command line: far below any OS limit even for long paths. */
const PATHS_PER_CALL = 256;

const literal = (path: string): string => `:(literal)${path}`;

/** Which of `paths` (relative to `root`) are in the index, i.e. tracked or staged to be. */
export async function trackedPaths(root: string, paths: readonly string[]): Promise<Set<string>> {
  const tracked = new Set<string>();
  for (let i = 0; i < paths.length; i += PATHS_PER_CALL) {
    const chunk = paths.slice(i, i + PATHS_PER_CALL).map(literal);
    const out = await gitOk(['ls-files', '-z', '--cached', '--full-name', '--', ...chunk], root);
    for (const p of out.split('\0')) if (p !== '') tracked.add(p);
  }
  return tracked;
}

/**
 * Which of `paths` git's ignore rules (every `.gitignore`, `.git/info/exclude`, `core.excludesFile`)
 * ignore. Without `includeTracked`, tracked paths never count as ignored (git's own view: a rule
 * does not apply to a tracked file); with it, the rules alone decide.
 */
export async function ignoredPaths(root: string, paths: readonly string[], includeTracked = false): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const args = ['check-ignore', '-z', '--stdin', ...(includeTracked ? ['--no-index'] : [])];
  const r = await git(args, root, `${paths.join('\0')}\0`);
  // 0: some are ignored, 1: none are; anything else is a failure, never "nothing ignored".
  if (r.code !== 0 && r.code !== 1) throw new KeyscanError('E_GIT', `git check-ignore failed in ${root}: ${firstLine(r.stderr)}`);
  return new Set(r.stdout.split('\0').filter((p) => p !== ''));
}

export interface StagedChange {
  /** `A` added, `M` modified, `T` type changed. */
  readonly status: string;
  readonly path: string;
}

/** Files that the next commit adds or changes (not deletions), from `git diff --cached`. */
export async function stagedChanges(root: string): Promise<StagedChange[]> {
  return (await stagedEntries(root)).filter((e) => e.status === 'A' || e.status === 'M' || e.status === 'T');
}

/**
 * Diff options for reading which lines a change added: hunk headers only, never judged "binary" by
 * the repository's attributes (`-diff` would hide every line), never a textconv or external diff.
 */
const ADDED_LINES = ['-U0', '--text', '--no-renames', '--no-color', '--no-ext-diff', '--no-textconv'];

/** Line ranges `[first, last]` of the staged version of `path` that the staged change adds. */
export async function stagedAddedLines(root: string, path: string): Promise<Array<[number, number]>> {
  const out = await gitOk(['diff', '--cached', ...ADDED_LINES, '--', literal(path)], root);
  return hunkRanges(out);
}

/** A commit that added files, with those of its added paths that `keep` accepted. */
export interface AddedFiles {
  readonly commit: Omit<CommitHeader, 'parents'>;
  readonly paths: readonly string[];
}

/** Lists what {@link addedFiles} lists: that function, or the same from a walk the scan already runs. */
export type AddedLister = (commits: readonly string[], keep: (path: string) => boolean, filter?: 'A' | 'AM') => Promise<AddedFiles[]>;

const ADDED_FORMAT = '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI';

/**
 * The files each of `commits` added (against its first parent; root commits against the empty
 * tree), keeping the paths `keep` accepts. Names only: no patches, so this costs a fraction of
 * the history scan itself (git prints only commits that added a file). Merges are not diffed:
 * the commits on the merged branch that added a file are.
 */
export async function addedFiles(
  root: string,
  commits: readonly string[],
  keep: (path: string) => boolean,
  /** `AM`: files the commit added or modified. */
  filter: 'A' | 'AM' = 'A',
): Promise<AddedFiles[]> {
  if (commits.length === 0) return [];
  const args = [
    '-c',
    'log.showSignature=false',
    '-c',
    'log.showRoot=true',
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '--no-renames',
    `--diff-filter=${filter}`,
    '--name-only',
    '-z',
    '--encoding=UTF-8',
    ADDED_FORMAT,
  ];
  const found: AddedFiles[] = [];
  const decoder = new TextDecoder();
  let rest = '';
  const take = (record: string): void => {
    const nul = record.indexOf('\0');
    if (nul === -1) return;
    const [commit = '', author = '', authorEmail = '', date = ''] = record.slice(0, nul).split('\x1f');
    const paths = record
      .slice(nul + 1)
      .split('\0')
      .map((p) => p.replace(/^\n/, ''))
      .filter((p) => p !== '' && keep(p));
    if (paths.length > 0) found.push({ commit: { commit, author, authorEmail, date }, paths });
  };
  for await (const chunk of gitStream(args, root, `${commits.join('\n')}\n`)) {
    const records = (rest + decoder.decode(chunk, { stream: true })).split('\x1e');
    rest = records.pop() ?? '';
    for (const r of records) take(r);
  }
  take(rest + decoder.decode());
  return found;
}

/** Line ranges `[first, last]` of `path` as `commit` left it that `commit` added (against its first parent). */
export async function commitAddedLines(root: string, commit: string, path: string): Promise<Array<[number, number]>> {
  const out = await gitOk(['diff-tree', '-p', '--root', ...ADDED_LINES, commit, '--', literal(path)], root);
  return hunkRanges(out);
}

function hunkRanges(diff: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count > 0) ranges.push([start, start + count - 1]);
  }
  return ranges;
}

/** Which of `paths` exist in `rev` (a commit). */
export async function pathsAt(root: string, rev: string, paths: readonly string[]): Promise<Set<string>> {
  const askable = paths.filter((p) => !p.includes('\n'));
  if (askable.length === 0) return new Set();
  const r = await git(['cat-file', '--batch-check=%(objecttype)'], root, `${askable.map((p) => `${rev}:${p}`).join('\n')}\n`);
  if (r.code !== 0) throw new KeyscanError('E_GIT', `git cat-file failed in ${root}: ${firstLine(r.stderr)}`);
  const answers = r.stdout.split('\n');
  return new Set(askable.filter((_p, i) => answers[i] === 'blob'));
}
