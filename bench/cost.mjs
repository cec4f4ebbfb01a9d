#!/usr/bin/env node
// Cost-attack benchmark: how keyscan's time and memory grow with one huge line and with many
// findings in one file. Linear work shows as a ratio of ~2 between consecutive sizes.
//   node bench/cost.mjs [--bin PATH] [--lines 8,16,32] [--findings 25000,50000,100000,200000]
//                       [--oneline 25000,50000,100000] [--modes files,history]
// --bin runs another build's bin/keyscan.js (e.g. main's) for a before/after comparison.
// Data is generated at run time in a temporary directory and removed afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, ROOT } from './lib.mjs';

const { values } = parseArgs({
  options: {
    bin: { type: 'string', default: BIN },
    lines: { type: 'string', default: '8,16,32' },
    findings: { type: 'string', default: '25000,50000,100000,200000' },
    oneline: { type: 'string', default: '25000,50000,100000' },
    modes: { type: 'string', default: 'files,history' },
  },
});
const bin = resolve(values.bin);
const modes = values.modes.split(',');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** n characters from `alphabet`, random (not a secret: a fresh random body each run). */
function pick(alphabet, n) {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

function repoWith(name, content) {
  const dir = mkdtempSync(join(tmpdir(), 'keyscan-cost-'));
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'B',
        GIT_AUTHOR_EMAIL: 'b@example.com',
        GIT_COMMITTER_NAME: 'B',
        GIT_COMMITTER_EMAIL: 'b@example.com',
      },
    });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, name), content);
  git('add', '-A');
  git('commit', '-q', '-m', 'c');
  return dir;
}

/** Runs keyscan; returns wall time, exit code, finding count and peak RSS (all threads). */
function run(args, cwd) {
  const dir = mkdtempSync(join(tmpdir(), 'keyscan-cost-out-'));
  const report = join(dir, 'r.json');
  const usageFile = join(dir, 'usage.json');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', join(ROOT, 'bench', 'cpu.mjs'), bin, ...args, '-f', 'json', '-o', report, '--no-progress'],
      {
        cwd,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, KEYSCAN_BENCH_CPU: usageFile },
      },
    );
    let stderr = '';
    child.stderr.on('data', (b) => {
      if (stderr.length < 2000) stderr += b;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let findings = '-';
      try {
        findings = JSON.parse(readFileSync(report, 'utf8')).findings.length;
      } catch {}
      let usage = { rss: 0, cpuMs: 0 };
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {}
      rmSync(dir, { recursive: true, force: true });
      done({ ms, code, findings, ...usage, stderr: stderr.trim().split('\n')[0] ?? '' });
    });
  });
}

// The ratio is of CPU time (all threads): linear work doubles with the input.
const row = (label, r, previous) => {
  const ratio = previous === undefined ? '' : `×${(r.cpuMs / previous.cpuMs).toFixed(2)}`;
  console.log(
    `${label.padEnd(36)} wall ${(r.ms / 1000).toFixed(2).padStart(7)} s  cpu ${(r.cpuMs / 1000).toFixed(2).padStart(7)} s ${ratio.padStart(6)}  exit ${r.code}  findings ${String(r.findings).padStart(6)}  peak RSS ${(r.rss / 1e6).toFixed(0).padStart(5)} MB${r.code === 2 ? `  (${r.stderr})` : ''}`,
  );
};

console.log(`keyscan cost benchmark · ${bin} · node ${process.version}\n`);
const cleanup = [];
try {
  for (const mode of modes) {
    // Files scans skip files over 5 MiB by default: raised so that the large inputs are scanned too.
    const args = mode === 'history' ? ['--history'] : ['.', '--max-file-size', '64MB'];
    let previous;
    for (const mib of values.lines.split(',').map(Number)) {
      // One line, no newline anywhere: base62 text with a token in the middle.
      const half = pick(ALNUM, (mib << 19) - 20);
      const dir = repoWith('one-line.txt', `${half} sk_live_${pick(ALNUM, 32)} ${half}`);
      cleanup.push(dir);
      const r = await run(args, dir);
      row(`${mode}: one line of ${mib} MiB`, r, previous);
      previous = r;
    }
    previous = undefined;
    for (const n of values.findings.split(',').map(Number)) {
      const lines = [];
      for (let i = 0; i < n; i++) lines.push(`k${i} = sk_live_${pick(ALNUM, 32)}`);
      const dir = repoWith('many.txt', `${lines.join('\n')}\n`);
      cleanup.push(dir);
      const r = await run(args, dir);
      row(`${mode}: ${n} findings in one file`, r, previous);
      previous = r;
    }
    previous = undefined;
    for (const n of values.oneline.split(',').map(Number)) {
      // The same, all on one line: every finding's line and column are on the same long line.
      const tokens = [];
      for (let i = 0; i < n; i++) tokens.push(`sk_live_${pick(ALNUM, 32)}`);
      const dir = repoWith('minified.js', `${tokens.join(' ')}\n`);
      cleanup.push(dir);
      const r = await run(args, dir);
      row(`${mode}: ${n} findings on one line`, r, previous);
      previous = r;
    }
  }
} finally {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
}
