#!/usr/bin/env node
// npm run bench [-- --dir PATH] [--runs N]
// File-tree throughput: keyscan over a large node_modules (installed once from pinned versions),
// wall time including start-up, MB/s of bytes actually scanned, and peak RSS.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mb, median, timedKeyscan } from './lib.mjs';
import { benchTree } from './tree.mjs';

const { values } = parseArgs({ options: { dir: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const dir = values.dir ?? benchTree();
const report = join(tmpdir(), `keyscan-bench-${process.pid}.json`);
// The cached tree lives inside this repository, whose own config excludes bench/.cache: scan it
// with an empty config instead.
const emptyConfig = join(tmpdir(), `keyscan-bench-${process.pid}.config.json`);
writeFileSync(emptyConfig, '{}');

console.log(`keyscan file-scan benchmark · ${availableParallelism()} cores · node ${process.version}`);
console.log(`tree: ${dir}`);
// Warm the page cache once so every configuration reads from memory alike.
await timedKeyscan([dir, '-c', emptyConfig, '-f', 'json', '-o', report, '--threads', '0']);
const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
console.log(`${stats.filesScanned} files, ${mb(stats.bytesScanned).toFixed(1)} MB scanned (skipped: ${JSON.stringify(stats.skipped)})\n`);

for (const threads of [undefined, 1, 0]) {
  const label = threads === undefined ? 'default threads' : threads === 0 ? 'main thread only' : `${threads} worker`;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const args = [dir, '-c', emptyConfig, '-f', 'json', '-o', report, ...(threads === undefined ? [] : ['--threads', String(threads)])];
    samples.push(await timedKeyscan(args));
  }
  const ms = median(samples.map((s) => s.ms));
  const rss = Math.max(...samples.map((s) => s.rss));
  console.log(
    `${label.padEnd(18)} ${(ms / 1000).toFixed(2)} s  ${(mb(stats.bytesScanned) / (ms / 1000)).toFixed(0).padStart(5)} MB/s  peak RSS ${mb(rss).toFixed(0)} MB`,
  );
}
