import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    // Each test file in a process of its own: test/helpers/cpu-time.ts counts that process's CPU.
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: 1 on CI's 2 cores, which left a core
    // idle while end-to-end files waited on the git and keyscan processes they start (the suite
    // used 534 s of CPU in 589 s). Bounds in CPU time do not mind the second worker.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
