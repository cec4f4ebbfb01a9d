// Preloaded into the measured process: on exit, writes its peak RSS (bytes) and the CPU time of
// all its threads (ms, user + system) as JSON to the file named by KEYSCAN_BENCH_CPU. CPU time
// shows the slope of the work even on a machine whose other load stretches wall time.
import { writeFileSync } from 'node:fs';

const target = process.env.KEYSCAN_BENCH_CPU;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ rss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
