#!/usr/bin/env node
// Exit codes: 0 no secrets found, 1 secrets found, 2 error (nothing is ever reported clean on error).
import { run } from '../dist/src/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
