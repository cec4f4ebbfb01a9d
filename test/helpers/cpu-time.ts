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
