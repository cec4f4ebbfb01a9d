#!/usr/bin/env node
// Which prefilter keywords fire on a repository's content, and for which rules: every blob in the
// store (`git cat-file --batch-all-objects`), each once, through the built-in catalogue's keyword
// automaton, hits counted per keyword. A keyword that fires far more often than its rules match is
// where judging spends time on nothing (each hit is replayed into JavaScript and checked). For a
// rule with exact-case keywords (`keywordsExact`), also how many of its hits had that case.
//   node bench/keyword-hits.mjs [--top 30] REPO
// Needs `npm run build`. Prints counts only, never content.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '30' } }, allowPositionals: true });
const repo = positionals[0];
if (repo === undefined) {
  console.error('usage: node bench/keyword-hits.mjs [--top N] REPO');
  process.exit(2);
}
const dist = new URL('../dist/', import.meta.url);
const { compileCatalogue } = await import(new URL('src/catalogue/compile.js', dist).href);
const { builtinRules } = await import(new URL('rules/index.js', dist).href);
const { findKeywords } = await import(new URL('src/engine/keywords.js', dist).href);
const { BatchParser } = await import(new URL('src/git/cat-file.js', dist).href);

const catalogue = compileCatalogue(builtinRules);
const { keywords: matcher, rules, rulesByKeyword } = catalogue;
const names = matcher.keywords;
const hits = new Float64Array(names.length);
const exactHits = new Float64Array(names.length);
/** Per keyword id: the exact spellings some rule asks for, when every rule it triggers asks for some. */
const exactOnly = names.map((name, id) => {
  const triggered = rulesByKeyword[id].map((i) => rules[i]);
  return triggered.length > 0 && triggered.every((r) => r.exactKeywords?.has(name))
    ? triggered.flatMap((r) => r.exactKeywords.get(name))
    : undefined;
});
const spelled = (data, start, spellings) => spellings.some((w) => w.every((b, i) => data[start + i] === b));

let blobs = 0;
let bytes = 0;
const parser = new BatchParser(Number.POSITIVE_INFINITY, (blob) => {
  if (blob.data === undefined) return;
  blobs++;
  bytes += blob.data.length;
  findKeywords(matcher, blob.data, (id, end) => {
    hits[id]++;
    const exact = exactOnly[id];
    if (exact !== undefined && spelled(blob.data, end - names[id].length, exact)) exactHits[id]++;
  });
});
await new Promise((resolve, reject) => {
  const child = spawn('git', ['--no-pager', 'cat-file', '--batch-all-objects', '--unordered', '--batch'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (chunk) => parser.push(chunk));
  child.on('error', reject);
  child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited ${code}`))));
});

const total = hits.reduce((a, b) => a + b, 0);
const exactAll = exactOnly.reduce((n, e, id) => (e === undefined ? n : n + hits[id]), 0);
const exactKept = exactHits.reduce((a, b) => a + b, 0);
console.log(`${blobs} blobs, ${(bytes / 1e6).toFixed(1)} MB, ${total} keyword hits (${names.length} keywords)`);
console.log(`exact-case keywords: ${exactAll} hits, ${exactKept} of them in the case their rules ask for`);
console.log('\n| keyword | hits | share | in the asked case | rules |\n|---|---|---|---|---|');
const order = [...names.keys()].sort((a, b) => hits[b] - hits[a]).slice(0, Math.max(1, Number(values.top)));
for (const id of order) {
  if (hits[id] === 0) break;
  const ruleIds = rulesByKeyword[id].map((i) => rules[i].id);
  const shown = ruleIds.length > 4 ? `${ruleIds.slice(0, 4).join(', ')} and ${ruleIds.length - 4} more` : ruleIds.join(', ');
  const asked = exactOnly[id] === undefined ? '–' : String(exactHits[id]);
  console.log(`| \`${names[id]}\` | ${hits[id]} | ${((100 * hits[id]) / total).toFixed(1)}% | ${asked} | ${shown} |`);
}
