#!/usr/bin/env node
// What liveness costs: the step that decides, per secret found in history, which refs' tips still
// hold it (liveAt) and which commit removed it (removedIn), measured on its own.
//   npm run build && node bench/liveness.mjs --repo PATH [--range BASE..HEAD] [--runs N]
// Without --range, a --history scan. The scan runs once (its report, with secrets, goes to a temp
// file that is deleted at the end); then the liveness step runs --runs times on its findings,
// in-process, timing wall and CPU (this process and the git processes it waits for).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, median, ROOT } from './lib.mjs';

const { values } = parseArgs({
  options: { repo: { type: 'string' }, range: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
if (values.repo === undefined) {
  console.error('usage: node bench/liveness.mjs --repo PATH [--range BASE..HEAD] [--runs N]');
  process.exit(2);
}
const repo = values.repo;
const { markLiveness } = await import(join(ROOT, 'dist', 'src', 'pipeline', 'liveness.js'));
const { Secret } = await import(join(ROOT, 'dist', 'src', 'secret.js'));
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();

/** CPU seconds of this process and of the children it has waited for (Linux: /proc/self/stat). */
function cpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const tick = 100; // USER_HZ
  const children = (Number(fields[13]) + Number(fields[14])) / tick;
  const own = process.cpuUsage();
  return { own: (own.user + own.system) / 1e6, children };
}

const dir = mkdtempSync(join(tmpdir(), 'keyscan-liveness-'));
try {
  const out = join(dir, 'report.json');
  const source = values.range === undefined ? ['--history'] : ['--range', values.range];
  const started = performance.now();
  const scan = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S', process.execPath, BIN, ...source, '--no-redact', '-f', 'json', '-o', out, '--no-progress'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
  const scanWall = (performance.now() - started) / 1000;
  if (scan.status !== 0 && scan.status !== 1) {
    console.error(scan.stderr);
    process.exit(2);
  }
  const [, user, sys] = scan.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const content = report.findings.filter((f) => f.liveAt !== undefined);
  const findings = content.map(({ secret, liveAt: _l, removedIn: _r, presentAtHead: _p, provider: _v, revoke: _k, tag: _t, ...f }) => ({
    ...f,
    secret: new Secret(secret),
  }));
  const tip =
    values.range === undefined ? git('rev-parse', 'HEAD') : git('rev-parse', `${values.range.split('..').at(-1) || 'HEAD'}^{commit}`);
  const refs = git('for-each-ref', 'refs/heads', 'refs/remotes', 'refs/tags').split('\n').filter(Boolean).length;
  console.log(
    `keyscan liveness benchmark · ${availableParallelism()} cores · node ${process.version} · load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `repo: ${repo} · ${source.join(' ')} · ${refs} refs · ${content.length} secrets in content, ${new Set(content.map((f) => f.path)).size} paths`,
  );
  console.log(`scan (with liveness): ${scanWall.toFixed(1)} s wall, ${(user + sys).toFixed(1)} s CPU (keyscan and git)`);
  const walls = [];
  const cpus = [];
  let result = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const before = cpu();
    const t = performance.now();
    result = await markLiveness(repo, findings, { tip });
    walls.push((performance.now() - t) / 1000);
    const after = cpu();
    cpus.push(after.own - before.own + after.children - before.children);
  }
  const gone = result.filter((f) => f.liveAt.length === 0);
  console.log(
    `liveness step: ${median(walls).toFixed(2)} s wall, ${median(cpus).toFixed(2)} s CPU (median of ${walls.length}; node and git) · ${result.length - gone.length} live, ${gone.length} only in history, ${gone.filter((f) => f.removedIn !== undefined).length} with removedIn`,
  );
  const same = result.every((f, i) => JSON.stringify(f.liveAt) === JSON.stringify(content[i].liveAt));
  console.log(`liveAt as the scan reported it: ${same ? 'yes' : 'NO'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
