#!/usr/bin/env node
// node bench/external-recall-why.mjs --trufflehog DIR --secretlint DIR --detect-secrets DIR --gitleaks DIR
//   [--keyscan PATH/bin/keyscan.js] [--skip FILE.json] [--providers N]
//
// Why keyscan misses the targets it misses in other scanners' test data (the cases of
// bench/external-recall.mjs, read the same way): every missed target is put in one class by the
// text around it, so the closing note of a catalogue change can say which misses a rule could fix
// and which are inputs no documented format or assignment shape matches. --skip names a JSON list
// of "source/provider" keys to leave out (e.g. the providers another piece of work covers).
// Prints classes, counts and provider names only: never a token or a context.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isPlaceholder } from '../dist/src/engine/placeholders.js';
import { detectSecretsCases, gitleaksCases, secretlintCases, trufflehogCases } from './external-recall/extract.mjs';
import { familyOf, slug } from './external-recall/families.mjs';
import { covers } from './external-recall/score.mjs';
import { gitDirOf } from './external-recall/sources.mjs';
import { BIN } from './lib.mjs';

const { values } = parseArgs({
  options: {
    trufflehog: { type: 'string' },
    secretlint: { type: 'string' },
    'detect-secrets': { type: 'string' },
    gitleaks: { type: 'string' },
    keyscan: { type: 'string', default: BIN },
    skip: { type: 'string' },
    providers: { type: 'string', default: '8' },
  },
});
const SOURCES = [
  ['trufflehog', trufflehogCases],
  ['secretlint', secretlintCases],
  ['detect-secrets', detectSecretsCases],
  ['gitleaks', gitleaksCases],
];
if (!SOURCES.some(([name]) => values[name])) {
  console.error('Give at least one source: --trufflehog, --secretlint, --detect-secrets or --gitleaks (see bench/external-recall.mjs).');
  process.exit(2);
}
const skip = new Set(values.skip ? JSON.parse(readFileSync(values.skip, 'utf8')) : []);

const stats = { unevaluable: 0 };
const seen = new Set();
const cases = [];
for (const [name, extract] of SOURCES) {
  if (!values[name]) continue;
  for (const c of await extract(gitDirOf(values[name]), stats)) {
    const key = `${c.source}\0${c.provider}\0${c.positive}\0${c.text}`;
    if (c.positive && !seen.has(key) && !skip.has(`${c.source}/${c.provider}`)) cases.push(c);
    seen.add(key);
  }
}

// The same scan as bench/external-recall.mjs: one file per case, one keyscan run, empty config.
const work = mkdtempSync(join(tmpdir(), 'keyscan-external-why-'));
const dir = join(work, 'cases');
mkdirSync(dir);
writeFileSync(join(work, 'empty.json'), '{}');
const fileOf = (i) => `${String(i).padStart(5, '0')}-${cases[i].file ?? 'case.txt'}`;
for (const [i, c] of cases.entries()) writeFileSync(join(dir, fileOf(i)), c.text);
const args = [
  '.',
  '-C',
  dir,
  '-c',
  join(work, 'empty.json'),
  '--format',
  'json',
  '--no-redact',
  '--no-progress',
  '--max-file-size',
  '50MB',
];
const run = spawnSync(process.execPath, [values.keyscan, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
rmSync(work, { recursive: true, force: true });
if (run.status !== 0 && run.status !== 1) {
  console.error(`keyscan exited with ${run.status}: ${run.stderr.slice(0, 2000)}`);
  process.exit(2);
}
const index = new Map(cases.map((_, i) => [fileOf(i), i]));
const secrets = new Map();
for (const f of JSON.parse(run.stdout).findings) {
  const i = index.get(f.path.replace(/^\.\//, ''));
  if (i !== undefined) secrets.set(i, [...(secrets.get(i) ?? []), f.secret ?? '']);
}

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEQUENTIAL = /(.)\1{7}|0123456789|1234567890|abcdefgh|fake|example/i;
/** The class of one missed target, from the case's text around it. */
function classify(c, target) {
  if (familyOf(c.provider) === 'generic') return 'a generic credential (URL, basic auth, JWT, keyword): the generic rules';
  if (target === null) return 'the source only says "flagged" and keyscan reports nothing there';
  // A target joined from several values (id + secret) is judged by its first part in the text.
  const part = c.text.includes(target) ? target : target.split(/[\s:;|,@"'=]+/).find((p) => p.length >= 8 && c.text.includes(p));
  if (part === undefined) return 'a target joined from values that are not in the text as written';
  if (isPlaceholder(part) || SEQUENTIAL.test(part)) return 'placeholder-like (repeated, sequential, "fake"): ignored by design';
  const at = c.text.indexOf(part);
  const line = c.text.slice(c.text.lastIndexOf('\n', at) + 1, (c.text.indexOf('\n', at) + 1 || c.text.length + 1) - 1);
  if (line.includes('AQAAABAAA')) return 'a plaintext token inside a Jenkins {AQAAABAAA…} secret (Jenkins stores these encrypted)';
  const s = slug(c.provider);
  const name = [...(s.length > 8 ? s.slice(0, 8) : s)].map(esc).join('[_.-]?');
  if (new RegExp(`${name}[^\\n=:;,]{0,40}?(?:=>|:=|=|:)[ \\t]{0,8}["'\`]?${esc(part)}`, 'i').test(c.text))
    return 'assigned to the provider name, but not in a format keyscan knows the provider to issue';
  if (new RegExp(name, 'i').test(line)) return 'the provider named on its line without an assignment (`x token - …`, `x …`)';
  if (new RegExp(name, 'i').test(c.text)) return 'the provider named on another line, the value assigned to a generic name';
  return 'the provider never named, no prefix';
}

const byClass = new Map();
let missed = 0;
let targets = 0;
for (const [i, c] of cases.entries()) {
  for (const target of c.targets) {
    targets++;
    if ((secrets.get(i) ?? []).some((s) => covers(s, target))) continue;
    missed++;
    const cls = classify(c, target);
    const entry = byClass.get(cls) ?? { count: 0, providers: new Map() };
    entry.count++;
    const p = `${c.source}/${c.provider}`;
    entry.providers.set(p, (entry.providers.get(p) ?? 0) + 1);
    byClass.set(cls, entry);
  }
}
console.log(
  `external recall, why missed · ${cases.length} positive cases · ${targets} targets · ${missed} missed${skip.size ? ` · ${skip.size} providers skipped` : ''}`,
);
const top = Number(values.providers);
for (const [cls, e] of [...byClass].sort((a, b) => b[1].count - a[1].count)) {
  const names = [...e.providers].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(
    `${String(e.count).padStart(5)}  ${cls}\n       ${names.map(([p, n]) => `${p} ${n}`).join(', ')}${e.providers.size > top ? ', …' : ''}`,
  );
}
