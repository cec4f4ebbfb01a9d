/**
 * Every git invocation goes through here. One-shot commands are buffered (their output is small);
 * listings and logs are streamed by the callers through {@link gitStream}.
 *
 * Plain child processes rather than simple-git: streaming is required, and a pre-commit run
 * cannot spare the extra import time.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { KeyscanError, systemErrorCode } from '../errors.js';

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment for git children: no pager, no prompts, stable output whatever the user's locale. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
}

/**
 * Runs git and returns its exit code and output; throws only when git cannot be started.
 * `input`, if given, is written to git's stdin.
 */
export function git(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnv(), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (input !== undefined && child.stdin !== null) {
      child.stdin.on('error', () => undefined); // git may exit before reading everything; its exit code tells
      child.stdin.end(input);
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(spawnError(e, cwd)));
    child.on('close', (code) =>
      resolve({ code: code ?? 128, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
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
  const child = spawn('git', args, { cwd, env: gitEnv(), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (input !== undefined && child.stdin !== null) {
    child.stdin.on('error', () => undefined); // git may exit before reading everything; its exit code tells
    // An iterable feeds requests while the output is read (`git cat-file --batch` as a service).
    if (typeof input === 'string') child.stdin.end(input);
    else Readable.from(input).pipe(child.stdin);
  }
  const { stdout, stderr } = child;
  if (stdout === null || stderr === null) throw new KeyscanError('E_GIT', 'could not read git output');
  const err: Buffer[] = [];
  stderr.on('data', (b: Buffer) => {
    if (err.length < 64) err.push(b);
  });
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(spawnError(e, cwd)));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 0)));
  });
  exit.catch(() => undefined); // surfaced below
  try {
    for await (const chunk of stdout) yield chunk as Buffer;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exit;
  if (code !== 0) throw gitFailure(args, cwd, Buffer.concat(err).toString('utf8'));
}

/** Splits a stream of NUL-terminated records (`-z` output) into strings. */
export async function* nulRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest = Buffer.alloc(0);
  for await (const chunk of chunks) {
    let buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nul = buf.indexOf(0, start); nul !== -1; nul = buf.indexOf(0, start)) {
      yield buf.toString('utf8', start, nul);
      start = nul + 1;
    }
    buf = buf.subarray(start);
    rest = Buffer.from(buf);
  }
  if (rest.length > 0) yield rest.toString('utf8');
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
