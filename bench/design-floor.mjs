#!/usr/bin/env node
// How far `--history` is from the git work it cannot skip, per repository, in one interleaved run:
//   - the patch floor, `git log -p -U0 --all` (one process), the table's reference;
//   - the blob design's own floor, bench/blob-reads.mjs: a Node process that runs the git commands
//     the blob design runs (rev-list, the raw walk beside the store's listing, every named blob
//     read whole through two cat-file processes) and judges nothing;
//   - keyscan `--history --no-cache`.
// The gap between the last two is keyscan's own work (start-up, parsing, judging, attribution).
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
  '| repository | patch floor | blob-design git work | keyscan | blob work / patch floor | keyscan / blob work | keyscan / patch floor |',
);
console.log('|---|---|---|---|---|---|---|');
for (const [name, repo] of repos) {
  const commands = {
    patches: ['git', ['log', '-p', '-U0', '--all']],
    blobs: [process.execPath, [join(ROOT, 'bench', 'blob-reads.mjs'), repo]],
    keyscan: [process.execPath, [BIN, '--history', '--no-cache', '-f', 'json', '-o', '/dev/null', '--no-progress']],
  };
  const times = { patches: [], blobs: [], keyscan: [] };
  for (const [cmd, args] of Object.values(commands)) await timed(cmd, args, { cwd: repo }); // warm the page cache
  for (let i = 0; i < runs; i++) {
    for (const [key, [cmd, args]] of Object.entries(commands)) {
      const r = await timed(cmd, args, { cwd: repo });
      if (key !== 'keyscan' && r.code !== 0) throw new Error(`${key} failed in ${repo} (exit ${r.code})`);
      times[key].push(r.ms);
    }
  }
  const [p, b, k] = [median(times.patches), median(times.blobs), median(times.keyscan)];
  console.log(`| ${name} | ${fmt(p)} | ${fmt(b)} | ${fmt(k)} | ${(b / p).toFixed(2)}× | ${(k / b).toFixed(2)}× | ${(k / p).toFixed(2)}× |`);
}
console.log(`\nmedians of ${runs} interleaved runs`);
