import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliThread, markCliThread } from '../../src/cli/cli-thread.js';
import {
  auditsHistory,
  CLI_THREAD_YOUNG_GENERATION_MB,
  SMALL_STORE_BYTES,
  scannedDir,
  startInOwnThread,
  wantsOwnThread,
} from '../../src/cli/history-thread.js';
import { processIO } from '../../src/cli/io.js';
import { git, makeRepo, tempDir } from '../helpers/repo.js';

/** Not a repository whose packs are evidently small: GIT_DIR makes it git's to find. */
const UNKNOWN_STORE = { cwd: '/', env: { ...process.env, GIT_DIR: '/nonexistent' } };

/** A CommonJS entry for the thread, in a temporary directory. */
function entry(source: string): string {
  const file = join(tempDir('keyscan-thread-'), 'entry.cjs');
  writeFileSync(file, source);
  return file;
}

const KEY = Symbol.for('keyscan.cli-thread');

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
  vi.restoreAllMocks();
});

describe('a history audit runs the CLI in a thread of its own', () => {
  it('only for a command line with --history', () => {
    expect(auditsHistory(['--history', '-f', 'json'])).toBe(true);
    expect(auditsHistory(['baseline', '--history'])).toBe(true);
    expect(auditsHistory(['--staged'])).toBe(false);
    expect(auditsHistory(['--range', 'a..b'])).toBe(false);
    expect(startInOwnThread(entry('process.exitCode = 7;\n'), ['--staged'], UNKNOWN_STORE.cwd, UNKNOWN_STORE.env)).toBeUndefined();
  });

  it('unless its packs are evidently small (the thread costs ~25 ms to start)', () => {
    const dir = makeRepo({ 'a.js': 'a\n' }, { commit: true });
    git(dir, 'gc', '-q');
    expect(wantsOwnThread(['--history'], dir, process.env)).toBe(false);
    expect(wantsOwnThread(['--history', '-C', dir], '/', process.env)).toBe(false);
    // A large pack (a sparse file: only its size is read).
    writeFileSync(join(dir, '.git', 'objects', 'pack', 'pack-large.pack'), '');
    truncateSync(join(dir, '.git', 'objects', 'pack', 'pack-large.pack'), SMALL_STORE_BYTES);
    expect(wantsOwnThread(['--history'], dir, process.env)).toBe(true);
    expect(wantsOwnThread(['--staged'], dir, process.env)).toBe(false);
    // Not evident: the thread, which suits a large store.
    expect(wantsOwnThread(['--history'], UNKNOWN_STORE.cwd, UNKNOWN_STORE.env)).toBe(true);
  });

  it('reads the scanned directory from -C and --cwd as yargs does, or gives up', () => {
    expect(scannedDir(['--history'], '/a')).toBe('/a');
    expect(scannedDir(['--history', '-C', 'b'], '/a')).toBe('/a/b');
    expect(scannedDir(['--cwd', '/c', '--history'], '/a')).toBe('/c');
    expect(scannedDir(['--cwd=../d', '--history'], '/a/b')).toBe('/a/d');
    expect(scannedDir(['-Cb', '--history'], '/a')).toBeUndefined();
    expect(scannedDir(['--history', '-C'], '/a')).toBeUndefined();
    expect(scannedDir(['--history', '--', '-C', 'x'], '/a')).toBe('/a');
  });

  it("passes the command line, the terminal's facts and the young generation's cap, and returns the thread's exit code", async () => {
    const out = join(tempDir('keyscan-thread-'), 'seen.json');
    const file = entry(
      [
        "const { workerData, isMainThread } = require('node:worker_threads');",
        `require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ isMainThread, argv: process.argv.slice(2), data: workerData }));`,
        'process.exitCode = 1;',
        '',
      ].join('\n'),
    );
    const started = startInOwnThread(file, ['--history'], UNKNOWN_STORE.cwd, UNKNOWN_STORE.env);
    expect(started).toBeDefined();
    const code = await started?.cli.run(['--history', '-f', 'json']);
    expect(code).toBe(1);
    const seen = JSON.parse(readFileSync(out, 'utf8'));
    expect(seen.isMainThread).toBe(false);
    expect(seen.argv).toEqual(['--history', '-f', 'json']);
    expect(seen.data.keyscanCliThread).toMatchObject({
      stdoutIsTTY: process.stdout.isTTY === true,
      stderrIsTTY: process.stderr.isTTY === true,
      youngGenerationMb: CLI_THREAD_YOUNG_GENERATION_MB,
    });
  });

  it('an uncaught error in the thread is exit 2, never 1 ("findings"), and says what to do', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const broken = entry("setTimeout(() => { throw new Error('the thread broke'); }, 0);\n");
    const started = startInOwnThread(broken, ['--history'], UNKNOWN_STORE.cwd, UNKNOWN_STORE.env);
    expect(await started?.cli.run(['--history'])).toBe(2);
    expect(written.join('')).toContain('keyscan: the scan failed: the thread broke');
    expect(written.join('')).toContain('Nothing was reported clean (exit 2)');
  });

  it('in the thread, the CLI reads the terminal facts the main thread saw', () => {
    expect(cliThread()).toBeUndefined();
    markCliThread({ stdoutIsTTY: true, stderrIsTTY: true, youngGenerationMb: 6 });
    const io = processIO();
    expect([io.stdoutIsTTY, io.stderrIsTTY]).toEqual([true, true]);
    markCliThread({ stdoutIsTTY: false, stderrIsTTY: true, youngGenerationMb: 6 });
    expect([processIO().stdoutIsTTY, processIO().stderrIsTTY]).toEqual([false, true]);
  });
});
