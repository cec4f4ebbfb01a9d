#!/usr/bin/env node
// History benchmark: keyscan --history against the floors on the same repository.
//   node bench/history.mjs [--repo PATH] [--commits N] [--runs N]
// Without --repo, a synthetic history is generated once (seeded) and cached in bench/.cache.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchRepo } from './history-gen.mjs';
import { BIN, mb, median, ROOT, timed, timedKeyscan } from './lib.mjs';

const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    commits: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
  },
});
const runs = Number(values.runs);
const repo = values.repo ?? (await benchRepo(join(ROOT, 'bench', '.cache'), Number(values.commits), Number(values.seed)));
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();

const commits = Number(git('rev-list', '--all', '--count'));
const logBytes = Number(execFileSync('sh', ['-c', 'git log -p -U0 --all | wc -c'], { cwd: repo, encoding: 'utf8' }));
console.log(
  `keyscan history benchmark · ${availableParallelism()} cores · node ${process.version} · git ${git('--version').split(' ')[2]}`,
);
console.log(
  `repo: ${repo}\n${commits} commits, ${git('rev-list', '--all', '--merges', '--count')} merges, git log -p -U0 --all = ${mb(logBytes).toFixed(1)} MB\n`,
);

const floorLog = [];
const floorCat = [];
const scans = [];
const report = join(tmpdir(), `keyscan-history-${process.pid}.json`);
// Interleave the runs so that whatever else the machine is doing affects all three alike.
for (let i = 0; i < runs; i++) {
  floorLog.push((await timed('git', ['log', '-p', '-U0', '--all'], { cwd: repo })).ms);
  floorCat.push((await timed('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: repo })).ms);
  scans.push(await timedKeyscan(['--history', '-f', 'json', '-o', report, '--no-progress'], { cwd: repo }));
}
const result = JSON.parse(readFileSync(report, 'utf8'));
const log = median(floorLog);
const cat = median(floorCat);
const ks = median(scans.map((s) => s.ms));
const rss = Math.max(...scans.map((s) => s.rss));
const row = (name, ms, extra = '') => console.log(`${name.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s ${extra}`);
row('git log -p -U0 --all (floor)', log);
row('git cat-file --batch-all-objects --batch', cat);
row('keyscan --history', ks, `  ${(mb(logBytes) / (ks / 1000)).toFixed(1)} MB/s of patches · peak RSS ${mb(rss).toFixed(0)} MB`);
console.log(`\nratio to git log floor: ${(ks / log).toFixed(2)}× · to cat-file floor: ${(ks / cat).toFixed(2)}×`);
console.log(`findings: ${result.findings.length} · commits scanned: ${result.stats.commitsScanned} · exit ${scans[0].code}\n`);

// Pre-commit latency: a 10-file staged change in a throwaway copy of the work tree.
const work = mkdtempSync(join(tmpdir(), 'keyscan-staged-'));
try {
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, work]);
  const files = execFileSync('git', ['ls-files'], { cwd: work, encoding: 'utf8' }).split('\n').filter(Boolean).slice(0, 10);
  for (const f of files)
    writeFileSync(join(work, f), `${readFileSync(join(work, f), 'utf8')}\nconst added = computeValue(42);\n// a new comment line\n`);
  execFileSync('git', ['add', '-A'], { cwd: work });
  const latencies = [];
  for (let i = 0; i < 15; i++) latencies.push((await timed(process.execPath, [BIN, '--staged'], { cwd: work })).ms);
  console.log(
    `keyscan --staged, 10 changed files: median ${median(latencies).toFixed(0)} ms (min ${Math.min(...latencies).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)}; node start-up included)`,
  );
  const bare = [];
  for (let i = 0; i < 15; i++) bare.push((await timed(process.execPath, ['-e', '0'])).ms);
  console.log(`node -e 0 for comparison: median ${median(bare).toFixed(0)} ms`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
