#!/usr/bin/env node
// Exit codes: 0 no secrets found, 1 secrets found, 2 error (nothing is ever reported clean on
// error), 128+N when stopped by signal N (130 for Ctrl-C).
import { enableBacktrackingFallback } from '../dist/src/regex-guard.js';

// Before any pattern is compiled: see src/regex-guard.ts.
enableBacktrackingFallback();
const { run, exitCleanlyOnSignals } = await import('../dist/bundle/cli.mjs');
exitCleanlyOnSignals(process.stderr);
process.exitCode = await run(process.argv.slice(2));
