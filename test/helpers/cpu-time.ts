/**
 * Time bounds for work that must stay linear, measured in CPU time: this process's user and system
 * milliseconds. On a machine shared with other jobs, wall time also counts the waits for a core,
 * which made these bounds fail under load; backtracking or a quadratic loop burns CPU all the same.
 * vitest runs each test file in a process of its own (pool: 'forks' in vitest.config.ts), so no
 * other file's work is counted.
 */
export function cpuMs<T>(work: () => T): { readonly result: T; readonly ms: number } {
  const started = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1000 };
}

/** This process's CPU time in milliseconds, microsecond resolution (getrusage). */
export function cpuNow(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * Runs `work` with `performance.now()` reading this process's CPU time instead of the wall clock,
 * for code under test that times itself (src/catalogue/regex-safety.ts times each match attempt):
 * on a loaded machine a thread waiting for a core made a microsecond attempt look like a 200 ms
 * blow-up. The work is synchronous, so nothing else runs while the clock is swapped.
 */
export function withCpuClock<T>(work: () => T): T {
  const wall = performance.now;
  performance.now = cpuNow;
  try {
    return work();
  } finally {
    performance.now = wall;
  }
}
