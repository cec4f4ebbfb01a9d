#!/usr/bin/env node
// node bench/engine-equality.mjs --old ROOT [--accuracy] [DIR…]
// Proves that an engine change changes no result: runs the built engine of another checkout
// (ROOT, built with `npm run build`, and `tsc -p tsconfig.scripts.json` for --accuracy) and this
// one's over the same fragments, every file under each DIR and the generated accuracy corpus,
// and compares every match (rule, offsets, secret group, encoded/example marks). Prints counts
// and, per difference, rule id, path and offsets only: never a secret. Exit 1 on any difference.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib.mjs';

const { values, positionals } = parseArgs({
  options: { old: { type: 'string' }, accuracy: { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (values.old === undefined) throw new Error('--old ROOT: a built checkout to compare with');

// Salted: the digest only has to tell two runs' secrets apart, never to identify one.
const salt = String(Math.random());

async function engineOf(root) {
  const { builtinRules } = await import(join(resolve(root), 'dist', 'rules', 'index.js'));
  const { compileCatalogue } = await import(join(resolve(root), 'dist', 'src', 'catalogue', 'compile.js'));
  const { detect } = await import(join(resolve(root), 'dist', 'src', 'engine', 'detect.js'));
  const catalogue = compileCatalogue(builtinRules);
  const digest = (s) => createHash('sha256').update(salt).update(s).digest('hex').slice(0, 16);
  return (data, path) =>
    detect(catalogue, data, path).map((m) =>
      [catalogue.rules[m.rule].id, m.start, m.end, m.matchStart, m.matchEnd, digest(m.secret), m.encoded ?? '', m.example ?? ''].join(' '),
    );
}

const older = await engineOf(values.old);
const newer = await engineOf(ROOT);

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') yield* filesUnder(path);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}

let fragments = 0;
let matches = 0;
let differences = 0;
function compare(data, path, where) {
  fragments++;
  // Both with a path and without one (free text: path-conditioned rules do not run).
  for (const p of [path, undefined]) {
    const a = older(data, p);
    const b = newer(data, p);
    matches += a.length;
    if (a.join('\n') === b.join('\n')) continue;
    differences++;
    const ruleAndOffsets = (x) => x.split(' ').slice(0, 5).join(' ');
    console.log(`DIFF ${where}${p === undefined ? ' (no path)' : ''}`);
    for (const x of a) if (!b.includes(x)) console.log(`  only old: ${ruleAndOffsets(x)}`);
    for (const x of b) if (!a.includes(x)) console.log(`  only new: ${ruleAndOffsets(x)}`);
  }
}

for (const dir of positionals) {
  const before = { fragments, matches, differences };
  for (const file of filesUnder(dir)) {
    const data = readFileSync(file);
    if (data.length > 10e6) continue;
    compare(data, relative(dir, file), file);
  }
  console.log(
    `${dir}: ${fragments - before.fragments} files, ${matches - before.matches} matches, ${differences - before.differences} differences`,
  );
}
if (values.accuracy) {
  const { generateCorpus } = await import(join(ROOT, 'dist', 'scripts', 'accuracy', 'corpus.js'));
  const { builtinRules } = await import(join(ROOT, 'dist', 'rules', 'index.js'));
  const before = { fragments, matches, differences };
  for (const file of generateCorpus(builtinRules)) compare(Buffer.from(file.text), file.path, `accuracy:${file.path}`);
  console.log(
    `accuracy corpus: ${fragments - before.fragments} files, ${matches - before.matches} matches, ${differences - before.differences} differences`,
  );
}
console.log(`total: ${fragments} fragments, ${matches} matches compared, ${differences} differences`);
process.exitCode = differences === 0 ? 0 : 1;
