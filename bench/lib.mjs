import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'keyscan.js');

/** Runs a command, discarding its output; returns wall time in ms and the exit code. */
export function timed(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', options.stderr ?? 'ignore'], ...options });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code }));
  });
}

/** Runs keyscan under the RSS probe; returns wall time, exit code and peak RSS in bytes. */
export async function timedKeyscan(args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'keyscan-bench-'));
  const rssFile = join(dir, 'rss');
  try {
    const r = await timed(process.execPath, ['--import', join(ROOT, 'bench', 'rss.mjs'), BIN, ...args], {
      ...options,
      env: { ...process.env, ...options.env, KEYSCAN_BENCH_RSS: rssFile },
    });
    return { ...r, rss: Number(readFileSync(rssFile, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const mb = (bytes) => bytes / 1e6;
