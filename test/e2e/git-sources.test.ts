import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { commit, git, gitAs, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{
    ruleId: string;
    path: string;
    startLine: number;
    startColumn: number;
    source: string;
    commit?: string;
    author?: string;
    authorEmail?: string;
    date?: string;
    commitCount?: number;
    presentAtHead?: boolean;
    liveAt?: string[];
  }>;
  stats: { filesScanned: number; commitsScanned?: number; skipped: Record<string, number> };
  warnings: string[];
}
const json = (s: string): Report => JSON.parse(s) as Report;

describe('--staged', () => {
  it('judges the staged version of a partly staged file, with its line numbers', async () => {
    const dir = makeRepo({ 'app.py': 'import os\n' }, { commit: true });
    const staged = tokens.npm();
    writeFiles(dir, { 'app.py': `import os\n\nNPM = "${staged}"\n` });
    git(dir, 'add', 'app.py');
    // Only in the work tree: must not be reported; the staged line is line 3 of the staged file.
    writeFiles(dir, { 'app.py': `import os\nGH = "${tokens.githubPat()}"\n\nNPM = "${staged}"\n` });
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings.map((f) => [f.ruleId, f.path, f.startLine, f.source])).toEqual([
      ['npm-access-token', 'app.py', 3, 'staged'],
    ]);
  });

  it('works before the first commit and finds a PEM key added in one hunk', async () => {
    const dir = makeRepo({ 'deploy/id_rsa': `${tokens.privateKey()}\n`, 'README.md': '# hi\n' });
    git(dir, 'add', '-A');
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => [f.ruleId, f.path, f.startLine])).toEqual([['private-key', 'deploy/id_rsa', 1]]);
  });

  it('handles renames, copies and mode changes, never reports deletions, skips binaries', async () => {
    const old = tokens.githubPat();
    const body = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const dir = makeRepo(
      { 'old name.txt': `t=${old}\n${body}\n`, 'gone.txt': `t=${tokens.npm()}\n`, 'run.sh': 'echo hi\n' },
      { commit: true },
    );
    git(dir, 'mv', 'old name.txt', 'new näme.txt');
    git(dir, 'rm', '-q', 'gone.txt');
    chmodSync(join(dir, 'run.sh'), 0o755);
    writeFileSync(join(dir, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(tokens.npm())]));
    git(dir, 'add', '-A');
    const clean = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(json(clean.stdout).stats.skipped.binary).toBe(1);
    // A renamed file with a new secret: reported at its new path and line.
    const fresh = tokens.stripeLive();
    writeFiles(dir, { 'new näme.txt': `t=${old}\n${body}\nstripe=${fresh}\n` });
    git(dir, 'add', '-A');
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => [f.ruleId, f.path, f.startLine])).toEqual([['stripe-secret-key', 'new näme.txt', 42]]);
  });

  it('scans nothing and says so when nothing is staged', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    const r = await keyscan(['--staged'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scanned 0 files');
  });

  it('fails with exit 2 outside a repository', async () => {
    const r = await keyscan(['--staged'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a git repository');
  });
});

describe('--range', () => {
  it('finds a key added and removed inside the range, attributed to the commit that added it', async () => {
    const dir = makeRepo({ 'a.txt': 'base\n' }, { commit: true });
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    const secret = tokens.stripeLive();
    const added = commit(
      dir,
      'add key',
      { 'config/prod.env': `STRIPE=${secret}\n` },
      { name: 'Mallory', email: 'mallory@example.com', date: '2024-02-03T04:05:06Z' },
    );
    commit(dir, 'remove key', { 'config/prod.env': 'STRIPE=\n' }, { date: '2024-02-04T00:00:00Z' });
    const r = await keyscan(['--range', `${base}..HEAD`, '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.stats.commitsScanned).toBe(2);
    // config/prod.env is also reported as a committed env file (source "check"): see env-checks.test.ts.
    const secrets = report.findings.filter((f) => f.source !== 'check');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatchObject({
      ruleId: 'stripe-secret-key',
      path: 'config/prod.env',
      startLine: 1,
      source: 'commit',
      commit: added,
      author: 'Mallory',
      authorEmail: 'mallory@example.com',
      date: '2024-02-03T04:05:06+00:00',
      presentAtHead: false,
    });
    const since = await keyscan(['--since', base, '-f', 'json'], { cwd: dir });
    expect(json(since.stdout).findings.find((f) => f.source !== 'check')?.commit).toBe(added);
    const after = await keyscan(['--range', 'HEAD~1..HEAD', '-f', 'json'], { cwd: dir });
    expect(json(after.stdout).findings).toEqual([]);
  });

  it('exits 2 on a malformed range or an unknown revision', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    expect((await keyscan(['--range', 'main'], { cwd: dir })).code).toBe(2);
    const r = await keyscan(['--range', 'nope..HEAD'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BASE "nope" is not a commit');
  });

  it('in a shallow clone without BASE, exits 2 and says what to fetch', async () => {
    const origin = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    for (let i = 0; i < 5; i++) commit(origin, `c${i}`, { [`f${i}.txt`]: `${i}\n` });
    const base = git(origin, 'rev-parse', 'HEAD~4').trim();
    const clone = tempDir();
    git(clone, 'clone', '-q', '--depth', '2', `file://${origin}`, 'c');
    const r = await keyscan(['--range', `${base}..HEAD`], { cwd: join(clone, 'c') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shallow clone');
    expect(r.stderr).toMatch(/git fetch --deepen|fetch-depth: 0/);
    expect(r.stdout).not.toContain('No secrets found');
  });

  it('in a shallow clone whose range runs past the cut, exits 2 instead of blaming the cut commit', async () => {
    const origin = makeRepo({ 'a.txt': `t=${tokens.githubPat()}\n` }, { commit: true });
    git(origin, 'tag', 'base');
    for (let i = 0; i < 4; i++) commit(origin, `c${i}`, { [`f${i}.txt`]: `${i}\n` });
    const clone = tempDir();
    git(clone, 'clone', '-q', '--depth', '2', `file://${origin}`, 'c');
    const dir = join(clone, 'c');
    // BASE is here (fetched on its own), but the commits between it and the cut are not.
    git(dir, 'fetch', '-q', '--depth', '1', 'origin', 'tag', 'base');
    const r = await keyscan(['--range', 'base..HEAD'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing the parents of');
    expect(r.stderr).toContain('fetch-depth: 0');
    const ok = await keyscan(['--range', 'HEAD~1..HEAD'], { cwd: dir });
    expect(ok.code).toBe(0);
  });
});

describe('--history', () => {
  function historyRepo(): { dir: string; secret: string; first: string } {
    const dir = makeRepo();
    const secret = tokens.githubPat();
    commit(dir, 'init', { 'README.md': '# app\n' }, { date: '2024-01-01T00:00:00Z' });
    git(dir, 'checkout', '-q', '-b', 'feature');
    const first = commit(
      dir,
      'feature key',
      { 'src/set tings.ts': `export const token = '${secret}';\n` },
      { name: 'Eve', date: '2024-01-02T00:00:00Z' },
    );
    git(dir, 'checkout', '-q', 'main');
    // The same key committed on another branch later, same path: one finding, two commits.
    commit(dir, 'main key', { 'src/set tings.ts': `export const token = '${secret}';\n` }, { name: 'Bob', date: '2024-01-03T00:00:00Z' });
    gitAs({ date: '2024-01-04T00:00:00Z' }, dir, 'merge', '-q', '--no-ff', '-s', 'ours', 'feature', '-m', 'merge feature');
    commit(dir, 'remove key', { 'src/set tings.ts': 'export const token = process.env.TOKEN;\n' }, { date: '2024-01-05T00:00:00Z' });
    commit(dir, 'binary', { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }, { date: '2024-01-06T00:00:00Z' });
    return { dir, secret, first };
  }

  it('reports each secret once, with the commit that first introduced it, the count and HEAD presence', async () => {
    const { dir, first } = historyRepo();
    const r = await keyscan(['--history', '-f', 'json', '--threads', '2'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'github-pat',
      path: 'src/set tings.ts',
      startLine: 1,
      commit: first,
      author: 'Eve',
      commitCount: 2,
      presentAtHead: false,
      liveAt: ['feature'],
    });
    expect(report.stats.commitsScanned).toBe(6);
    expect(report.stats.skipped.binary).toBe(1);
    const text = await keyscan(['--history'], { cwd: dir });
    expect(text.stdout).toContain(`introduced in ${first.slice(0, 12)} by Eve`);
    // Removed on main, but the feature branch that first added it still holds it: not "no longer at HEAD" and done.
    expect(text.stdout).toContain('live on feature');
  });

  it('finds the same secrets on one thread and on several', async () => {
    const { dir } = historyRepo();
    for (let i = 0; i < 40; i++)
      commit(dir, `churn ${i}`, { [`pkg/f${i % 7}.js`]: `// ${i}\nconst k${i} = "${i % 13 === 0 ? tokens.npm() : 'v'}";\n` });
    const one = json((await keyscan(['--history', '-f', 'json', '--threads', '0'], { cwd: dir })).stdout);
    const many = json((await keyscan(['--history', '-f', 'json', '--threads', '3'], { cwd: dir })).stdout);
    expect(many.findings).toEqual(one.findings);
    expect(one.findings.filter((f) => f.ruleId === 'npm-access-token')).toHaveLength(4);
  });

  it('reports a secret still present at HEAD, on a detached HEAD', async () => {
    const dir = makeRepo();
    commit(dir, 'a', { 'k.env': `KEY=${tokens.anthropic()}\n` });
    commit(dir, 'b', { 'other.txt': 'x\n' });
    git(dir, 'checkout', '-q', '--detach', 'HEAD');
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.find((f) => f.ruleId === 'anthropic-api-key')).toMatchObject({ presentAtHead: true, commitCount: 1 });
  });

  it('is clean on an empty repository', async () => {
    const dir = makeRepo();
    const r = await keyscan(['--history'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scanned 0 commits');
  });

  it('scans stashes only with --include-stash', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    writeFiles(dir, { 'a.txt': `a\n${tokens.slackBot()}\n` });
    git(dir, 'stash', '-q');
    expect((await keyscan(['--history'], { cwd: dir })).code).toBe(0);
    const r = await keyscan(['--history', '--include-stash', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => f.ruleId)).toEqual(['slack-bot-token']);
  });

  it('does not descend into submodules', async () => {
    const sub = makeRepo({ 'inner.txt': `k=${tokens.npm()}\n` }, { commit: true });
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    git(dir, '-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', `file://${sub}`, 'vendor/sub');
    git(dir, 'commit', '-q', '-m', 'add submodule');
    const history = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(json(history.stdout).findings).toEqual([]);
    const files = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(files.stdout).findings).toEqual([]);
    expect(json(files.stdout).stats.skipped.submodule).toBe(1);
  });

  it('warns that a shallow clone cuts the history', async () => {
    const origin = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    commit(origin, 'b', { 'b.txt': 'b\n' });
    const clone = tempDir();
    git(clone, 'clone', '-q', '--depth', '1', `file://${origin}`, 'c');
    const r = await keyscan(['--history', '-f', 'json'], { cwd: join(clone, 'c') });
    expect(r.code).toBe(0);
    expect(json(r.stdout).warnings[0]).toContain('shallow clone');
    expect(r.stderr).toContain('warning: this is a shallow clone');
  });

  it('rejects combining sources and shows no progress when not on a terminal', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    expect((await keyscan(['--history', '--staged'], { cwd: dir })).code).toBe(2);
    expect((await keyscan(['--history', 'src/'], { cwd: dir })).code).toBe(2);
    const r = await keyscan(['--history'], { cwd: dir });
    expect(r.stderr).not.toContain('commits/s');
  });
});

describe('progress and -C', () => {
  it('shows progress on stderr when forced, never on stdout, and runs in the directory given by -C', async () => {
    const dir = makeRepo();
    for (let i = 0; i < 5; i++) commit(dir, `c${i}`, { [`f${i}.txt`]: `${i}\n` });
    const r = await keyscan(['--history', '--progress', '-C', dir, '-f', 'json'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('\r\u001b[2Kkeyscan: 5/5 commits (100.0%)');
    expect(r.stdout).not.toContain('\u001b[2K');
    expect(json(r.stdout).stats.commitsScanned).toBe(5);
  });
});
