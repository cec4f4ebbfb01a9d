/**
 * What bin/keyscan.js loads: the CLI bundled into one file (scripts/bundle.mjs), because loading
 * ~100 separate ES modules costs a pre-commit hook more than the scan itself (measured: a 10-file
 * staged scan took 170 ms unbundled, 130 ms bundled, with Node's own start at ~50 ms).
 */
export { run } from './main.js';
export { exitCleanlyOnSignals } from './signals.js';
