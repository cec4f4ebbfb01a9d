/**
 * What a commit says besides its patch: its message, who wrote and committed it, and the names of
 * the files it changed; and the names and messages of refs and annotated tags. Keys hide there as
 * well as in content (a token pasted into a commit message, a file named after a key). One
 * streamed `git log --raw -z` (names, no patches: cheap) over the scan's own commit list.
 */
import { KeyscanError } from '../errors.js';
import { inOrder, splitEvenly } from './ordered-parts.js';
import { gitStream, nulTokenBatches, nulTokens } from './run.js';
import { stagedEntries } from './staged-entries.js';

/** Settings that change what git log prints, pinned: the root commit shows its files, no replacements, no renames. */
const PINNED = ['--no-replace-objects', '-c', 'log.showRoot=true', '-c', 'diff.renames=false', '-c', 'log.showSignature=false'];

export interface CommitMetadata {
  readonly commit: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly committerName: string;
  readonly committerEmail: string;
  readonly date: string;
  readonly message: Buffer;
  /** Paths the commit added or changed (for merges: what the merge itself changed), repository-relative. */
  readonly paths: readonly string[];
  /** What the commit did to each of `paths` (same order), from the same `--raw` records. */
  readonly changes: readonly PathChange[];
}

/**
 * One `--raw` record: the blob the commit gave a path. The walk that reads names and messages
 * reads these too, so the blob design of a history scan and the env-file checks need no walk of
 * their own (each was a second `git log` over every commit).
 */
export interface PathChange {
  /** The new blob (for a submodule entry, the submodule's commit); all zeros when deleted. */
  readonly blob: string;
  /** The new mode: `000000` when deleted, `160000` for a submodule entry. */
  readonly mode: string;
  /** git's status letters (`A`, `M`, `D`, `T`…; one per parent for a merge's combined diff). */
  readonly status: string;
  /** A merge's combined diff (against every parent), not a diff against one parent. */
  readonly merge: boolean;
}

const FIELDS = 7; // sha, an, ae, cn, ce, aI, body

/**
 * A walk of at least twice this many commits runs as parts of about this size, two processes at a
 * time when `processes` allows (git/ordered-parts.ts): each part costs a process start and a read
 * of the pack indexes, worth it only where the walk takes seconds (git/git's 85k commits: eight
 * parts, the walk 6.3–7.5 s against 8.2–9.9 s in one process; express's 6.4k: one).
 */
export const WALK_PART_COMMITS = 10_000;
/** At most this many parts… */
const WALK_PARTS = 8;
/** …and no part starts while this much output of later parts waits for its turn. */
const WALK_HELD_BYTES = 32 << 20;

/**
 * The metadata of `commits`, in their order. Any output that does not have the shape asked for
 * (a commit out of order, a stray record) is an error: it is never skipped. With `processes` ≥ 2
 * a long walk runs as consecutive parts, two git processes at once; what it yields is the same.
 */
export async function* commitMetadata(
  repo: string,
  commits: readonly string[],
  processes = 1,
  partCommits = WALK_PART_COMMITS,
): AsyncGenerator<CommitMetadata> {
  if (commits.length === 0) return;
  const args = [
    ...PINNED,
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '-z',
    '--raw',
    '--cc',
    '--no-abbrev',
    '--no-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--encoding=UTF-8',
    '--format=%x01%H%x00%an%x00%ae%x00%cn%x00%ce%x00%aI%x00%B',
  ];
  let index = 0;
  let fields: Buffer[] = [];
  let paths: string[] = [];
  let changes: PathChange[] = [];
  let expectPath = false;
  const done = (): CommitMetadata => {
    // Tokens are views of git's output; only the message is kept past this commit, so only it is copied.
    const [sha, an, ae, cn, ce, date, body] = fields.map((f, i) => (i === 6 ? Buffer.from(f) : f.toString('utf8'))) as [
      string,
      string,
      string,
      string,
      string,
      string,
      Buffer,
    ];
    return { commit: sha, authorName: an, authorEmail: ae, committerName: cn, committerEmail: ce, date, message: body, paths, changes };
  };
  const split = processes >= 2 && commits.length >= 2 * partCommits;
  const parts = split ? splitEvenly(commits, Math.min(WALK_PARTS, Math.floor(commits.length / partCommits))) : [commits];
  const sources = parts.map((part) => () => gitStream(args, repo, `${part.join('\n')}\n`));
  for await (const batch of inOrder(sources, Math.min(processes, 2), WALK_HELD_BYTES, nulTokenBatches)) {
    for (const token of batch) {
      if (fields.length < FIELDS) {
        if (fields.length === 0) {
          const header = stripNewline(token);
          const expected = commits[index];
          if (header[0] !== 1 || header.toString('latin1', 1) !== expected) throw unexpected(expected);
          fields.push(header.subarray(1));
        } else fields.push(token);
        continue;
      }
      if (expectPath) {
        paths.push(token.toString('utf8'));
        expectPath = false;
        continue;
      }
      const t = stripNewline(token);
      if (t.length === 0) continue;
      if (t[0] === 0x3a /* : */) {
        const change = rawRecord(t);
        if (change === undefined) throw unexpected(commits[index]);
        changes.push(change);
        expectPath = true;
        continue;
      }
      if (t[0] !== 1) throw unexpected(commits[index + 1]);
      yield done();
      index++;
      fields = [];
      paths = [];
      changes = [];
      const expected = commits[index];
      if (t.toString('latin1', 1) !== expected) throw unexpected(expected);
      fields.push(t.subarray(1));
    }
  }
  if (fields.length > 0) {
    if (fields.length < FIELDS) throw unexpected(commits[index]);
    yield done();
    index++;
  }
  if (index !== commits.length) throw unexpected(commits[index]);
}

/** A ref's name, and for an annotated tag its message and tagger. */
export interface RefMetadata {
  readonly name: string;
  readonly tag?: {
    readonly target: string;
    readonly tagger: string;
    readonly taggerEmail: string;
    readonly date: string;
    readonly message: Buffer;
  };
}

/** Every ref (`refs/stash` only when asked), with the messages of annotated tags. */
export async function* refMetadata(repo: string, includeStash: boolean): AsyncGenerator<RefMetadata> {
  const format =
    '%01%(refname)%00%(objecttype)%00%(*objectname)%00%(taggername)%00%(taggeremail)%00%(taggerdate:iso-strict)%00%(contents)%00';
  const args = [...PINNED, 'for-each-ref', `--format=${format}`];
  let record: Buffer[] = [];
  for await (const token of nulTokens(gitStream(args, repo))) {
    record.push(record.length === 0 ? stripNewline(token) : token);
    if (record.length < 7) continue;
    const [name, type, target, tagger, email, date, message] = record as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
    record = [];
    if (name[0] !== 1) throw new KeyscanError('E_GIT', 'git for-each-ref printed a record keyscan cannot read', { hint: HINT });
    const ref = name.toString('utf8', 1);
    if (!includeStash && ref === 'refs/stash') continue;
    yield type.toString('latin1') === 'tag'
      ? {
          name: ref,
          tag: {
            target: target.toString('latin1'),
            tagger: tagger.toString('utf8'),
            taggerEmail: email.toString('utf8').replace(/^<(.*)>$/s, '$1'),
            date: date.toString('latin1'),
            message: Buffer.from(message),
          },
        }
      : { name: ref };
  }
  if (record.some((t) => stripNewline(t).length > 0)) {
    throw new KeyscanError('E_GIT', 'git for-each-ref output ended mid-record', { hint: HINT });
  }
}

const HINT = 'Nothing was reported as clean. Run `git fsck --full`; if the repository is sound, please report this.';

function unexpected(commit: string | undefined): KeyscanError {
  return new KeyscanError(
    'E_GIT',
    `git log printed commit metadata keyscan cannot read${commit === undefined ? '' : ` (expected commit ${commit.slice(0, 12)})`}`,
    { hint: HINT },
  );
}

/**
 * `:old-mode new-mode old-id new-id status` (a merge: one more `:`, mode and id per parent); the
 * last mode and id are the commit's own. Undefined when the record has another shape.
 */
function rawRecord(t: Buffer): PathChange | undefined {
  let colons = 0;
  while (t[colons] === 0x3a) colons++;
  // Field starts, read in place: a string split from the record would keep the whole record alive
  // in every blob id that the blob design's index holds.
  const starts: number[] = [colons];
  for (let at = t.indexOf(0x20, colons); at !== -1; at = t.indexOf(0x20, at + 1)) starts.push(at + 1);
  if (starts.length !== 2 * colons + 3) return undefined;
  const field = (i: number): string =>
    t.toString('latin1', starts[i] as number, i + 1 < starts.length ? (starts[i + 1] as number) - 1 : t.length);
  return { blob: field(2 * colons + 1), mode: field(colons), status: field(2 * colons + 2), merge: colons > 1 };
}

/** `-z` output splits records on NUL; git puts a newline before the next commit's first field. */
function stripNewline(token: Buffer): Buffer {
  return token[0] === 10 ? token.subarray(1) : token;
}

/** Every name `git diff --cached` adds or changes (deletions excluded), also of files without added lines. */
export async function stagedNames(repo: string): Promise<string[]> {
  return (await stagedEntries(repo)).map((e) => e.path);
}
