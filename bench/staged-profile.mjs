#!/usr/bin/env node
// Where a pre-commit run's time goes: `keyscan --staged` on a 10-file change, profiled with Node's
// own CPU profiler and traced spawn by spawn.
//   node bench/staged-profile.mjs [--runs N] [--repo PATH] [--bin PATH/bin/keyscan.js] [--depth D]
// The change is made in a throwaway shallow clone of --repo (default: this repository): ten tracked
// .js/.ts files get two added lines each, then `git add`. Prints
// - the main thread's time per function (self and inclusive, mean over --runs profiles, sampled
//   every 250 µs), and the call tree to --depth;
// - every git process the run starts, with its start and exit in ms since the process started
//   (a preload wraps child_process.spawn), from the last run.
// --bin compares another build (a main checkout's bin/keyscan.js, say). The first run, not
// counted, writes the CLI's code cache, as a hook's first run on a machine does.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, ROOT } from './lib.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    repo: { type: 'string', default: ROOT },
    bin: { type: 'string', default: BIN },
    depth: { type: 'string', default: '6' },
  },
});
const runs = Math.max(1, Number(values.runs));

const work = mkdtempSync(join(tmpdir(), 'keyscan-staged-profile-'));
const git = (...args) => execFileSync('git', args, { cwd: join(work, 'repo'), encoding: 'utf8' });
try {
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${values.repo}`, join(work, 'repo')]);
  const files = git('ls-files', '*.js', '*.ts').split('\n').filter(Boolean).slice(0, 10);
  for (const f of files) {
    const path = join(work, 'repo', f);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nconst added = computeValue(42);\n// a new comment line\n`);
  }
  git('add', '-A');

  // The spawn trace: a preload, so it sees the CLI's own child_process (the bundle reads spawn at each call).
  const trace = join(work, 'spawns.json');
  const preload = join(work, 'trace-spawns.cjs');
  writeFileSync(
    preload,
    `const cp = require('node:child_process'); const fs = require('node:fs'); const spawn = cp.spawn; const log = [];
const ms = () => Math.round(process.uptime() * 10000) / 10;
cp.spawn = function (cmd, args, ...rest) {
  const sub = (args || []).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-c');
  const entry = { command: [cmd, ...sub.slice(0, 2)].join(' '), start: ms() };
  log.push(entry);
  const child = spawn.call(this, cmd, args, ...rest);
  child.on('exit', () => { entry.exit = ms(); });
  return child;
};
process.on('exit', () => { log.push({ command: '(keyscan exits)', start: ms() }); fs.writeFileSync(${JSON.stringify(trace)}, JSON.stringify(log)); });
`,
  );
  const run = (extra, env = {}) => {
    const r = spawnSync(process.execPath, [...extra, values.bin, '--staged'], {
      cwd: join(work, 'repo'),
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`keyscan --staged exited ${r.status}: ${r.stderr}`);
  };
  run([]);
  const profiles = join(work, 'profiles');
  for (let i = 0; i < runs; i++) run(['--cpu-prof', '--cpu-prof-dir', profiles, '--cpu-prof-interval', '250']);
  run([], { NODE_OPTIONS: `--require ${preload}` });

  const self = new Map();
  const inclusive = new Map();
  const tree = new Map();
  const depth = Number(values.depth);
  for (const file of readdirSync(profiles)) {
    const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] / 1000 / runs;
      const stack = [];
      for (let at = id; at !== undefined; at = parent.get(at)) stack.unshift(name(nodes.get(at)));
      self.set(stack.at(-1), (self.get(stack.at(-1)) ?? 0) + dt);
      for (const f of new Set(stack)) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
      for (let d = 1; d <= Math.min(depth, stack.length); d++) {
        const key = stack.slice(0, d).join('\n');
        tree.set(key, (tree.get(key) ?? 0) + dt);
      }
    });
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const ms = (v) => v.toFixed(1).padStart(7);
  console.log(`keyscan --staged, ${files.length} files, ${values.bin}: main thread, mean of ${runs} CPU profiles (ms)`);
  console.log('\nself time');
  for (const [f, v] of top(self, 25)) console.log(`${ms(v)}  ${f}`);
  console.log('\ninclusive time');
  for (const [f, v] of top(inclusive, 40)) console.log(`${ms(v)}  ${f}`);
  console.log(`\ncall tree (to depth ${depth}, nodes ≥ 1 ms)`);
  const show = (prefix, d) => {
    const kids = [...tree].filter(([k]) => k.startsWith(prefix) && k.split('\n').length === d);
    for (const [k, v] of kids.sort((a, b) => b[1] - a[1])) {
      if (v < 1) continue;
      console.log(`${ms(v)}  ${'  '.repeat(d - 1)}${k.split('\n').at(-1)}`);
      show(`${k}\n`, d + 1);
    }
  };
  show('', 1);
  console.log('\nspawns of the last run (ms since the process started)');
  for (const s of JSON.parse(readFileSync(trace, 'utf8'))) {
    console.log(`${ms(s.start)}${s.exit === undefined ? '        ' : ` → ${ms(s.exit)}`}  ${s.command}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
