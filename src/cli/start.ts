/**
 * What bin/keyscan.js loads first, bundled into dist/bundle/start.cjs (a CommonJS script: Node
 * loads it without the ES module loader's cost at every start). It turns on the regex guard and
 * loads the bundled CLI with the code cache.
 */
import { enableBacktrackingFallback } from '../regex-guard.js';
import { type LoadedCli, loadBundle } from './code-cache.js';

export type { LoadedCli } from './code-cache.js';

export function startCli(bundlePath: string): LoadedCli {
  // Before any pattern is compiled: see src/regex-guard.ts. A code cache is only valid under the
  // V8 flags it was made with, so the flag is named in its key.
  enableBacktrackingFallback();
  return loadBundle(bundlePath, 'regexp-backtracking-fallback-no-tier-up');
}
