#!/usr/bin/env node
// node scripts/example-hash.mjs < values.txt
// Prints the entry rules/examples.ts stores for each documented example credential on stdin (one
// per line): its keyed hash and length, never the value. Run it when adding an example; the value
// itself stays out of the repository.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Must match EXAMPLE_HASH_KEY in rules/examples.ts.
const KEY = 'keyscan:documented-example:v1';
for (const value of readFileSync(0, 'utf8').split('\n')) {
  if (value === '') continue;
  const hash = createHmac('sha256', KEY).update(value, 'utf8').digest('hex').slice(0, 32);
  console.log(`  { hash: '${hash}', length: ${value.length}, source: '…' },`);
}
