/**
 * npm run accuracy [-- --write] [-- --seed S]
 * Generates the labelled corpus, scans it with the built-in catalogue and prints recall and
 * precision overall and per family, then every miss and false alarm (rule, file, line; never
 * the secret). --write also writes the corpus to fixtures/generated/accuracy/ for inspection.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { generateCorpus } from './corpus.js';
import { evaluate, type FamilyScore, precision, recall } from './evaluate.js';

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, seed: { type: 'string' } } });
const corpus = generateCorpus(builtinRules, values.seed);
if (values.write) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'generated', 'accuracy');
  rmSync(root, { recursive: true, force: true });
  for (const file of corpus) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  writeFileSync(
    join(root, 'labels.json'),
    JSON.stringify(
      corpus.map((f) => ({ path: f.path, labels: f.labels })),
      null,
      1,
    ),
  );
  console.log(`corpus written to ${root}`);
}

const familyOf = new Map(builtinRules.map((r) => [r.id, r.tags?.[0] ?? 'other']));
const started = performance.now();
const report = evaluate(compileCatalogue(builtinRules), corpus, (id) => familyOf.get(id) ?? 'other');
const ms = performance.now() - started;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
const row = (s: FamilyScore): string =>
  `${s.family.padEnd(18)} recall ${pct(recall(s))} (${s.found}/${s.positives})   precision ${pct(precision(s))} (${s.truePositives}/${s.findings})`;
console.log(`accuracy corpus: ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KiB, scanned in ${ms.toFixed(0)} ms\n`);
for (const s of report.families) console.log(row(s));
console.log(`\n${row(report.overall)}`);
const planted = corpus.reduce((n, f) => n + f.labels.filter((l) => l.kind === 'near-miss').length, 0);
console.log(`near misses: ${planted} (each scored against its own rule; ${report.unscored} findings of other rules on them not scored)`);
if (report.misses.length > 0) {
  console.log(`\nmisses (${report.misses.length}):`);
  for (const m of report.misses) console.log(`  ${m.ruleId}  ${m.path}${m.foundBy.length ? `  (found by ${m.foundBy.join(', ')})` : ''}`);
}
if (report.falseAlarms.length > 0) {
  console.log(`\nfalse alarms (${report.falseAlarms.length}):`);
  for (const f of report.falseAlarms) console.log(`  ${f.ruleId}  ${f.path}:${f.line}`);
}
