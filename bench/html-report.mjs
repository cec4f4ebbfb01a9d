#!/usr/bin/env node
// How big the audit reports get and how long they take to render, on a real history:
//   npm run build && node bench/html-report.mjs --repo PATH [--out DIR]
// Scans PATH with --history once (through the library), then renders html, markdown and json
// three times each and prints the median render time and the size. With --out, writes the reports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { remoteUrl } from '../dist/src/git/remote-url.js';
import { builtinRules, ENV_CHECK_RULES, scan } from '../dist/src/index.js';
import { forgeOf } from '../dist/src/report/forge.js';
import { render } from '../dist/src/report/render.js';

const { values } = parseArgs({ options: { repo: { type: 'string' }, out: { type: 'string' } } });
if (!values.repo) throw new Error('usage: node bench/html-report.mjs --repo PATH [--out DIR]');
const started = performance.now();
const result = await scan({ cwd: values.repo, history: true });
const scanMs = performance.now() - started;
const distinct = new Set(result.findings.map((f) => f.secretHash)).size;
console.log(
  `${values.repo}: ${result.stats.commitsScanned} commits, ${result.findings.length} findings (${distinct} distinct secrets), scanned in ${(scanMs / 1000).toFixed(1)} s`,
);
const forge = forgeOf(await remoteUrl(values.repo));
const ctx = {
  result,
  rules: [...builtinRules, ...ENV_CHECK_RULES],
  reveal: false,
  version: 'bench',
  color: false,
  ...(forge ? { forge } : {}),
};
for (const format of ['html', 'markdown', 'json']) {
  const times = [];
  let text = '';
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    text = render(format, ctx);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${format.padEnd(8)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(7)} KiB  render ${times[1].toFixed(0).padStart(6)} ms (median of 3)`,
  );
  if (values.out) writeFileSync(join(values.out, `report.${format === 'markdown' ? 'md' : format}`), text);
}
