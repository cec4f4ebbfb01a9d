#!/usr/bin/env node
// node bench/hash-cost.mjs [--findings N] (after npm run build)
// The cost of keyed secret hashes (src/hash/secret-hash.ts) for a report of N findings (default
// 10,000): the hasher alone for all-fast, all-slow and mixed sets of distinct secrets, then
// keyscan end to end over a generated file of N generic password findings (every one slow).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SecretHasher } from '../dist/src/hash/secret-hash.js';
import { timedKeyscan } from './lib.mjs';

const { values } = parseArgs({ options: { findings: { type: 'string', default: '10000' } } });
const n = Number(values.findings);
const word = () => randomBytes(9).toString('base64url');

console.log(`keyscan hash-cost benchmark · ${availableParallelism()} cores · node ${process.version} · ${n} findings`);
for (const [label, slowShare] of [
  ['all fast (random tokens)', 0],
  ['10% slow (a typical mix)', 0.1],
  ['all slow (passwords, generic values)', 1],
]) {
  const inputs = Array.from({ length: n }, (_, i) => ({ secret: word(), slow: i < n * slowShare }));
  const started = performance.now();
  const cpu = process.cpuUsage();
  await new SecretHasher(randomBytes(32).toString('hex')).hashAll(inputs);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `hasher, ${label}: ${(ms / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU (${((cpuMs * 1000) / n).toFixed(0)} µs CPU per finding)`,
  );
}

// End to end: N distinct database passwords in one file, as `keyscan -f sarif` reports them.
const dir = mkdtempSync(join(tmpdir(), 'keyscan-hash-bench-'));
try {
  const lines = Array.from({ length: n }, (_, i) => `db${i}: postgres://app:${word()}@db${i}.internal:5432/app`);
  writeFileSync(join(dir, 'dbs.yml'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'config.json'), '{}');
  const args = [join(dir, 'dbs.yml'), '-c', join(dir, 'config.json'), '-f', 'sarif', '-o', join(dir, 'r.sarif')];
  const r = await timedKeyscan(args);
  console.log(`keyscan -f sarif over ${n} slow-hashed findings: ${(r.ms / 1000).toFixed(2)} s wall, exit ${r.code}`);
  if (process.env.KEYSCAN_COMPARE_BIN) {
    // The same scan by another build (e.g. 0.1.0's, plain SHA-256): KEYSCAN_COMPARE_BIN=/path/to/bin/keyscan.js
    const { timed } = await import('./lib.mjs');
    const old = await timed(process.execPath, [process.env.KEYSCAN_COMPARE_BIN, ...args]);
    console.log(`the same scan by ${process.env.KEYSCAN_COMPARE_BIN}: ${(old.ms / 1000).toFixed(2)} s wall, exit ${old.code}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
