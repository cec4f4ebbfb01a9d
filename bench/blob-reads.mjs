#!/usr/bin/env node
// The git work a blob-design `--history` cannot skip, and nothing else: what keyscan's run would
// cost if judging were free. Run as its own process (so Node's start-up counts, as it does for
// keyscan) by bench/design-floor.mjs; prints what it read on stderr.
//   node bench/blob-reads.mjs REPO
// 1. `git rev-list --topo-order --all` (the commits);
// 2. the walk `git log --raw --cc` over them (in up to 8 consecutive parts on two processes from
//    20,000 commits on, as src/git/metadata.ts runs it), beside a listing of every stored object
//    (`cat-file --batch-all-objects --batch-check`, for pack order and sizes);
// 3. every blob the walk names, once, in pack order, read whole through two `cat-file --batch`
//    processes (the pool's two workers), into this process and dropped.
// Records are parsed only as far as finding the blob ids; no path, message or content is kept.
// With --keywords, step 3 runs as keyscan's does, in two worker threads that each read half the
// blobs through their own `cat-file --batch` (keyscan's parser, src/git/cat-file.ts) and run the
// shipped keyword automaton (dist/bundle/keywords.bin, the first step of judging) over every
// blob: the least judging any scan with this catalogue's prefilter does, and nothing after it
// (no decoding, no windows, no patterns, no attribution). Needs `npm run build`.
//   node bench/blob-reads.mjs [--keywords] REPO
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (!isMainThread) {
  await judgeKeywords(workerData);
  process.exit(0);
}
const keywords = process.argv[2] === '--keywords';
const repo = process.argv[keywords ? 3 : 2];
if (repo === undefined) {
  console.error('usage: node bench/blob-reads.mjs [--keywords] REPO');
  process.exit(2);
}

/** Runs git in `repo`, feeding `input`, handing each stdout chunk to `each`; resolves on exit 0. */
function git(args, each, input, cwd = repo) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-pager', ...args], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.on('data', each);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args[0]} exited ${code}`))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Splits a stream into `sep`-separated tokens as latin1 strings. */
function tokens(sep, each) {
  let rest = '';
  return {
    chunk(b) {
      const parts = (rest + b.toString('latin1')).split(sep);
      rest = parts.pop() ?? '';
      for (const p of parts) each(p);
    },
    end() {
      if (rest !== '') each(rest);
    },
  };
}

const commits = [];
const list = tokens('\n', (l) => l !== '' && commits.push(l));
await git(['rev-list', '--topo-order', '--all', '--'], (b) => list.chunk(b));
list.end();

const ZERO = /^0+$/;
const wanted = new Set();
/** A raw record's header (`:mode… sha… status`, one colon per parent): the new blob, if any. */
function record(token) {
  const t = token.replace(/^\n+/, '');
  if (!t.startsWith(':')) return;
  let colons = 0;
  while (t[colons] === ':') colons++;
  const fields = t.slice(colons).split(' ');
  const mode = fields[colons];
  const sha = fields[2 * (colons + 1) - 1];
  if (sha === undefined || mode === '000000' || mode === '160000' || ZERO.test(sha)) return;
  wanted.add(sha);
}
const WALK = ['-c', 'core.quotePath=false', 'log', '--no-walk=unsorted', '--stdin', '-z', '--raw', '--cc', '--no-abbrev', '--no-renames'];
const walkPart = async (part) => {
  const t = tokens('\0', record);
  await git([...WALK, '--format=%H', '--'], (b) => t.chunk(b), `${part.join('\n')}\n`);
  t.end();
};
// Parts as src/git/metadata.ts cuts them: at least 10,000 commits each, at most 8, two at a time.
const partCount = commits.length >= 20_000 ? Math.min(8, Math.floor(commits.length / 10_000)) : 1;
const parts = [];
for (let i = 0; i < partCount; i++)
  parts.push(commits.slice(Math.floor((i * commits.length) / partCount), Math.floor(((i + 1) * commits.length) / partCount)));
const walked = (async () => {
  const queue = [...parts];
  const runner = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) await walkPart(p);
  };
  await Promise.all(partCount > 1 ? [runner(), runner()] : [runner()]);
})();
const stored = [];
const check = tokens('\n', (l) => {
  if (!l.startsWith('blob ')) return;
  const [, sha, size] = l.split(' ');
  stored.push([sha, Number(size)]);
});
const listed = git(['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objecttype) %(objectname) %(objectsize)'], (b) =>
  check.chunk(b),
);
await Promise.all([walked, listed]);
check.end();

const order = stored.filter(([sha]) => wanted.has(sha));
const total = order.reduce((s, [, size]) => s + size, 0);
let half = 0;
let acc = 0;
while (half < order.length && acc < total / 2) acc += order[half++][1];
let bytes = 0;
let hits = 0;
const read = (ids) => {
  const input = ids.map(([sha]) => `${sha}\n`).join('');
  if (!keywords) return git(['cat-file', '--batch'], (b) => (bytes += b.length), input);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { repo, input } });
    worker.on('message', (m) => {
      bytes += m.bytes;
      hits += m.hits;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a worker exited ${code}`))));
  });
};
await Promise.all([read(order.slice(0, half)), read(order.slice(half))]);
const judged = keywords ? `, ${hits} keyword hits` : '';
console.error(
  `${commits.length} commits, ${wanted.size} blobs named, ${order.length} read, ${(bytes / 1e6).toFixed(1)} MB from cat-file${judged}`,
);

/** In a worker: reads the blobs named in `input` and runs the keyword automaton over each. */
async function judgeKeywords({ repo: cwd, input }) {
  const dist = new URL('../dist/', import.meta.url);
  const { deserializeKeywords, findKeywords } = await import(new URL('src/engine/keywords.js', dist).href);
  const { BatchParser } = await import(new URL('src/git/cat-file.js', dist).href);
  const matcher = deserializeKeywords(readFileSync(new URL('bundle/keywords.bin', dist)));
  let found = 0;
  let read = 0;
  const count = () => found++;
  const parser = new BatchParser(Number.POSITIVE_INFINITY, (blob) => {
    if (blob.data === undefined) return;
    read += blob.data.length;
    findKeywords(matcher, blob.data, count);
  });
  await git(['cat-file', '--batch'], (b) => parser.push(b), input, cwd);
  parentPort.postMessage({ bytes: read, hits: found });
}
