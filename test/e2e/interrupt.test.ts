import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { looksLarge } from '../helpers/history.js';
import { makeRepo, tempDir } from '../helpers/repo.js';

interface Stopped {
  readonly code: number | null;
  readonly stderr: string;
}

/**
 * Starts keyscan with `args`, waits until the file `ready` exists (or 700 ms when `ready` is
 * undefined), then sends `signal`.
 */
function interrupt(
  args: readonly string[],
  signal: NodeJS.Signals,
  options: { ready?: string; cwd?: string; env?: Record<string, string> } = {},
): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      env: { ...process.env, ...options.env },
    });
    let stderr = '';
    let sent = false;
    const send = (): void => {
      if (sent) return;
      sent = true;
      child.kill(signal);
    };
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const ready = options.ready;
    const poll =
      ready === undefined
        ? setTimeout(send, 700)
        : setInterval(() => {
            if (existsSync(ready)) send();
          }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr });
    });
    child.stdin.write('first line of an endless stream\n');
  });
}

/**
 * A `git` ahead of the real one on PATH that hangs on `rev-list` (a history audit's commit
 * listing), once it has written its process id to `hanging`.
 */
function gitHangingOnRevList(): { dir: string; hanging: string } {
  const dir = tempDir('keyscan-hang-');
  const hanging = join(dir, 'hanging');
  const realGit = (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, 'git'))
    .find((p) => existsSync(p));
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/sh\nfor a in "$@"; do if [ "$a" = rev-list ]; then echo $$ > '${hanging}.tmp'; mv '${hanging}.tmp' '${hanging}'; exec sleep 30; fi; done\nexec '${realGit}' "$@"\n`,
  );
  chmodSync(join(dir, 'git'), 0o755);
  return { dir, hanging };
}

describe('interrupted scans', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s exit %i, say so, and leave no report file', async (signal, code) => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const r = await interrupt(['--stdin', '-f', 'json', '-o', out], signal);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(`interrupted by ${signal}`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  // A history audit runs the CLI in a thread of its own (src/cli/history-thread.ts): the main
  // thread takes the signal, has the CLI's thread remove what it is writing, then exits.
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('a history audit (the CLI in its own thread) on %s exits %i, says so, and writes no report', async (signal, code) => {
    const repo = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    looksLarge(repo);
    const outDir = tempDir();
    const out = join(outDir, 'report.json');
    const shim = gitHangingOnRevList();
    const r = await interrupt(['--history', '--no-cache', '-f', 'json', '-o', out, '--debug'], signal, {
      cwd: repo,
      ready: shim.hanging,
      env: { PATH: `${shim.dir}${delimiter}${process.env.PATH ?? ''}` },
    });
    try {
      process.kill(Number(readFileSync(shim.hanging, 'utf8')), 'SIGKILL');
    } catch {
      // already gone
    }
    expect(r.stderr).toContain('the CLI runs in a thread of its own');
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(`keyscan: interrupted by ${signal}; the scan did not finish and no report was written`);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
