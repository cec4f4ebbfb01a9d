#!/usr/bin/env node
// The two designs of `keyscan --history` against git's floor on local clones, interleaved:
//   node bench/history-designs.mjs [--runs N] REPO…
// Per repository: `git log -p -U0 --all` (the single-process floor), then keyscan with
// KEYSCAN_HISTORY_DESIGN=patches and =blobs (--no-cache: nothing is written into the clone).
// Wall and CPU time include git's children (GNU time); RSS is keyscan's own process (all its
// threads, not its git children), from the probe in bench/rss.mjs. Linux only (/usr/bin/time).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, median, ROOT } from './lib.mjs';

const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '1' } }, allowPositionals: true });
const runs = Number(values.runs);
const scratch = mkdtempSync(join(tmpdir(), 'keyscan-designs-'));

/** Runs argv under GNU time: wall and CPU seconds (children included), and keyscan's peak RSS when probed. */
function measure(argv, cwd, env = {}) {
  const timeFile = join(scratch, 'time');
  const rssFile = join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  try {
    execFileSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, ...argv], {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, ...env, KEYSCAN_BENCH_RSS: rssFile },
    });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: findings
  }
  const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  let rss;
  try {
    rss = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    rss = undefined;
  }
  return { wall, cpu: user + sys, rss };
}

const keyscan = (design) => ({
  argv: [process.execPath, '--import', join(ROOT, 'bench', 'rss.mjs'), BIN, '--history', '--no-cache', '-f', 'json', '-o', '/dev/null'],
  env: { KEYSCAN_HISTORY_DESIGN: design },
});
const floor = { argv: ['sh', '-c', 'git log -p -U0 --all > /dev/null'], env: {} };
const fmt = (s) => `${s.toFixed(2)} s`;

console.log(`| repository | what | wall | CPU | keyscan RSS | wall / floor | CPU / floor | load |`);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const repo of positionals) {
  const kinds = { floor, patches: keyscan('patches'), blobs: keyscan('blobs') };
  const seen = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  const loads = [];
  for (let i = 0; i < runs; i++) {
    for (const [name, { argv, env }] of Object.entries(kinds)) {
      loads.push(loadavg()[0]);
      seen[name].push(measure(argv, repo, env));
    }
  }
  const base = { wall: median(seen.floor.map((r) => r.wall)), cpu: median(seen.floor.map((r) => r.cpu)) };
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  for (const [name, list] of Object.entries(seen)) {
    const wall = median(list.map((r) => r.wall));
    const cpu = median(list.map((r) => r.cpu));
    const rss = list[0].rss === undefined ? '–' : `${Math.round(median(list.map((r) => r.rss)) / 2 ** 20)} MB`;
    console.log(
      `| ${basename(repo)} | ${name} | ${fmt(wall)} | ${fmt(cpu)} | ${rss} | ${(wall / base.wall).toFixed(2)}× | ${(cpu / base.cpu).toFixed(2)}× | ${load} |`,
    );
  }
}
rmSync(scratch, { recursive: true, force: true });
