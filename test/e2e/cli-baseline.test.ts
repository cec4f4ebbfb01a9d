import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { git, makeRepo, writeFiles } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; startLine: number }>;
  stats: { suppressed: { baseline: number } };
}
const json = (stdout: string): Report => JSON.parse(stdout) as Report;

interface BaselineFile {
  version: number;
  entries: Array<{ ruleId: string; path: string; secretHash: string; fingerprint: string; reason?: string; acceptedBy?: string }>;
}
const readBaseline = (dir: string, name = '.keyscan-baseline.json'): BaselineFile =>
  JSON.parse(readFileSync(join(dir, name), 'utf8')) as BaselineFile;

/** A committed repository whose findings are baselined. */
async function baselined(files: Record<string, string>): Promise<string> {
  const dir = makeRepo(files, { commit: true });
  const r = await keyscan(['baseline'], { cwd: dir });
  expect(r.code).toBe(0);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'baseline');
  return dir;
}

describe('keyscan baseline', () => {
  it('records findings by rule, path and secret hash, never the secret, sorted and stable', async () => {
    const secrets = [tokens.githubPat(), tokens.stripeLive(), tokens.privateKey()];
    const dir = await baselined({
      'src/b.js': `t = "${secrets[0]}"\n`,
      'src/a.py': `stripe.api_key = "${secrets[1]}"\n`,
      'keys/id_rsa': `${secrets[2]}\n`,
    });
    const text = readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8');
    for (const s of secrets) for (const slice of slices(secretBody(s))) expect(text).not.toContain(slice);
    const file = readBaseline(dir);
    expect(file.version).toBe(2);
    expect(file.entries.map((e) => [e.path, e.ruleId])).toEqual([
      ['keys/id_rsa', 'private-key'],
      ['src/a.py', 'stripe-secret-key'],
      ['src/b.js', 'github-pat'],
    ]);
    expect(Object.keys(file.entries[0] ?? {})).toEqual(['ruleId', 'path', 'secretHash', 'fingerprint']);
    expect(text).not.toMatch(/"(?:startLine|endLine|startColumn|date|time)"/);
    // Regenerating changes nothing; the committed baseline file is not itself a finding.
    expect((await keyscan(['baseline'], { cwd: dir })).stderr).toContain('3 entries (0 new, 3 kept, 0 removed)');
    expect(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8')).toBe(text);
    const r = await keyscan(['--baseline', '.keyscan-baseline.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r.stdout).stats.suppressed.baseline).toBe(3);
    // .keyscan-baseline.json at the root is read by default; --no-baseline reports everything.
    expect((await keyscan([], { cwd: dir })).code).toBe(0);
    expect((await keyscan(['--no-baseline'], { cwd: dir })).code).toBe(1);
  });

  it('keeps silencing a secret whose line moved', async () => {
    const secret = tokens.githubPat();
    const dir = await baselined({ 'src/config.js': `const token = "${secret}";\n` });
    writeFiles(dir, { 'src/config.js': `// header\n\nconst other = 1;\nconst token = "${secret}";\n` });
    const r = await keyscan(['--baseline', '.keyscan-baseline.json'], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it('keeps silencing a secret whose file was renamed with git mv, in files and staged contents alike', async () => {
    const secret = tokens.npm();
    const dir = await baselined({ 'config/npmrc.txt': `//registry.npmjs.org/:_authToken=${secret}\n` });
    git(dir, 'mv', 'config', 'settings');
    const r = await keyscan(['--baseline', '.keyscan-baseline.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r.stdout).stats.suppressed.baseline).toBe(1);
    // What a pre-commit hook scans: the staged paths, named explicitly.
    expect((await keyscan(['--baseline', '.keyscan-baseline.json', 'settings/npmrc.txt'], { cwd: dir })).code).toBe(0);
  });

  it('reports the same secret pasted into another file while the original is still there', async () => {
    const secret = tokens.githubPat();
    const dir = await baselined({ 'src/a.js': `t = "${secret}"\n` });
    writeFiles(dir, { 'src/copy.js': `u = "${secret}"\n` });
    const r = await keyscan(['--baseline', '.keyscan-baseline.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings.map((f) => f.path)).toEqual(['src/copy.js']);
    const staged = await keyscan(['--baseline', '.keyscan-baseline.json', 'src/copy.js'], { cwd: dir });
    expect(staged.code).toBe(1);
  });

  it('reports a new secret on a baselined line', async () => {
    const dir = await baselined({ 'a.env': `GITHUB_TOKEN=${tokens.githubPat()}\n` });
    writeFiles(dir, { 'a.env': `GITHUB_TOKEN=${tokens.githubPat()}\n` });
    expect((await keyscan(['--baseline', '.keyscan-baseline.json'], { cwd: dir })).code).toBe(1);
  });

  it('keeps reasons and acceptors when regenerated, also across a rename, and notes new entries', async () => {
    const first = tokens.githubPat();
    const dir = await baselined({ 'old/a.js': `t = "${first}"\n` });
    const file = readBaseline(dir);
    writeFileSync(
      join(dir, '.keyscan-baseline.json'),
      JSON.stringify({ ...file, entries: file.entries.map((e) => ({ ...e, reason: 'revoked test token', acceptedBy: 'ana' })) }),
    );
    git(dir, 'mv', 'old', 'new');
    writeFiles(dir, { 'new/b.js': `u = "${tokens.stripeLive()}"\n` });
    const r = await keyscan(['baseline', '--reason', 'sandbox key', '--accepted-by', 'bo'], { cwd: dir });
    expect(r.stderr).toContain('2 entries (1 new, 1 kept, 0 removed)');
    expect(readBaseline(dir).entries.map((e) => [e.path, e.reason, e.acceptedBy])).toEqual([
      ['new/a.js', 'revoked test token', 'ana'],
      ['new/b.js', 'sandbox key', 'bo'],
    ]);
  });

  it('writes to --output or the config’s "baseline", which scans then apply by themselves', async () => {
    const dir = makeRepo({ '.keyscan.yaml': 'baseline: ci/accepted.json\n', 'ci/.keep': '', 'a.js': `t = "${tokens.githubPat()}"\n` });
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    expect(readBaseline(dir, 'ci/accepted.json').entries).toHaveLength(1);
    expect((await keyscan([], { cwd: dir })).code).toBe(0);
    expect((await keyscan(['baseline', '-o', 'other.json'], { cwd: dir })).code).toBe(0);
    expect(readBaseline(dir, 'other.json').entries).toHaveLength(1);
  });

  it.each([
    [
      'truncated',
      (t: string) => t.slice(0, t.length / 2),
      /\.keyscan-baseline\.json: \(top level\): not valid JSON \(truncated or damaged\?\)/,
    ],
    ['empty', () => '', /\(top level\): the file is empty/],
    ['edited by hand', (t: string) => t.replace('"path": "a.js"', '"path": "b.js"'), /entries\[0\]\.fingerprint: does not match/],
  ])('exits 2 on a %s baseline, and does not overwrite it', async (_name, damage, message) => {
    const dir = await baselined({ 'a.js': `t = "${tokens.githubPat()}"\n` });
    const damaged = damage(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8'));
    writeFileSync(join(dir, '.keyscan-baseline.json'), damaged);
    const r = await keyscan(['--baseline', '.keyscan-baseline.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(2);
    expect(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8')).toBe(damaged);
  });

  it('exits 2 when the baseline file does not exist', async () => {
    const r = await keyscan(['--baseline', 'nope.json'], { cwd: makeRepo({ 'a.txt': 'x\n' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read baseline .*nope\.json: no such file/);
  });
});
