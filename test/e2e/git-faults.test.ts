import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo, tempDir } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; commit?: string; presentAtHead?: boolean }>;
  stats: { commitsScanned?: number };
}
const json = (s: string): Report => JSON.parse(s) as Report;

/** A repository whose files are committed through `git fast-import`: thousands of files in seconds. */
function fastImport(dir: string, commits: Array<Record<string, string>>): void {
  const parts: string[] = [];
  commits.forEach((files, i) => {
    const msg = `c${i}`;
    parts.push(`commit refs/heads/main\ncommitter T <t@example.com> ${1_700_000_000 + i} +0000\ndata ${msg.length}\n${msg}\n`);
    for (const [path, content] of Object.entries(files))
      parts.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    parts.push('\n');
  });
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: parts.join('') });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  git(dir, 'checkout', '-q', '-f', 'main');
}

describe('damaged repositories fail loudly', () => {
  it('exits 2 on a corrupt object, with a fsck hint, never "clean"', async () => {
    const dir = makeRepo({ 'a.txt': 'hello\n' }, { commit: true });
    commit(dir, 'second', { 'a.txt': 'hello\nworld\n' });
    const blob = git(dir, 'rev-parse', 'HEAD:a.txt').trim();
    const file = join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'garbage');
    const r = await keyscan(['--history'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/git log failed/);
    expect(r.stderr).toContain('git fsck');
    expect(r.stdout).not.toContain('No secrets found');
    // git's own words come first, not an advice line about the grafts keyscan turns off.
    expect(r.stderr).not.toContain('grafts');
    expect(r.stderr).toMatch(/git log failed in [^\n]*: (fatal|error):/);
  });

  it('exits 2 on a corrupt blob met by a worker thread, reporting the git error once', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    fastImport(
      dir,
      Array.from({ length: 150 }, (_, i) => ({ [`f${i % 10}.txt`]: `v${i}\n` })),
    );
    // Loose objects, so that one blob can be damaged while commits and trees stay readable.
    const packDir = join(dir, '.git', 'objects', 'pack');
    const pack = readdirSync(packDir).find((f) => f.endsWith('.pack')) as string;
    const moved = join(tempDir(), 'p.pack');
    writeFileSync(moved, readFileSync(join(packDir, pack)));
    for (const f of readdirSync(packDir)) rmSync(join(packDir, f), { force: true });
    spawnSync('git', ['unpack-objects', '-q'], { cwd: dir, input: readFileSync(moved) });
    const blob = git(dir, 'rev-parse', 'HEAD~75:f4.txt').trim();
    const file = join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'garbage');
    const r = await keyscan(['--history', '--threads', '2', '--debug'], { cwd: dir });
    expect(r.stderr).toContain('worker threads');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/keyscan: error: git log failed/);
    expect(r.stderr).not.toContain('failed twice');
  });

  it('exits 2 when the packfile is missing', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    git(dir, 'gc', '-q');
    for (const f of readdirSync(join(dir, '.git', 'objects', 'pack')))
      if (f.endsWith('.pack')) rmSync(join(dir, '.git', 'objects', 'pack', f));
    const r = await keyscan(['--history'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('git fsck');
  });
});

describe('repository shapes', () => {
  it('audits a bare repository, and refuses --staged there', async () => {
    const origin = makeRepo({ 'k.env': `KEY=${tokens.npm()}\n` }, { commit: true });
    const bare = join(tempDir(), 'bare.git');
    git(tempDir(), 'clone', '-q', '--bare', origin, bare);
    const r = await keyscan(['--history', '-f', 'json'], { cwd: bare });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings.find((f) => f.ruleId === 'npm-access-token')).toMatchObject({ path: 'k.env', presentAtHead: true });
    // The committed env file is its own finding, next to the key in it.
    expect(
      json(r.stdout)
        .findings.map((f) => f.ruleId)
        .sort(),
    ).toEqual(['env-file-committed', 'npm-access-token']);
    const staged = await keyscan(['--staged'], { cwd: bare });
    expect(staged.code).toBe(2);
  });

  it('works in a linked worktree', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    const wt = join(tempDir(), 'wt');
    git(dir, 'worktree', 'add', '-q', '-b', 'side', wt);
    commit(wt, 'side key', { 'b.txt': `t=${tokens.githubPat()}\n` });
    writeFileSync(join(wt, 'c.txt'), `t=${tokens.npm()}\n`);
    git(wt, 'add', 'c.txt');
    expect(json((await keyscan(['--staged', '-f', 'json'], { cwd: wt })).stdout).findings.map((f) => f.path)).toEqual(['c.txt']);
    expect(json((await keyscan(['-f', 'json'], { cwd: wt })).stdout).findings.map((f) => f.path)).toEqual(['b.txt', 'c.txt']);
    expect(json((await keyscan(['--history', '-f', 'json'], { cwd: dir })).stdout).findings.map((f) => f.path)).toEqual(['b.txt']);
  });

  it('scans Git LFS pointer files as the small text they are, without false alarms', async () => {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'4d7a2146'.repeat(8)}\nsize 12345\n`;
    const dir = makeRepo(
      { 'assets/model.bin': pointer, '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n' },
      { commit: true },
    );
    expect((await keyscan(['--history'], { cwd: dir })).code).toBe(0);
    expect((await keyscan([], { cwd: dir })).code).toBe(0);
  });

  it('scans a committed merge conflict, markers and all', async () => {
    const dir = makeRepo({ 'conf.ini': 'a=1\n' }, { commit: true });
    const secret = tokens.stripeLive();
    commit(dir, 'conflict', { 'conf.ini': `<<<<<<< HEAD\nkey=${secret}\n=======\nkey=\n>>>>>>> other\n` });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => f.ruleId)).toEqual(['stripe-secret-key']);
  });

  it('follows a secret through the rename of a 10,000-line file to its new path', async () => {
    const big = `${Array.from({ length: 10_000 }, (_, i) => `row ${i}`).join('\n')}\nkey=${tokens.githubPat()}\n`;
    const dir = makeRepo({ 'data/old.csv': big }, { commit: true });
    git(dir, 'mv', 'data/old.csv', 'data/new.csv');
    git(dir, 'commit', '-q', '-m', 'rename');
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => [f.path, f.presentAtHead])).toEqual([
      ['data/new.csv', true],
      ['data/old.csv', false],
    ]);
  });

  it('scans a commit that changes 50,000 files', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    const files: Record<string, string> = {};
    for (let i = 0; i < 50_000; i++) files[`gen/${i % 100}/file${i}.txt`] = `value ${i}\n`;
    files['gen/7/file7.txt'] = `token ${tokens.npm()}\n`;
    fastImport(dir, [{ 'README.md': '# r\n' }, files]);
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.stats.commitsScanned).toBe(2);
    expect(report.findings.map((f) => f.path)).toEqual(['gen/7/file7.txt']);
  }, 120_000);

  it('handles file names with newlines, quotes, tabs, unicode and leading dashes in every mode', async () => {
    const names = ['new\nline.txt', 'quo"te\'s.txt', 'tab\there.txt', 'ünï😀.txt', '-leading-dash.txt'];
    const files = Object.fromEntries(names.map((n) => [n, `k=${tokens.npm()}\n`]));
    const dir = makeRepo(files, { commit: true });
    const history = json((await keyscan(['--history', '-f', 'json'], { cwd: dir })).stdout);
    expect(history.findings.map((f) => f.path).sort()).toEqual([...names].sort());
    const tree = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(tree.findings.map((f) => f.path).sort()).toEqual([...names].sort());
    const dash = await keyscan(['-f', 'json', '--', '-leading-dash.txt'], { cwd: dir });
    expect(json(dash.stdout).findings.map((f) => f.path)).toEqual(['-leading-dash.txt']);
    writeFileSync(join(dir, 'new\nline.txt'), `${files['new\nline.txt']}k2=${tokens.githubPat()}\n`);
    git(dir, 'add', '-A');
    const staged = json((await keyscan(['--staged', '-f', 'json'], { cwd: dir })).stdout);
    expect(staged.findings.map((f) => [f.path, f.ruleId])).toEqual([['new\nline.txt', 'github-pat']]);
  });
});
