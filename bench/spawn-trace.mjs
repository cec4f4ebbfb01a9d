// Preloaded into a keyscan run (main thread and workers: `--import` reaches both), appends one
// line per child process to the file named by KEYSCAN_BENCH_SPAWNS: start and end in ms since
// the process started (or since KEYSCAN_BENCH_T0, epoch ms, to line up with other clocks), the
// thread, and the command without its `-c key=value` pins. Shows which git processes run one
// after another and which overlap:
//   KEYSCAN_BENCH_SPAWNS=/tmp/spawns node --import ./bench/spawn-trace.mjs bin/keyscan.js --history --no-cache
//   sort -n /tmp/spawns
import childProcess from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread, threadId } from 'node:worker_threads';

const target = process.env.KEYSCAN_BENCH_SPAWNS;
if (target) {
  const t0 = Number(process.env.KEYSCAN_BENCH_T0) || performance.timeOrigin;
  const now = () => (performance.timeOrigin + performance.now() - t0).toFixed(0);
  const spawn = childProcess.spawn;
  childProcess.spawn = function traced(command, args, ...rest) {
    const child = spawn.call(this, command, args, ...rest);
    const shown = (Array.isArray(args) ? args : []).filter((a, i, all) => a !== '-c' && all[i - 1] !== '-c');
    const start = now();
    child.on('exit', () => appendFileSync(target, `${start} ${now()} t${threadId} ${command} ${shown.join(' ').slice(0, 160)}\n`));
    return child;
  };
  // keyscan imports spawn by name: the ESM bindings follow the patched export only after this.
  syncBuiltinESMExports();
  if (isMainThread) {
    appendFileSync(target, `${now()} - main thread started\n`);
    process.on('exit', () => appendFileSync(target, `${now()} - main thread exits\n`));
  }
}
