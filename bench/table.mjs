#!/usr/bin/env node
// The published benchmark (README "Performance"), measured in one run on this machine and written
// into the README between its bench-table markers:
//   node bench/table.mjs [--runs N] [--staged-runs N] [--repo NAME=PATH]... [--no-files] [--no-write]
// Rows: `--history` of real repositories (a full scan, `--no-cache`) against git's own floor
// (`git log -p -U0 --all`, one process), the same history again as a repeat audit (warm cache), `--staged` on a 10-file change against `node -e 0` (and the CLI's load alone, bench/load-only.cjs, and the git work under it, bench/staged-floor.cjs), and a file-tree scan; each against
// gitleaks when it is on PATH. Histories are cloned (bare) into bench/.cache/repos at the first run;
// --repo uses a local clone instead (KEYSCAN_BENCH_MIRRORS=DIR looks for DIR/OWNER+NAME/repo first).
// Runs of the commands being compared are interleaved, so a busy machine slows them alike; the
// ratios are of medians. CPU time (user + system of
// the process and its children) from bash's `times` (for `--staged`, wall time from a second,
// direct run, so that bash's start does not count). For each `--history` full scan, keyscan's own
// peak RSS (bench/rss.mjs preloaded: worker threads included, git's children apart) goes in a note.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BIN, mb, median, ROOT, timed } from './lib.mjs';
import { benchTree } from './tree.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'staged-runs': { type: 'string', default: '25' },
    repo: { type: 'string', multiple: true, default: [] },
    files: { type: 'boolean', default: true },
    write: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const runs = Math.max(3, Number(values.runs));
const stagedRuns = Math.max(25, Number(values['staged-runs']));

const DEFAULT_REPOS = [
  ['express', 'expressjs/express'],
  ['axios', 'axios/axios'],
];

/** A bare clone of github.com/`slug`, fetched once into bench/.cache/repos. */
function repository(name, slug) {
  const mirrors = process.env.KEYSCAN_BENCH_MIRRORS;
  const local = mirrors === undefined ? undefined : join(mirrors, slug.replace('/', '+'), 'repo');
  if (local !== undefined && existsSync(local)) return local;
  const dir = join(ROOT, 'bench', '.cache', 'repos', `${name}.git`);
  if (!existsSync(join(dir, 'HEAD'))) {
    mkdirSync(join(ROOT, 'bench', '.cache', 'repos'), { recursive: true });
    console.error(`cloning ${slug} into ${dir} …`);
    execFileSync('git', ['clone', '-q', '--bare', `https://github.com/${slug}.git`, dir], { stdio: 'inherit' });
  }
  return dir;
}

const repos =
  values.repo.length > 0
    ? values.repo.map((r) => {
        const at = r.indexOf('=');
        if (at < 1) throw new Error(`--repo wants NAME=PATH, got ${r}`);
        return [r.slice(0, at), r.slice(at + 1)];
      })
    : DEFAULT_REPOS.map(([name, slug]) => [name, repository(name, slug)]);

/** gitleaks on PATH, as [command, version], or undefined. */
function findGitleaks() {
  const r = spawnSync('gitleaks', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
const gitleaks = findGitleaks();

/**
 * Runs a command under bash, discarding its output: wall ms around it and the user + system CPU
 * seconds of the command and its children, from bash's `times`.
 */
function timedWithCpu(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const script = '"$@" >/dev/null 2>&1; times';
    const started = performance.now();
    const child = spawn('bash', ['-c', script, 'bash', cmd, ...args], { stdio: ['ignore', 'pipe', 'ignore'], ...options });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.on('error', reject);
    child.on('close', () => {
      const ms = performance.now() - started;
      // Second line: the children's user and system time, as 0m1.234s 0m0.056s.
      const line = out.trim().split('\n')[1] ?? '';
      const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      resolve({ ms, cpu: secs.length === 2 ? secs[0] + secs[1] : Number.NaN });
    });
  });
}

/**
 * Interleaved runs of named commands, `rounds` rounds; per name the median wall ms and CPU s.
 * With `exactWall` (start-up latency, where bash's own few milliseconds would count), each command
 * also runs once a round directly, and that run gives the wall time. A command with `rssFile`
 * (a keyscan run preloading bench/rss.mjs, see {@link withRss}) also gives its peak RSS in MB,
 * each run's, in `rss`.
 */
async function compare(commands, rounds, exactWall = false) {
  const wall = new Map(commands.map((c) => [c.name, []]));
  const cpu = new Map(commands.map((c) => [c.name, []]));
  const rss = new Map(commands.map((c) => [c.name, []]));
  for (const c of commands) await timed(c.cmd, c.args, c.options); // warm-up: page cache, code cache
  for (let i = 0; i < rounds; i++) {
    for (const c of commands) {
      const r = await timedWithCpu(c.cmd, c.args, c.options);
      cpu.get(c.name).push(r.cpu);
      if (c.rssFile !== undefined) rss.get(c.name).push(Number(readFileSync(c.rssFile, 'utf8')) / (1 << 20));
      wall.get(c.name).push(exactWall ? (await timed(c.cmd, c.args, c.options)).ms : r.ms);
    }
  }
  return Object.fromEntries(
    commands.map((c) => [c.name, { ms: median(wall.get(c.name)), cpu: median(cpu.get(c.name)), rss: rss.get(c.name) }]),
  );
}

/**
 * `command` (a keyscan run: node and its arguments) with bench/rss.mjs preloaded, which writes the
 * process's own peak RSS (worker threads included, git's children apart) to `rssFile` at exit.
 */
function withRss(command, rssFile) {
  return {
    ...command,
    args: ['--import', pathToFileURL(join(ROOT, 'bench', 'rss.mjs')).href, ...command.args],
    options: { ...command.options, env: { ...process.env, KEYSCAN_BENCH_RSS: rssFile } },
    rssFile,
  };
}

/** Peak RSS of the runs: the median, and the range over the runs ('' when none was measured). */
const rssOf = (r) => {
  if (r === undefined || r.rss.length === 0) return '';
  const sorted = [...r.rss].sort((a, b) => a - b);
  return `keyscan's peak RSS ${median(sorted).toFixed(0)} MB (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)} MB in ${sorted.length} runs)`;
};

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
const rows = [];
const notes = [];
const ratio = (a, b) => (a === undefined || b === undefined ? '–' : `${(a.ms / b.ms).toFixed(2)}×`);
const secs = (r) => (r === undefined ? '–' : r.ms < 1000 ? `${r.ms.toFixed(0)} ms` : `${(r.ms / 1000).toFixed(2)} s`);
const cpuOf = (r) => (r === undefined ? '' : ` (CPU ${r.cpu.toFixed(2)} s)`);

console.log(`keyscan benchmark table · ${availableParallelism()} cores · node ${process.version} · ${git(ROOT, '--version')}`);
console.log(`peer: ${gitleaks === undefined ? 'gitleaks not on PATH' : `gitleaks ${gitleaks}`}\n`);

const report = join(tmpdir(), `keyscan-table-${process.pid}.json`);
const rssReport = join(tmpdir(), `keyscan-table-${process.pid}.rss`);
for (const [name, repo] of repos) {
  const commits = Number(git(repo, 'rev-list', '--all', '--count'));
  const patchBytes = Number(execFileSync('sh', ['-c', 'git log -p -U0 --all | wc -c'], { cwd: repo, encoding: 'utf8' }));
  const commands = [
    { name: 'floor', cmd: 'git', args: ['log', '-p', '-U0', '--all'], options: { cwd: repo } },
    // --no-cache: a full scan every run. Without it every run after the first is a repeat audit
    // that reads only what the cache does not know, which is a different measurement (below).
    withRss(
      {
        name: 'keyscan',
        cmd: process.execPath,
        args: [BIN, '--history', '--no-cache', '-f', 'json', '-o', report, '--no-progress'],
        options: { cwd: repo },
      },
      rssReport,
    ),
  ];
  if (gitleaks !== undefined) {
    commands.push({ name: 'gitleaks', cmd: 'gitleaks', args: ['git', '--no-banner', '--log-level', 'error', '--exit-code', '0', repo] });
  }
  const r = await compare(commands, runs);
  const work = `\`--history\` ${name} (${commits.toLocaleString('en')} commits, ${mb(patchBytes).toFixed(1)} MB of patches)`;
  rows.push([work, secs(r.floor), secs(r.gitleaks), secs(r.keyscan), ratio(r.keyscan, r.floor), ratio(r.keyscan, r.gitleaks)]);
  console.log(
    `${work}: floor ${secs(r.floor)}${cpuOf(r.floor)} · keyscan ${secs(r.keyscan)}${cpuOf(r.keyscan)} · ${rssOf(r.keyscan)} · gitleaks ${secs(r.gitleaks)}${cpuOf(r.gitleaks)}`,
  );
  notes.push(`\`--history\` ${name}: ${rssOf(r.keyscan)}; bench/rss.mjs: worker threads included, git's children apart.`);
  // A repeat audit: the same history again with a warm cache (in a throwaway directory, so that
  // the repository is not written to), after one full scan that fills it.
  const cacheDir = mkdtempSync(join(tmpdir(), 'keyscan-table-cache-'));
  try {
    const repeat = [BIN, '--history', '--cache-dir', cacheDir, '-f', 'json', '-o', report, '--no-progress'];
    await timed(process.execPath, repeat, { cwd: repo });
    const warm = await compare([{ name: 'keyscan', cmd: process.execPath, args: repeat, options: { cwd: repo } }], runs);
    const label = `\`--history\` ${name} again (repeat audit, warm cache)`;
    rows.push([label, secs(r.floor), '–', secs(warm.keyscan), ratio(warm.keyscan, r.floor), '–']);
    console.log(`${label}: keyscan ${secs(warm.keyscan)}${cpuOf(warm.keyscan)}`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

// Pre-commit latency: a 10-file staged change in a throwaway copy of the first repository.
const work = mkdtempSync(join(tmpdir(), 'keyscan-staged-'));
try {
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repos[0][1]}`, work]);
  const files = git(work, 'ls-files', '*.js').split('\n').filter(Boolean).slice(0, 10);
  for (const f of files)
    writeFileSync(join(work, f), `${readFileSync(join(work, f), 'utf8')}\nconst added = computeValue(42);\n// a new comment line\n`);
  git(work, 'add', '-A');
  const commands = [
    { name: 'node', cmd: process.execPath, args: ['-e', '0'] },
    { name: 'keyscan', cmd: process.execPath, args: [BIN, '--staged'], options: { cwd: work } },
    { name: 'load', cmd: process.execPath, args: [join(ROOT, 'bench', 'load-only.cjs')], options: { cwd: work } },
    { name: 'floor', cmd: process.execPath, args: [join(ROOT, 'bench', 'staged-floor.cjs')], options: { cwd: work } },
  ];
  if (gitleaks !== undefined) {
    commands.push({
      name: 'gitleaks',
      cmd: 'gitleaks',
      args: ['git', '--pre-commit', '--staged', '--no-banner', '--exit-code', '0', work],
    });
  }
  const r = await compare(commands, stagedRuns, true);
  const label = `\`--staged\`, ${files.length} files (\`node -e 0\`: ${secs(r.node)})`;
  rows.push([label, '–', secs(r.gitleaks), secs(r.keyscan), '–', ratio(r.keyscan, r.gitleaks)]);
  notes.push(
    `\`--staged\`: ${(r.keyscan.ms / r.node.ms).toFixed(2)}× \`node -e 0\` in wall time, ${(r.keyscan.cpu / r.node.cpu).toFixed(2)}× in CPU time (${(r.keyscan.cpu * 1000).toFixed(0)} ms against ${(r.node.cpu * 1000).toFixed(0)} ms), medians of ${stagedRuns}; loading the CLI alone (bench/load-only.cjs, nothing run) ${(r.load.ms / r.node.ms).toFixed(2)}× (${secs(r.load)}); Node's start and the staged scan's two git processes alone (bench/staged-floor.cjs) ${(r.floor.ms / r.node.ms).toFixed(2)}× (${secs(r.floor)}).`,
  );
  console.log(
    `${label}: keyscan ${secs(r.keyscan)}${cpuOf(r.keyscan)} · node -e 0 ${secs(r.node)}${cpuOf(r.node)} · ratio ${(r.keyscan.ms / r.node.ms).toFixed(2)}× wall, ${(r.keyscan.cpu / r.node.cpu).toFixed(2)}× CPU`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (values.files) {
  const dir = benchTree();
  // The tree lives inside this repository, whose own config excludes bench/.cache: an empty config.
  const config = join(tmpdir(), `keyscan-table-${process.pid}.config.json`);
  writeFileSync(config, '{}');
  const commands = [{ name: 'keyscan', cmd: process.execPath, args: [BIN, dir, '-c', config, '-f', 'json', '-o', report] }];
  if (gitleaks !== undefined) {
    commands.push({ name: 'gitleaks', cmd: 'gitleaks', args: ['dir', '--no-banner', '--log-level', 'error', '--exit-code', '0', dir] });
  }
  const r = await compare(commands, runs);
  const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
  const size = mb(stats.bytesScanned);
  const label = `files, ${size.toFixed(0)} MB \`node_modules\``;
  rows.push([label, '–', secs(r.gitleaks), secs(r.keyscan), '–', ratio(r.keyscan, r.gitleaks)]);
  notes.push(
    `files: ${(size / (r.keyscan.ms / 1000)).toFixed(0)} MB/s of bytes scanned in wall time (${stats.filesScanned.toLocaleString('en')} files), ${(size / r.keyscan.cpu).toFixed(0)} MB per CPU second.`,
  );
  console.log(
    `${label}: keyscan ${secs(r.keyscan)}${cpuOf(r.keyscan)} · ${(size / (r.keyscan.ms / 1000)).toFixed(0)} MB/s · gitleaks ${secs(r.gitleaks)}`,
  );
  rmSync(config, { force: true });
}
rmSync(report, { force: true });
rmSync(rssReport, { force: true });

const header = ['work', '`git log -p -U0 --all` floor', 'gitleaks', 'keyscan', 'keyscan / floor', 'keyscan / gitleaks'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const context = `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${availableParallelism()} cores, Node ${process.version}, ${git(ROOT, '--version')}, ${gitleaks === undefined ? 'gitleaks not installed (its columns are empty)' : `gitleaks ${gitleaks}`}; medians of ${runs} interleaved runs (${stagedRuns} for \`--staged\`), start-up included.`;
const block = `${context}\n\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
console.log(`\n${block}`);

if (values.write) {
  const readme = join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench-table:start (npm run bench writes this) -->';
  const end = '<!-- bench-table:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b < a) throw new Error(`README.md has no ${start} … ${end} block to write the table into`);
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${block}${text.slice(b)}`);
  console.log('README.md updated.');
}
