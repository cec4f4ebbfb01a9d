/**
 * What bin/keyscan.js loads first, bundled into dist/bundle/start.cjs (a CommonJS script: Node
 * loads it without the ES module loader's cost at every start). It turns on the regex guard, sets
 * the CLI's heap flags and loads the bundled CLI with the code cache.
 */
import { setFlagsFromString } from 'node:v8';
import { prefetchStaged } from '../git/staged-commands.js';
import { enableBacktrackingFallback } from '../regex-guard.js';
import { type LoadedCli, loadBundle } from './code-cache.js';
import { startInOwnThread } from './history-thread.js';
import { isHookCommandLine } from './hook-args.js';

export type { LoadedCli } from './code-cache.js';

/**
 * A pre-commit run keeps most of what it allocates (the catalogue, compiled code, ~10 MB), so each
 * young-generation collection copies nearly all of it again. The young generation starts at 1 MB
 * and doubles after each collection, and V8 also collects from an idle task before it is full:
 * seven collections, ~15% of a staged scan's main-thread time in a CPU profile. Growing it eight
 * times at a step and collecting only when it is full leaves three. Only when to collect changes,
 * never what is kept; the young generation's ceiling (--max-semi-space-size) stays as it is.
 */
export const HEAP_FLAGS = ['--semi-space-growth-factor=8', '--no-minor-gc-task'];

/**
 * `argv`: the command line. For the pre-commit hook's own, the staged scan's git processes start
 * before the CLI is loaded (see prefetchStaged): the hook runs keyscan at the work tree root. A
 * history audit runs the CLI in a thread of its own, started from `entry` (see history-thread.ts);
 * without `entry`, everything runs here.
 */
export function startCli(bundlePath: string, argv: readonly string[] = [], entry?: string): LoadedCli {
  const hook = isHookCommandLine(argv);
  if (hook) prefetchStaged(process.cwd());
  // Before any pattern is compiled: see src/regex-guard.ts. A code cache is only valid under the
  // V8 flags it was made with, so the flags are named in its key.
  enableBacktrackingFallback();
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
  const threaded = entry === undefined ? undefined : startInOwnThread(entry, argv);
  if (threaded !== undefined) return threaded;
  return loadBundle(bundlePath, 'regexp-backtracking-fallback-semi8-no-minor-task', process.env, hook ? 'hook' : 'cli');
}
