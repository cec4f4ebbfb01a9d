#!/usr/bin/env node
// node bench/generic-identifiers.mjs [--n 10000] [DIR …]
//
// How well the generic rule's identifier test (looksLikeIdentifier in src/engine/generic-value.ts)
// tells identifiers from random values. False drops: generated random values of each alphabet and
// length that it takes for identifiers (each one a secret the generic rule would miss). True
// drops: identifiers of 12 to 60 characters read from the source files under each DIR (e.g. the
// node_modules and repositories bench/real-code.mjs extracts), each counted once. Reads the
// TypeScript source (bundled to a temp file with esbuild), so no build is needed.
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { n: { type: 'string', default: '10000' } } });
const n = Number(values.n);

const work = mkdtempSync(join(tmpdir(), 'keyscan-identifiers-'));
const out = join(work, 'generic-value.mjs');
await build({
  entryPoints: [new URL('../src/engine/generic-value.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const { looksLikeIdentifier } = await import(pathToFileURL(out).href);
rmSync(work, { recursive: true, force: true });

const ALPHABETS = {
  'base36 (a-z0-9)': 'abcdefghijklmnopqrstuvwxyz0123456789',
  'lowercase (a-z)': 'abcdefghijklmnopqrstuvwxyz',
  base62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  hex: '0123456789abcdef',
};
const LENGTHS = [12, 16, 20, 24, 32, 40, 64];
console.log(`false drops: random values taken for identifiers (${n} per cell)`);
console.log(`${'alphabet'.padEnd(16)} ${LENGTHS.map((l) => String(l).padStart(7)).join('')}`);
for (const [name, alphabet] of Object.entries(ALPHABETS)) {
  const cells = LENGTHS.map((length) => {
    let dropped = 0;
    for (let i = 0; i < n; i++) {
      let value = '';
      for (let j = 0; j < length; j++) value += alphabet[randomInt(alphabet.length)];
      if (looksLikeIdentifier(value)) dropped++;
    }
    return `${((100 * dropped) / n).toFixed(2)}%`.padStart(7);
  });
  console.log(`${name.padEnd(16)} ${cells.join('')}`);
}

if (positionals.length > 0) {
  const SOURCE = new Set(['.js', '.mjs', '.cjs', '.ts', '.py', '.rb', '.c', '.h', '.php', '.go', '.java']);
  const identifiers = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(path);
      } else if (entry.isFile() && SOURCE.has(extname(entry.name)) && statSync(path).size < 300_000) {
        for (const m of readFileSync(path, 'latin1').matchAll(/(?<![\w$])[A-Za-z_$][\w$]{11,59}(?![\w$])/g)) identifiers.add(m[0]);
      }
    }
  };
  for (const dir of positionals) walk(dir);
  let dropped = 0;
  for (const id of identifiers) if (looksLikeIdentifier(id)) dropped++;
  // Minified code and embedded base64 hold runs that match the identifier shape but are data:
  // the rate is a lower bound of the true one.
  console.log(`\ntrue drops: ${dropped}/${identifiers.size} identifiers (${((100 * dropped) / identifiers.size).toFixed(1)}%)`);
}
