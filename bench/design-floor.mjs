#!/usr/bin/env node
// How far `--history` is from the git work it cannot skip, per repository, in one interleaved run:
//   - the patch floor, `git log -p -U0 --all` (one process), the table's reference;
//   - the same with merges, `git log -p -U0 --cc --all`: what a patch scan must read, since a
//     merge can bring in a line neither parent had (the floor shows no diff for a merge);
//   - the blob design's own floor, bench/blob-reads.mjs: a Node process that runs the git commands
//     the blob design runs (rev-list, the raw walk beside the store's listing, every named blob
//     read whole through two cat-file processes) and judges nothing;
//   - the same with the keyword automaton run over every blob in two worker threads
//     (`blob-reads.mjs --keywords`): the first step of judging, and nothing after it;
//   - keyscan `--history --no-cache`.
// The gap between the last two is keyscan's own work past the prefilter (decoding, windows,
// patterns, attribution, the second pass, the report).
//   node bench/design-floor.mjs [--runs 3] --repo NAME=PATH [--repo …]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN, median, ROOT, timed } from './lib.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, repo: { type: 'string', multiple: true } } });
const runs = Math.max(1, Number(values.runs));
const repos = (values.repo ?? []).map((r) => {
  const at = r.indexOf('=');
  return at === -1 ? [r, r] : [r.slice(0, at), r.slice(at + 1)];
});
if (repos.length === 0) {
  console.error('usage: node bench/design-floor.mjs [--runs N] --repo NAME=PATH [--repo …]');
  process.exit(2);
}

const fmt = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
console.log(
  '| repository | patch floor | with merges (`--cc`) | blob-design git work | + keyword automaton | keyscan | `--cc` / floor | blob work / floor | + automaton / floor | keyscan / floor |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [name, repo] of repos) {
  const commands = {
    patches: ['git', ['log', '-p', '-U0', '--all']],
    merges: ['git', ['log', '-p', '-U0', '--cc', '--all']],
    blobs: [process.execPath, [join(ROOT, 'bench', 'blob-reads.mjs'), repo]],
    keywords: [process.execPath, [join(ROOT, 'bench', 'blob-reads.mjs'), '--keywords', repo]],
    keyscan: [process.execPath, [BIN, '--history', '--no-cache', '-f', 'json', '-o', '/dev/null', '--no-progress']],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const [cmd, args] of Object.values(commands)) await timed(cmd, args, { cwd: repo }); // warm the page cache
  for (let i = 0; i < runs; i++) {
    for (const [key, [cmd, args]] of Object.entries(commands)) {
      const r = await timed(cmd, args, { cwd: repo });
      if (key !== 'keyscan' && r.code !== 0) throw new Error(`${key} failed in ${repo} (exit ${r.code})`);
      times[key].push(r.ms);
    }
  }
  const [p, m, b, w, k] = ['patches', 'merges', 'blobs', 'keywords', 'keyscan'].map((key) => median(times[key]));
  const ratio = (x) => `${(x / p).toFixed(2)}×`;
  console.log(`| ${name} | ${[p, m, b, w, k].map(fmt).join(' | ')} | ${[m, b, w, k].map(ratio).join(' | ')} |`);
}
console.log(`\nmedians of ${runs} interleaved runs`);
