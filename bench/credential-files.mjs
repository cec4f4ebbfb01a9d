#!/usr/bin/env node
// npm run bench:credential-files [-- --seed S]
// Recall on credential files written as their tools write them (scripts/credential-files/): compiles
// the generator and runs it, which scans the generated files with the built CLI.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT } from './lib.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.scripts.json'], { cwd: ROOT, stdio: 'inherit' });
await import('../dist/scripts/credential-files/main.js');
