// Preloaded into the measured process: on exit, writes its peak RSS (bytes, all threads) to the
// file named by KEYSCAN_BENCH_RSS, so the benchmark can report memory without platform tools.
import { writeFileSync } from 'node:fs';

const target = process.env.KEYSCAN_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
