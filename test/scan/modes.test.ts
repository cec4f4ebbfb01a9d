/**
 * scan() called directly, once per mode, on real repositories built in temp dirs: the mode matrix
 * no longer runs only through spawned processes. Each test plants generated keys and checks that
 * exactly the scanned part reports them.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isKeyscanError } from '../../src/errors.js';
import { MODES, modeFor } from '../../src/modes/index.js';
import { type ScanOptions, scan } from '../../src/scan.js';
import type { ScanResult } from '../../src/types.js';
import { commit, git, makeRepo, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const ZERO = '0'.repeat(40);
const run = (options: ScanOptions): Promise<ScanResult> => scan({ threads: 0, env: false, ...options });
const secrets = (r: ScanResult): string[] => r.findings.map((f) => f.secret.reveal()).sort();

async function usageError(options: ScanOptions): Promise<string> {
  try {
    await scan(options);
  } catch (e) {
    if (isKeyscanError(e) && e.code === 'E_USAGE') return e.message;
    throw e;
  }
  throw new Error('scan() accepted the options');
}

describe('scan() per mode', () => {
  it('files: the paths given, relative to the repository', async () => {
    const a = tokens.githubPat();
    const b = tokens.npm();
    const dir = makeRepo({ 'src/a.js': `const token = "${a}";\n`, 'other/b.js': `const npmToken = "${b}";\n` });
    const r = await run({ cwd: dir, paths: ['src'] });
    expect(secrets(r)).toEqual([a]);
    expect(r.findings[0]?.path).toBe('src/a.js');
    expect(r.stats.filesScanned).toBe(1);
  });

  it('stdin: the stream, under the name given', async () => {
    const key = tokens.githubPat();
    const r = await run({ cwd: makeRepo(), stdin: { stream: Readable.from([`x = "${key}"\n`]), name: 'piped.txt' } });
    expect(secrets(r)).toEqual([key]);
    expect(r.findings[0]?.path).toBe('piped.txt');
  });

  it('staged: what the index adds, not the work tree', async () => {
    const staged = tokens.githubPat();
    const unstaged = tokens.npm();
    const dir = makeRepo({ 'README.md': 'hello\n' }, { commit: true });
    writeFiles(dir, { 'a.js': `t = "${staged}"\n` });
    git(dir, 'add', 'a.js');
    writeFiles(dir, { 'b.js': `t = "${unstaged}"\n` });
    const r = await run({ cwd: dir, staged: true });
    expect(secrets(r)).toEqual([staged]);
  });

  it('range: each commit of BASE..HEAD, and nothing before BASE', async () => {
    const before = tokens.githubPat();
    const inside = tokens.npm();
    const dir = makeRepo();
    const base = commit(dir, 'old', { 'old.js': `t = "${before}"\n` });
    const head = commit(dir, 'new', { 'new.js': `t = "${inside}"\n` });
    const r = await run({ cwd: dir, range: `${base}..${head}` });
    expect(secrets(r)).toEqual([inside]);
    expect(r.findings[0]?.commit).toBe(head);
    expect(r.stats.commitsScanned).toBe(1);
  });

  it('history: every commit, one finding per secret with the commit that introduced it', async () => {
    const key = tokens.githubPat();
    const dir = makeRepo();
    const first = commit(dir, 'add', { 'a.js': `t = "${key}"\n` });
    commit(dir, 'remove', { 'a.js': 'nothing\n' });
    git(dir, 'checkout', '-q', '-b', 'side', first);
    commit(dir, 'again', { 'a.js': `t = "${key}"\n// more\n` });
    const r = await run({ cwd: dir, history: true });
    expect(secrets(r)).toEqual([key]);
    expect(r.findings[0]?.commit).toBe(first);
    expect(r.stats.commitsScanned).toBe(3);
  });

  it('pre-push: only the commits the remote does not have yet', async () => {
    const pushed = tokens.githubPat();
    const fresh = tokens.npm();
    const dir = makeRepo();
    const remoteTip = commit(dir, 'pushed', { 'a.js': `t = "${pushed}"\n` });
    const local = commit(dir, 'local', { 'b.js': `t = "${fresh}"\n` });
    const updates = `refs/heads/main ${local} refs/heads/main ${remoteTip}\n`;
    const r = await run({ cwd: dir, prePush: { updates } });
    expect(secrets(r)).toEqual([fresh]);
    expect(r.stats.commitsScanned).toBe(1);
    // A new branch (all-zero remote sha) of a repository with no remote: everything it holds.
    const all = await run({ cwd: dir, prePush: { updates: `refs/heads/main ${local} refs/heads/main ${ZERO}\n` } });
    expect(secrets(all)).toEqual([pushed, fresh].sort());
    // A deletion pushes nothing.
    const deletion = await run({ cwd: dir, prePush: { updates: `(delete) ${ZERO} refs/heads/old ${remoteTip}\n` } });
    expect(deletion.findings).toEqual([]);
    expect(deletion.stats.commitsScanned).toBe(0);
  });

  it('pre-push: commits on the remote-tracking branches of the named remote count as pushed', async () => {
    const onRemote = tokens.githubPat();
    const fresh = tokens.npm();
    const dir = makeRepo();
    const tracked = commit(dir, 'pushed', { 'a.js': `t = "${onRemote}"\n` });
    git(dir, 'remote', 'add', 'origin', 'https://example.invalid/repo.git');
    git(dir, 'update-ref', 'refs/remotes/origin/main', tracked);
    const local = commit(dir, 'local', { 'b.js': `t = "${fresh}"\n` });
    const updates = `refs/heads/topic ${local} refs/heads/topic ${ZERO}\n`;
    expect(secrets(await run({ cwd: dir, prePush: { updates, remote: 'origin' } }))).toEqual([fresh]);
    // Not a named remote (a URL): only what the push replaces counts as pushed.
    expect(secrets(await run({ cwd: dir, prePush: { updates, remote: 'https://example.invalid/repo.git' } }))).toEqual(
      [onRemote, fresh].sort(),
    );
  });

  it('pre-push: refuses input that is not git pre-push lines', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    expect(await usageError({ cwd: dir, prePush: { updates: 'refs/heads/main HEAD refs/heads/main HEAD\n' } })).toContain('pre-push input');
  });

  it('chooses exactly one mode for each kind of options', () => {
    expect(modeFor({}).name).toBe('files');
    expect(modeFor({ staged: true }).name).toBe('staged');
    expect(modeFor({ range: 'a..b' }).name).toBe('range');
    expect(modeFor({ history: true }).name).toBe('history');
    expect(modeFor({ prePush: { updates: '' } }).name).toBe('pre-push');
    expect(modeFor({ stdin: { stream: Readable.from([]), name: 's' } }).name).toBe('stdin');
    expect(new Set(MODES.map((m) => m.name)).size).toBe(MODES.length);
  });
});

describe('scan() options', () => {
  it('are checked once, with the same messages as the CLI gives', async () => {
    expect(await usageError({ threads: 1.5 })).toBe('--threads must be a whole number from 0 to 256');
    expect(await usageError({ threads: 257 })).toBe('--threads must be a whole number from 0 to 256');
    expect(await usageError({ staged: true, history: true })).toBe('--staged and --history cannot be combined');
    expect(await usageError({ range: 'a..b', paths: ['x'] })).toBe('--range does not take paths');
    expect(await usageError({ includeStash: true })).toBe('--include-stash goes with --history');
  });
});
