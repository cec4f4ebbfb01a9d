import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';

/** Starts keyscan reading a stdin that never ends, waits until it is running, then signals it. */
function interrupt(signal: NodeJS.Signals, out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--stdin', '-f', 'json', '-o', out], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.write('first line of an endless stream\n');
    setTimeout(() => child.kill(signal), 700);
  });
}

describe('interrupted scans', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s exit %i, say so, and leave no report file', async (signal, code) => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const r = await interrupt(signal, out);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(`interrupted by ${signal}`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
