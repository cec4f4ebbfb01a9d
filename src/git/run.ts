/**
 * Every git invocation goes through here. One-shot commands are buffered (their output is small);
 * listings and logs are streamed by the callers through {@link gitStream}.
 *
 * Plain child processes rather than simple-git: streaming is required, and a pre-commit run
 * cannot spare the extra import time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { KeyscanError, systemErrorCode } from '../errors.js';

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Settings pinned on every git command line, where they override every config file (system,
 * global, the repository's own, includes). Two kinds:
 *
 * - Output: anything that changes what `log -p`, `diff`, `ls-files`, `rev-list` or `cat-file`
 *   print or which commits they walk (a repository's `log.showRoot=false` once hid its root commit
 *   from `--history`). Flags on the commands pin the same where git has one (`--no-color`,
 *   `--no-ext-diff`, `-U0`…); the config here covers the commands and settings that have none.
 * - Execution: every key that makes the commands keyscan runs start a program or a hook. A
 *   repository someone hands you must not run its code when scanned: fsmonitor, hooks (a fetch
 *   can run reference-transaction and pre-auto-gc), pagers, signature verification, the
 *   alternates' refs command, the `ext::` transport, and auto-maintenance after a fetch (the
 *   upload-pack command is pinned by git/remote.ts). Diff drivers,
 *   textconv and external diffs are turned off by flags on the diff commands; clean/smudge
 *   filters only run when git reads the work tree into the index (add, status, work-tree diffs),
 *   which keyscan never asks for (tested in test/e2e/git-config.test.ts).
 *
 * Not pinned, on purpose: credentials, `core.sshCommand`, proxies and URL rewrites, used only by
 * the fetches of `keyscan ci` (a pull request cannot write `.git/config`, and a private checkout
 * needs them), and the user's global and system config as a whole (`safe.directory` lives there).
 */
export const PINNED_CONFIG: ReadonlyArray<readonly [string, string]> = [
  // What log and diff print.
  ['log.showRoot', 'true'],
  ['log.showSignature', 'false'],
  ['log.decorate', 'false'],
  ['log.follow', 'false'],
  ['log.abbrevCommit', 'false'],
  ['log.mailmap', 'false'],
  ['format.pretty', 'medium'],
  ['i18n.logOutputEncoding', 'UTF-8'],
  ['core.quotePath', 'false'],
  ['core.useReplaceRefs', 'false'],
  ['color.ui', 'false'],
  ['color.diff', 'false'],
  ['diff.noprefix', 'false'],
  ['diff.mnemonicPrefix', 'false'],
  ['diff.srcPrefix', 'a/'],
  ['diff.dstPrefix', 'b/'],
  ['diff.relative', 'false'],
  ['diff.renames', 'true'],
  ['diff.algorithm', 'myers'],
  ['diff.indentHeuristic', 'true'],
  ['diff.context', '3'],
  ['diff.interHunkContext', '0'],
  ['diff.suppressBlankEmpty', 'false'],
  ['diff.wsErrorHighlight', 'none'],
  ['diff.orderFile', '/dev/null'],
  ['diff.submodule', 'short'],
  ['diff.ignoreSubmodules', 'none'],
  ['diff.colorMoved', 'no'],
  // Above this size git's diff calls a blob binary and prints no lines: the default, not the repository's.
  ['core.bigFileThreshold', '512m'],
  // A commit-graph file is a cache of parents the repository ships itself: read them from the commits.
  ['core.commitGraph', 'false'],
  // GIT_GRAFT_FILE=/dev/null (see gitEnv) is read as a graft file: without this, every command
  // says grafts are deprecated, and that hint stood first in the message of a real git error.
  ['advice.graftFileDeprecated', 'false'],
  // Programs and hooks.
  ['core.fsmonitor', 'false'],
  ['core.untrackedCache', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['core.pager', 'cat'],
  ['protocol.ext.allow', 'never'],
  // A fetch asks this command for the refs of borrowed object stores (objects/info/alternates);
  // `true` answers "none", which only makes the fetch negotiate without them.
  ['core.alternateRefsCommand', 'true'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['fetch.writeCommitGraph', 'false'],
  ['fetch.prune', 'false'],
  ['fetch.pruneTags', 'false'],
  ['submodule.recurse', 'false'],
];

const PINNED_ARGS: readonly string[] = ['--no-pager', ...PINNED_CONFIG.flatMap(([k, v]) => ['-c', `${k}=${v}`])];

/** The full command line: pins first (`git config` reads settings, so it gets none). */
export function pinnedArgs(args: readonly string[]): string[] {
  return subcommand(args) === 'config' ? [...args] : [...PINNED_ARGS, ...args];
}

/**
 * Variables that change output and that git lets the environment set over the command line, or
 * that would reinterpret the pathspecs keyscan passes. GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and
 * the object-directory variables stay: a pre-commit hook (husky) runs keyscan with them set, and
 * `--staged` must read the index the commit is being made from.
 */
const DROPPED_ENV = [
  'GIT_DIFF_OPTS',
  'GIT_EXTERNAL_DIFF',
  'GIT_NOTES_REF',
  'GIT_LITERAL_PATHSPECS',
  'GIT_GLOB_PATHSPECS',
  'GIT_NOGLOB_PATHSPECS',
  'GIT_ICASE_PATHSPECS',
  'GIT_REPLACE_REF_BASE',
];

/**
 * Environment for git children: no pager, no prompts, stable output whatever the user's locale;
 * replacement objects and grafts off, so every commit is read as it is stored (`git replace` and
 * `.git/info/grafts` can otherwise hide a commit or give it other parents).
 */
export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_GRAFT_FILE: '/dev/null',
  };
  for (const name of DROPPED_ENV) delete env[name];
  return env;
}

/**
 * Runs git and returns its exit code and output; throws only when git cannot be started.
 * `input`, if given, is written to git's stdin.
 */
export async function git(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
  // async: a spawn that throws (an argument it refuses) rejects, as every other failure does.
  const p = startGit(args, cwd, input !== undefined);
  if (input !== undefined && p.child.stdin !== null) {
    p.child.stdin.on('error', () => undefined); // git may exit before reading everything; its exit code tells
    p.child.stdin.end(input);
  }
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  p.stdout.on('data', (b: Buffer) => out.push(b));
  p.stderr.on('data', (b: Buffer) => err.push(b));
  return Promise.all([p.closed, ended(p.stdout), ended(p.stderr)]).then(
    ([{ code }]) => ({ code: code ?? 128, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    (e: Error) => Promise.reject(spawnError(e, cwd)),
  );
}

/** A git process, started now or earlier ({@link prefetchGit}). */
interface GitProcess {
  readonly child: ChildProcess;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Settles when git has exited and closed its output; rejects when it could not be started. */
  readonly closed: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
}

function startGit(args: readonly string[], cwd: string, withStdin: boolean): GitProcess {
  // Once per start: copying process.env is a call into C++ per variable.
  const env = gitEnv();
  return claimPrefetched(args, cwd, withStdin, env) ?? spawnGit(args, cwd, withStdin, env);
}

function spawnGit(args: readonly string[], cwd: string, withStdin: boolean, env: NodeJS.ProcessEnv): GitProcess {
  const child = spawn('git', pinnedArgs(args), { cwd, env, stdio: [withStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  closed.catch(() => undefined); // surfaced by the caller
  const { stdout, stderr } = child;
  if (stdout === null || stderr === null) throw new KeyscanError('E_GIT', 'could not read git output');
  return { child, stdout, stderr, closed };
}

/** Resolves once `stream` has given all of its data (or was destroyed). */
function ended(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
  });
}

/**
 * Git processes started early, waiting for their request. On globalThis: the hook's early start
 * runs in dist/bundle/start.cjs, the request in dist/bundle/cli.cjs, each with its own copy of
 * this module.
 */
const PREFETCHED = Symbol.for('keyscan.prefetched-git');
type Prefetched = Map<string, GitProcess>;

function prefetchKey(args: readonly string[], cwd: string, withStdin: boolean, env: NodeJS.ProcessEnv): string {
  return JSON.stringify([pinnedArgs(args), cwd, withStdin, env]);
}

/**
 * Starts `git args` in `cwd` now, for a later request of exactly the same command, directory and
 * environment (see staged-commands.ts). Its output is read at once into a buffer of its own: Node
 * drops the output of an exited child that nobody reads, and a large output waits in that buffer's
 * backpressure for its reader. Until requested, it does not keep keyscan running: a run that never
 * asks (an error first, another directory) exits as it would have, and git sees its pipes close.
 */
export function prefetchGit(args: readonly string[], cwd: string, withStdin: boolean): void {
  const global = globalThis as { [PREFETCHED]?: Prefetched };
  const registry = global[PREFETCHED] ?? new Map<string, GitProcess>();
  global[PREFETCHED] = registry;
  const env = gitEnv();
  const key = prefetchKey(args, cwd, withStdin, env);
  if (registry.has(key)) return;
  let p: GitProcess;
  try {
    p = spawnGit(args, cwd, withStdin, env);
  } catch {
    return; // the request starts it again and reports what went wrong
  }
  const stdout = p.stdout.pipe(new PassThrough());
  const stderr = p.stderr.pipe(new PassThrough());
  p.child.unref();
  for (const s of [p.child.stdin, p.child.stdout, p.child.stderr]) (s as { unref?: () => void } | null)?.unref?.();
  registry.set(key, { ...p, stdout, stderr });
}

/** The early-started process for this request, taken (each is used once), or undefined. */
function claimPrefetched(args: readonly string[], cwd: string, withStdin: boolean, env: NodeJS.ProcessEnv): GitProcess | undefined {
  const registry = (globalThis as { [PREFETCHED]?: Prefetched })[PREFETCHED];
  if (registry === undefined || registry.size === 0) return undefined;
  const key = prefetchKey(args, cwd, withStdin, env);
  const p = registry.get(key);
  if (p === undefined) return undefined;
  registry.delete(key);
  p.child.ref();
  for (const s of [p.child.stdin, p.child.stdout, p.child.stderr]) (s as { ref?: () => void } | null)?.ref?.();
  return p;
}

/** Runs git and returns stdout; a non-zero exit becomes an E_GIT error naming the command. */
export async function gitOk(args: readonly string[], cwd: string): Promise<string> {
  const r = await git(args, cwd);
  if (r.code !== 0) throw gitFailure(args, cwd, r.stderr);
  return r.stdout;
}

/** The git subcommand in an argument list (after any `-c key=value` options). */
export function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-c' || a === '-C') i++;
    else if (!a.startsWith('-')) return a;
  }
  return '';
}

/** What went wrong in git, with what to do about it. */
function gitFailure(args: readonly string[], cwd: string, stderr: string): KeyscanError {
  const detail = firstLine(stderr);
  const corrupt = /corrupt|inflate|bad object|missing|unable to read|packfile|does not exist|fatal: loose object/i.test(stderr);
  return new KeyscanError('E_GIT', `git ${subcommand(args)} failed in ${cwd}: ${detail}`, {
    hint: corrupt
      ? 'The repository may be damaged or incomplete: run `git fsck --full`, or scan a fresh clone. Nothing was reported as clean.'
      : 'Run the same git command yourself to see the whole message.',
  });
}

export function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * Streams git's stdout. The iterator ends when git exits; a non-zero exit (or a signal) throws
 * E_GIT after the output is consumed, so a failed listing can never pass for an empty one.
 */
export async function* gitStream(args: readonly string[], cwd: string, input?: string | AsyncIterable<string>): AsyncGenerator<Buffer> {
  const { child, stdout, stderr, closed } = startGit(args, cwd, input !== undefined);
  if (input !== undefined && child.stdin !== null) {
    child.stdin.on('error', () => undefined); // git may exit before reading everything; its exit code tells
    // An iterable feeds requests while the output is read (`git cat-file --batch` as a service).
    if (typeof input === 'string') child.stdin.end(input);
    else Readable.from(input).pipe(child.stdin);
  }
  const err: Buffer[] = [];
  stderr.on('data', (b: Buffer) => {
    if (err.length < 64) err.push(b);
  });
  const exit = closed.then(
    ({ code, signal }) => code ?? (signal ? 128 : 0),
    (e: Error) => Promise.reject(spawnError(e, cwd)),
  );
  exit.catch(() => undefined); // surfaced below
  try {
    for await (const chunk of stdout) yield chunk as Buffer;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exit;
  await ended(stderr);
  if (code !== 0) throw gitFailure(args, cwd, Buffer.concat(err).toString('utf8'));
}

/**
 * NUL-terminated tokens of `-z` output as Buffers (bytes, not text: names need not be UTF-8). Each
 * is a view of git's output, not a copy (a stream's chunks are never reused): a caller that keeps
 * one long copies it ({@link nulRecords}), so that a small token does not hold a whole chunk alive.
 */
export async function* nulTokens(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const batch of nulTokenBatches(chunks)) yield* batch;
}

/**
 * {@link nulTokens}, the tokens of each chunk in one array: a long listing (git/git's commit walk:
 * ~1.6M tokens) then costs one asynchronous step per chunk instead of one or two per token, which
 * was ~0.4 s of the main thread's CPU there, measured.
 */
export async function* nulTokenBatches(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer[]> {
  // The pieces of a token cut by chunk edges, joined once its NUL arrives: only that token is
  // copied (joining each chunk onto the rest copied git's whole output again, ~76 MB of garbage
  // on git/git's metadata walk), and a token spanning many chunks (a huge commit message) is
  // copied once, not once per chunk.
  let parts: Buffer[] = [];
  for await (const chunk of chunks) {
    const batch: Buffer[] = [];
    let start = 0;
    if (parts.length > 0) {
      const nul = chunk.indexOf(0);
      if (nul === -1) {
        parts.push(chunk);
        continue;
      }
      parts.push(chunk.subarray(0, nul));
      batch.push(Buffer.concat(parts));
      parts = [];
      start = nul + 1;
    }
    for (let nul = chunk.indexOf(0, start); nul !== -1; nul = chunk.indexOf(0, start)) {
      batch.push(chunk.subarray(start, nul));
      start = nul + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (parts.length > 0) yield [Buffer.concat(parts)];
}

/** {@link nulTokens}, each its own copy: for callers that keep the records (a file list). */
export async function* nulRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const token of nulTokens(chunks)) yield Buffer.from(token);
}

/**
 * Why git could not be started. spawn reports a missing working directory as ENOENT too, exactly
 * like a missing git: tell them apart, or a wrong -C path reads as "install git".
 */
function spawnError(e: Error, cwd: string): KeyscanError {
  if (systemErrorCode(e) === 'ENOENT' && !existsSync(cwd)) {
    return new KeyscanError('E_PATH', `the directory ${cwd} does not exist`, {
      hint: 'Check the path given to -C (relative paths are taken from where keyscan was started).',
      cause: e,
    });
  }
  return new KeyscanError('E_GIT', `could not run git: ${e.message}`, { hint: 'Install git and make sure it is on PATH.', cause: e });
}
