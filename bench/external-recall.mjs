#!/usr/bin/env node
// npm run bench:external-recall -- --trufflehog DIR|URL --secretlint DIR|URL --detect-secrets DIR|URL --gitleaks DIR|URL
//   [--keyscan PATH/bin/keyscan.js] [--missed FILE.md] [--json FILE.json] [--label NAME]
//
// Recall and precision of keyscan on the test data other scanners ship in their public
// repositories, read at run time (nothing of it is committed here):
//   trufflehog      pkg/detectors/<provider>/*_test.go: the `input`/`want` pattern-test tables
//   secretlint      packages/@secretlint/secretlint-rule-<provider>/test/snapshots/*: input + output.json
//   detect-secrets  tests/plugins/<plugin>_test.py: `('payload', True|False)` parameters
//   gitleaks        cmd/generate/config/rules/<provider>.go: the literal strings of `tps`/`fps`
// Each source is a git directory (a bare mirror or a clone's .git; HEAD is read) or a URL, cloned
// shallowly into a temp dir. Without network, fetch them beforehand, e.g.
//   git clone --bare --depth 1 https://github.com/trufflesecurity/trufflehog /data/trufflehog.git
//   git clone --bare --depth 1 https://github.com/secretlint/secretlint /data/secretlint.git
//   git clone --bare --depth 1 https://github.com/Yelp/detect-secrets /data/detect-secrets.git
//   git clone --bare --depth 1 https://github.com/gitleaks/gitleaks /data/gitleaks.git
// The same paths may come from KEYSCAN_EXTERNAL_TRUFFLEHOG, _SECRETLINT, _DETECT_SECRETS, _GITLEAKS.
// (Nosey Parker's and Kingfisher's rules are deliberately not read: they are the independent check.)
//
// Every case (a test input with the tokens it must yield; none: a negative) becomes a file in a temp
// dir, keyscan scans the dir once (--format json, an empty config), and a positive target counts as
// found when a finding's secret covers it. Precision = found / (found + negative cases flagged);
// "prec*" leaves out the flagged negatives that not-negative.mjs sets apart, with a reason each,
// as holding a credential after all (the other detector's own reasons make them negative).
// Tokens are never printed: the report and --missed show providers, counts, token shapes (prefix,
// length, alphabet) and contexts with every token-like run replaced by its length.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { detectSecretsCases, gitleaksCases, secretlintCases, trufflehogCases } from './external-recall/extract.mjs';
import { contextOf, shapeOf, summarise, tally } from './external-recall/score.mjs';
import { gitDirOf, provenance } from './external-recall/sources.mjs';
import { loadTopProviders, targetKey, topRows } from './external-recall/top-providers.mjs';
import { BIN } from './lib.mjs';

const { values } = parseArgs({
  options: {
    trufflehog: { type: 'string', default: process.env.KEYSCAN_EXTERNAL_TRUFFLEHOG },
    secretlint: { type: 'string', default: process.env.KEYSCAN_EXTERNAL_SECRETLINT },
    'detect-secrets': { type: 'string', default: process.env.KEYSCAN_EXTERNAL_DETECT_SECRETS },
    gitleaks: { type: 'string', default: process.env.KEYSCAN_EXTERNAL_GITLEAKS },
    keyscan: { type: 'string', default: BIN },
    missed: { type: 'string' },
    json: { type: 'string' },
    label: { type: 'string', default: 'keyscan' },
    keep: { type: 'boolean', default: false },
  },
});

const SOURCES = [
  ['trufflehog', trufflehogCases],
  ['secretlint', secretlintCases],
  ['detect-secrets', detectSecretsCases],
  ['gitleaks', gitleaksCases],
];
if (!SOURCES.some(([name]) => values[name])) {
  console.error(
    'Give at least one source: --trufflehog, --secretlint, --detect-secrets or --gitleaks (a git dir or a URL; see the header).',
  );
  process.exit(2);
}

const stats = { unevaluable: 0 };
const provenances = [];
let cases = [];
for (const [name, extract] of SOURCES) {
  if (!values[name]) continue;
  const gitDir = gitDirOf(values[name]);
  const before = cases.length;
  cases.push(...(await extract(gitDir, stats)));
  provenances.push({ name, ...provenance(gitDir), cases: cases.length - before });
}
// The same input for the same provider twice (a table repeated across versions) is one case.
const seen = new Set();
cases = cases.filter((c) => {
  const key = `${c.source}\0${c.provider}\0${c.positive}\0${c.text}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});

const work = mkdtempSync(join(tmpdir(), 'keyscan-external-cases-'));
const casesDir = join(work, 'cases');
mkdirSync(casesDir);
const config = join(work, 'empty.json');
writeFileSync(config, '{}');
const fileOf = (i) => `${String(i).padStart(5, '0')}-${cases[i].file ?? 'case.txt'}`;
for (const [i, c] of cases.entries()) writeFileSync(join(casesDir, fileOf(i)), c.text);

const run = spawnSync(
  process.execPath,
  [values.keyscan, '.', '-C', casesDir, '-c', config, '--format', 'json', '--no-redact', '--no-progress', '--max-file-size', '50MB'],
  { encoding: 'utf8', maxBuffer: 1 << 30 },
);
if (run.status !== 0 && run.status !== 1) {
  console.error(`keyscan exited with ${run.status}: ${run.stderr.slice(0, 2000)}`);
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const indexOfFile = new Map(cases.map((_, i) => [fileOf(i), i]));
const findingsByCase = new Map();
for (const f of report.findings) {
  const i = indexOfFile.get(f.path.replace(/^\.\//, ''));
  if (i === undefined) continue;
  if (!findingsByCase.has(i)) findingsByCase.set(i, []);
  findingsByCase.get(i).push({ ruleId: f.ruleId, secret: f.secret ?? '' });
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`cases kept in ${casesDir} (they contain other projects' test tokens: do not commit them)`);

const rows = tally(cases, findingsByCase);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const line = (label, s) =>
  `${label.padEnd(16)} ${String(s.providers).padStart(4)} ${String(s.targets).padStart(6)} ${String(s.found).padStart(6)} ${pct(s.recall).padStart(7)} ${String(s.foundSpecific).padStart(8)} ${String(s.negatives).padStart(6)} ${String(s.flagged).padStart(6)} ${pct(s.precision).padStart(7)} ${String(s.flaggedApart).padStart(5)} ${pct(s.precisionApart).padStart(7)}`;
const header = `${'group'.padEnd(16)} prov. targets  found  recall specific   negs  flagd    prec apart   prec*`;

console.log(
  `external recall · ${values.label} · ${report.stats.filesScanned} case files · ${stats.unevaluable} cases not evaluable (skipped)`,
);
for (const p of provenances) console.log(`  ${p.name}: ${p.url || '(no origin url)'} @ ${p.commit} · ${p.cases} cases`);
console.log(`\n${header}`);
const total = summarise(rows);
console.log(line('all', total));
if (total.notDocumented > 0)
  console.log(
    `${''.padEnd(16)} (${total.notDocumented} more targets set apart as not a documented format; counted as misses, recall is ${pct((total.found + total.notDocumentedFound) / (total.targets + total.notDocumented))})`,
  );
for (const [name] of SOURCES) {
  const r = rows.filter((x) => x.source === name);
  if (r.length) console.log(line(name, summarise(r)));
}
console.log('');
const families = [...new Set(rows.map((r) => r.family))].sort();
for (const fam of families) console.log(line(fam, summarise(rows.filter((r) => r.family === fam))));

const top = topRows(loadTopProviders(), rows);
const topTotal = summariseTop(top);
console.log(
  `\ntop ${top.length} providers (bench/external-recall/top-providers.json), ${topTotal.exercised} exercised: ${topTotal.found}/${topTotal.targets} targets found (${pct(topTotal.recall)}), ${topTotal.foundOwn} by the provider's own rules; negatives flagged ${topTotal.flagged}/${topTotal.negatives} (${topTotal.flaggedApart} set apart as holding a credential); ${topTotal.notDocumented} targets not a documented format, set apart (${topTotal.notDocumentedFound} of them found anyway)`,
);
console.log(`  ${'provider'.padEnd(30)} ${'found'.padStart(9)}  recall   own  negs flagged`);
for (const t of top.filter((x) => x.targets + x.negatives > 0))
  console.log(
    `  ${t.name.padEnd(30)} ${`${t.found}/${t.targets}`.padStart(9)} ${pct(t.recall).padStart(7)} ${String(t.foundOwn).padStart(5)} ${`${t.flagged}/${t.negatives}`.padStart(6)}${t.flaggedApart ? ` (${t.flaggedApart} apart)` : ''}${t.recall < 0.95 ? '  < 95%' : ''}`,
  );
console.log(
  `  no external case: ${
    top
      .filter((x) => x.targets + x.negatives === 0)
      .map((x) => x.name)
      .join(', ') || 'none'
  }`,
);
const apartKinds = new Map();
for (const t of top) for (const n of t.notDocumented) apartKinds.set(n.kind, (apartKinds.get(n.kind) ?? 0) + 1);
console.log(
  `  set apart as not a documented format, by kind (the reason of each: --missed): ${[...apartKinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
);
const withApart = topTotal.targets + topTotal.notDocumented;
console.log(
  `  counting the set-apart targets as misses: ${topTotal.found + topTotal.notDocumentedFound}/${withApart} (${pct((topTotal.found + topTotal.notDocumentedFound) / withApart)})`,
);

const missedRows = rows.filter((r) => r.found < r.targets).sort((a, b) => b.targets - b.found - (a.targets - a.found));
console.log(
  `\nmissed targets: ${total.targets - total.found}, of which ${total.missedNamed} in a case that names the provider (the rest never name it: only a prefix or a generic rule can find those), ${total.missedPlaceholder} placeholder-like (typed filler or example values, which keyscan ignores by design)`,
);
console.log(`providers with misses: ${missedRows.length} (top 25 by missed targets)`);
for (const r of missedRows.slice(0, 25))
  console.log(`  ${`${r.source}/${r.provider}`.padEnd(40)} ${r.family.padEnd(14)} missed ${r.targets - r.found}/${r.targets}`);
const noisy = rows.filter((r) => r.flagged > r.flaggedApart).sort((a, b) => b.flagged - b.flaggedApart - (a.flagged - a.flaggedApart));
console.log(
  `\nnegatives flagged: ${total.flagged}/${total.negatives}; ${total.flaggedApart} of them set apart as holding a credential (bench/external-recall/not-negative.mjs; the reason of each: --missed); the other ${total.flagged - total.flaggedApart} in ${noisy.length} providers`,
);
for (const r of noisy.slice(0, 15))
  console.log(`  ${`${r.source}/${r.provider}`.padEnd(40)} ${r.flagged - r.flaggedApart}/${r.negatives} by ${[...r.flaggedBy].join(', ')}`);
const flaggedByRule = new Map();
for (const r of noisy) for (const id of r.flaggedBy) flaggedByRule.set(id, (flaggedByRule.get(id) ?? 0) + 1);
console.log(
  `  rules that flag negatives (providers): ${[...flaggedByRule]
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${id} ${n}`)
    .join(', ')}`,
);

if (values.missed) writeFileSync(values.missed, missedMarkdown());
if (values.json) {
  const byFamily = Object.fromEntries(families.map((f) => [f, summarise(rows.filter((r) => r.family === f))]));
  const providers = rows.map(({ missed, rules, flaggedBy, foundBy, ...r }) => ({ ...r, rules: [...rules], flaggedBy: [...flaggedBy] }));
  const topProviders = top.map(({ missed, ...t }) => t);
  writeFileSync(
    values.json,
    JSON.stringify({ label: values.label, provenances, total, byFamily, topTotal, topProviders, providers }, null, 2),
  );
}

function summariseTop(list) {
  const sum = (k) => list.reduce((n, t) => n + t[k], 0);
  const targets = sum('targets');
  const found = sum('found');
  const nd = list.flatMap((t) => t.notDocumented);
  return {
    providers: list.length,
    exercised: list.filter((t) => t.targets + t.negatives > 0).length,
    targets,
    found,
    foundOwn: sum('foundOwn'),
    recall: targets ? found / targets : 0,
    negatives: sum('negatives'),
    flagged: sum('flagged'),
    flaggedApart: sum('flaggedApart'),
    notDocumented: nd.length,
    notDocumentedFound: nd.filter((n) => n.found).length,
  };
}

function missedMarkdown() {
  const out = [
    "# Providers keyscan misses on other scanners' test data",
    '',
    `Generated by \`bench/external-recall.mjs\` (${values.label}), ${new Date().toISOString()}. Sources:`,
    ...provenances.map((p) => `- ${p.name}: ${p.url} @ ${p.commit} (${p.cases} cases)`),
    '',
    `Overall: ${total.found}/${total.targets} targets found (${pct(total.recall)}), precision ${pct(total.precision)} (${pct(total.precisionApart)} with the negatives of not-negative.mjs set apart).`,
    'Shapes give the literal prefix, length and alphabet of a missed token; contexts show the line with the',
    'token as <TOKEN> and every other token-like run as <length>. No token is written here.',
    '',
    `Missed targets: ${total.targets - total.found}; ${total.missedNamed} of them in a case that names the provider ("named" column); ${total.missedPlaceholder} placeholder-like (typed filler such as 0123456789 or EXAMPLE, ignored by design).`,
    '',
    '| provider | family | missed | named | shape of a missed token | context |',
    '|---|---|---|---|---|---|',
  ];
  const cell = (s) => s.replaceAll('|', '\\|').replaceAll('\n', ' ').replaceAll('`', "'");
  for (const r of missedRows) {
    const ex = r.missed[0];
    out.push(
      `| ${r.source}/${r.provider} | ${r.family} | ${r.targets - r.found}/${r.targets} | ${r.missedNamed} | ${cell(shapeOf(ex.target))} | \`${cell(contextOf(ex.text, ex.target))}\` |`,
    );
  }
  out.push(
    '',
    `## Top ${top.length} providers: every missed target`,
    '',
    `${topTotal.found}/${topTotal.targets} found (${pct(topTotal.recall)}); the key names the target for not-documented.mjs.`,
    '',
    '| provider | case | key | shape | context |',
    '|---|---|---|---|---|',
  );
  for (const t of top)
    for (const m of t.missed)
      out.push(
        `| ${t.name} | ${m.source}/${m.provider} | ${targetKey({ source: m.source, provider: m.provider, text: m.text }, m.target)} | ${cell(shapeOf(m.target))} | \`${cell(contextOf(m.text, m.target))}\` |`,
      );
  out.push(
    '',
    '## Top providers: targets set apart as not a documented format',
    '',
    '| provider | kind | reason | found anyway |',
    '|---|---|---|---|',
  );
  for (const t of top)
    for (const n of t.notDocumented) out.push(`| ${t.name} | ${n.kind} | ${cell(n.reason)} | ${n.found ? 'yes' : 'no'} |`);
  out.push(
    '',
    '## Flagged negatives set apart as holding a credential (not-negative.mjs)',
    '',
    `${total.flaggedApart} of ${total.flagged} flagged negatives; precision ${pct(total.precision)} raw, ${pct(total.precisionApart)} with them set apart.`,
    '',
    '| case | rules | reason |',
    '|---|---|---|',
  );
  for (const r of rows)
    for (const n of r.notNegative) out.push(`| ${r.source}/${r.provider} | ${n.rules.join(', ')} | ${cell(n.reason)} |`);
  return `${out.join('\n')}\n`;
}
