/**
 * Never a leak: every command and every format, run over a repository with a planted key of every
 * rule (in files, staged, in history and in a pull request; in file and directory names, a commit
 * message and an author's name), and all that keyscan prints or writes is searched for every key
 * and every 8-character slice of it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom, TEMPLATE } from '../../src/catalogue/examples.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { runCi } from '../helpers/actions.js';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { slices } from '../helpers/tokens.js';

interface Planted {
  readonly ruleId: string;
  readonly text: string;
  /**
   * The random parts of the example (what `{{class:n}}` expanded to): everything else is fixed
   * text such as `https://` or a JWT header, which says nothing about the key. Nothing of the
   * scanned content but paths is ever printed, so none of these may appear anywhere.
   */
  readonly hidden: readonly string[];
}

const catalogue = compileCatalogue(builtinRules);

/** One positive example of every rule (as found by the engine), and its random parts. */
function plantedKeys(seed: string): Planted[] {
  const out: Planted[] = [];
  for (const rule of builtinRules) {
    const template = rule.examples.positive[0] ?? '';
    const random = seededRandom(`${seed}-${rule.id}`);
    const hidden: string[] = [];
    const text = template.replace(TEMPLATE, (part) => {
      const value = expandExample(part, random);
      hidden.push(value);
      return value;
    });
    const found = scanFragment(catalogue, Buffer.from(text), { path: 'x', source: 'file' }).some((f) => f.ruleId === rule.id);
    if (found) out.push({ ruleId: rule.id, text, hidden });
  }
  return out;
}

/** An example as a directory name: no slashes. */
function nameOf(p: Planted): string {
  return p.text.replace(/[/\\]/g, '_');
}

/** Every file under `dir` (reports, summaries, outputs, baselines), read as text. */
function filesUnder(dir: string): string {
  let all = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    all += statSync(path).isDirectory() ? filesUnder(path) : readFileSync(path, 'latin1');
  }
  return all;
}

const HASH_FIELD = /"(secretHash|fingerprint|salt|keyscan\/v2)": "[0-9a-f]{64}"/g;

/**
 * Throws if any 8-character slice of any planted random part occurs in `output`. One pass over
 * the output against a set of slices: outputs (SARIF with 300 rules) reach megabytes.
 */
function expectNoLeak(text: string, planted: readonly Planted[], label: string): void {
  // Hash fields are random-looking hex, salted per baseline: an 8-hex slice of a hex key occurs
  // in one by chance now and then. What they are is tested in secret-hash.test.ts.
  const output = text.replace(HASH_FIELD, '"$1": "<hash>"');
  const owner = new Map<string, string>();
  for (const p of planted) for (const slice of p.hidden.flatMap((h) => slices(h))) owner.set(slice, p.ruleId);
  for (let i = 0; i + 8 <= output.length; i++) {
    const rule = owner.get(output.slice(i, i + 8));
    if (rule !== undefined) throw new Error(`${label}: a piece of the ${rule} example was printed`);
  }
}

// The work is fixed (a key of every rule, ~15 scans of it), its wall time is not: at load 27 on
// 2 cores one run took past the 60 s default. Bounds here only catch a hang.
describe('no secret reaches any output', { timeout: 600_000 }, () => {
  const planted = plantedKeys('leaks');
  const later = plantedKeys('leaks-later');
  let dir: string;
  let out: string;
  let base: string;

  beforeAll(() => {
    dir = makeRepo();
    commit(dir, 'base', { 'README.md': '# app\n' });
    base = git(dir, 'rev-parse', 'HEAD').trim();
    // In history: every key committed, then removed.
    commit(dir, 'add keys', Object.fromEntries(planted.map((p) => [`old/${p.ruleId}.txt`, `${p.text}\n`])));
    commit(dir, 'remove keys', Object.fromEntries(planted.map((p) => [`old/${p.ruleId}.txt`, null])));
    // Outside file content: every key in a commit message, one in the author's name, and each
    // (that fits in a file name) as a directory name, in history and in the work tree.
    // Names the engine finds the whole key in (a key that needs context, such as a bare base64
    // value after `SharedAccessKey=`, is not a key in a name without it).
    const named = planted.filter((p) => {
      const name = nameOf(p);
      if (p.text.includes('\n') || Buffer.byteLength(name) > 200) return false;
      const found = scanFragment(catalogue, Buffer.from(name), { path: 'x', source: 'path' });
      return found.some((f) => f.ruleId === p.ruleId && p.hidden.every((h) => f.secretText.includes(h)));
    });
    expect(named.length).toBeGreaterThan(100);
    commit(
      dir,
      `keys in names\n\n${planted.map((p) => p.text).join('\n')}\n`,
      // Each holds its key too, so the path is printed with a finding (0.1.0 printed it in full).
      Object.fromEntries(named.map((p) => [`names/${nameOf(p)}/x.txt`, `${p.text}\n`])),
      { name: `Eve ${named[0]?.text ?? ''}` },
    );
    // In the work tree and staged: keys again, some with secrets in the path too.
    writeFiles(dir, Object.fromEntries(later.map((p) => [`now/${p.ruleId}.conf`, `${p.text}\n`])));
    git(dir, 'add', '-A');
    out = tempDir('keyscan-leak-out-');
  }, 600_000);

  // Formats written to files pair with the -o that follows them; the last, without one, goes to
  // stdout. Each format is printed to stdout once and written to a file at least once, and each
  // mode's formats share one run: a files-mode run over this tree costs ~4 s of CPU. The third
  // element says what stdout must hold, so a merged run cannot pass by printing nothing.
  const runs: Array<[string, string[], 'json' | 'sarif' | 'text' | 'any']> = [
    [
      'text on stdout, json and sarif to files',
      ['-f', 'json', '-o', 'OUT/r.json', '-f', 'sarif', '-o', 'OUT/r.sarif', '-f', 'text'],
      'text',
    ],
    [
      'json on stdout with --report-unused-allows, text to a file',
      ['--report-unused-allows', '-f', 'text', '-o', 'OUT/r.txt', '-f', 'json'],
      'json',
    ],
    ['sarif on stdout', ['-f', 'sarif'], 'sarif'],
    ['--staged, json on stdout and text to a file', ['--staged', '-f', 'text', '-o', 'OUT/r.txt', '-f', 'json'], 'json'],
    [
      '--history text with --debug, json to a file',
      ['--history', '--debug', '--progress', '-f', 'json', '-o', 'OUT/r.json', '-f', 'text'],
      'text',
    ],
    ['--range', ['--range', 'BASE..HEAD', '-f', 'sarif'], 'sarif'],
    ['baseline', ['baseline', '-o', 'OUT/baseline.json'], 'any'],
    ['config --print', ['config', '--print'], 'any'],
    ['rules --json', ['rules', '--json'], 'any'],
  ];

  it.each(runs)('%s', async (label, args, printed) => {
    const own = join(out, label.replace(/[^a-z]+/gi, '-'));
    mkdirSync(own);
    const argv = args.map((a) => a.replace('OUT', own).replace('BASE', base));
    const r = await keyscan(argv, { cwd: dir });
    expect(r.code, r.stderr).toBeLessThan(2);
    // Every file the run was asked to write is there (a report left unwritten would leak nothing).
    for (const [i, a] of args.entries()) if (a === '-o') expect(existsSync(argv[i + 1] as string), argv[i + 1]).toBe(true);
    if (printed === 'json') expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(100);
    if (printed === 'sarif')
      expect((JSON.parse(r.stdout) as { runs: Array<{ results: unknown[] }> }).runs[0]?.results.length).toBeGreaterThan(100);
    if (printed === 'text') expect(r.stdout.split('\n').length).toBeGreaterThan(100);
    expectNoLeak(r.stdout + r.stderr + filesUnder(own), [...planted, ...later], label);
  });

  it('shows them with --no-redact, and only then (the check above can fail)', async () => {
    const r = await keyscan(['-f', 'json', '--no-redact'], { cwd: dir });
    expect(() => expectNoLeak(r.stdout, later, '--no-redact')).toThrow(/was printed/);
  });

  it('--stdin', async () => {
    const r = await keyscan(['--stdin', '-f', 'json'], { cwd: dir, input: later.map((p) => p.text).join('\n') });
    expect(r.code).toBe(1);
    expectNoLeak(r.stdout + r.stderr, later, '--stdin');
  });

  it('keyscan ci on a pull request: log, annotations, job summary, outputs and SARIF', async () => {
    git(dir, 'commit', '-q', '-m', 'keys again');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const event = {
      pull_request: { number: 1, commits: 3, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } },
      repository: { full_name: 'acme/app', default_branch: 'main' },
    };
    const r = await runCi(dir, 'pull_request', event);
    expect(r.code).toBe(1);
    expectNoLeak(r.stdout + r.stderr + r.summary + JSON.stringify(r.outputs) + r.sarifText, [...planted, ...later], 'ci');
  });

  it('errors quote no secret: a config that is not valid, whose text holds one', async () => {
    const p = later[0] as Planted;
    const bad = tempDir('keyscan-bad-config-');
    writeFiles(bad, { '.keyscan.json': `{"exclude": ["${p.text.replace(/["\\\n]/g, '')}" oops]}` });
    const r = await keyscan(['-c', join(bad, '.keyscan.json')], { cwd: dir });
    expect(r.code).toBe(2);
    expectNoLeak(r.stdout + r.stderr, [p], 'config error');
  });
});
