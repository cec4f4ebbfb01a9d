#!/usr/bin/env node
// Which thread or child process is busy when: runs a command and samples, every --every ms, the
// CPU time of each thread of the process it starts and of each of that process's children
// (/proc/PID/task/TID/stat and /proc/PID/stat; Linux only). Prints one line per sample, in % of
// one core, for every thread or child above --min %: the way to see whether a phase is bound by
// one process (one at ~100%, the other core idle) or by the machine (both cores full).
//   node bench/thread-cpu.mjs [--every 500] [--min 5] -- node bin/keyscan.js --history -C REPO --no-cache
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { every: { type: 'string', default: '500' }, min: { type: 'string', default: '5' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: node bench/thread-cpu.mjs [--every MS] [--min PERCENT] -- COMMAND [ARG…]');
  process.exit(2);
}
const every = Math.max(50, Number(values.every));
const min = Number(values.min);
const TICKS = 100; // USER_HZ on Linux

/** utime + stime (ticks) and name from a stat line; the name may hold spaces and parentheses. */
function stat(path) {
  try {
    const line = readFileSync(path, 'latin1');
    const close = line.lastIndexOf(')');
    const fields = line.slice(close + 2).split(' ');
    return { name: line.slice(line.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // gone meanwhile
  }
}

function children(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim().split(' ').filter(Boolean);
  } catch {
    return [];
  }
}

const child = spawn(positionals[0], positionals.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
const started = performance.now();
const last = new Map();
let previous = started;
const sample = () => {
  const now = performance.now();
  const seen = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tasks) {
    const s = stat(`/proc/${child.pid}/task/${tid}/stat`);
    if (s !== undefined) seen.push([`${s.name}#${tid}`, s.ticks]);
  }
  for (const pid of children(child.pid)) {
    const s = stat(`/proc/${pid}/stat`);
    if (s !== undefined) seen.push([`${s.name}[${pid}]`, s.ticks]);
  }
  const span = (now - previous) / 1000;
  const busy = [];
  for (const [key, ticks] of seen) {
    const percent = ((ticks - (last.get(key) ?? 0)) / TICKS / span) * 100;
    last.set(key, ticks);
    if (percent >= min) busy.push(`${key} ${percent.toFixed(0)}%`);
  }
  previous = now;
  console.log(`${((now - started) / 1000).toFixed(1).padStart(6)} s  ${busy.join('  ')}`);
};
const timer = setInterval(sample, every);
child.on('exit', (code) => {
  clearInterval(timer);
  console.log(`exit ${code} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
