/**
 * The conventions people expect of a command-line tool, each reproduced the way a user hit it:
 * an old Node.js, a closed pipe, a misspelled flag, a format in capitals, -C with relative paths,
 * and the range forms git accepts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git as runGit } from '../../src/git/run.js';
import { BIN, keyscan } from '../helpers/cli.js';
import { commit, git, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

/** A repository whose history holds one key per commit on top of a clean root commit. */
function repoWithKeys(): { dir: string; keys: string[] } {
  const dir = tempDir('keyscan-conv-');
  git(dir, 'init', '-q', '-b', 'main');
  commit(dir, 'root', { 'README.md': 'hello\n' });
  git(dir, 'tag', 'v1');
  const keys = [tokens.githubPat(), tokens.stripeLive(), tokens.slackBot()];
  for (const [i, key] of keys.entries()) commit(dir, `add ${i}`, { [`conf${i}.env`]: `TOKEN=${key}\n` });
  return { dir, keys };
}

describe('Node.js version', () => {
  it('exits 2 with what it needs under a Node.js older than 20.11, before loading anything', async () => {
    const dir = tempDir('keyscan-node-');
    // Node 16 and 18 as process.versions shows them; the check must run before any import.
    const preload = join(dir, 'old-node.cjs');
    writeFileSync(preload, "Object.defineProperty(process.versions, 'node', { value: '16.20.2' });\n");
    const r = await keyscan(['--version'], { cwd: dir, env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('keyscan needs Node.js 20.11 or newer (found 16.20.2)');
    expect(r.stdout).toBe('');
  });

  it('runs under the Node.js it is tested with', async () => {
    const r = await keyscan(['--version'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('is written in syntax that old Node.js releases still parse (no static import, no top-level await)', () => {
    const source = readFileSync(BIN, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/^\s*(?:const|let|var)?[^\n]*\bawait\b/m);
    expect(source).not.toMatch(/\?\?|\?\./);
  });
});

describe('a closed stdout', () => {
  it('ends `keyscan rules | head -1` quietly, with its own exit code', async () => {
    const child = spawn(process.execPath, [BIN, 'rules'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    // Like head -1: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });

  it('still exits 1 when the findings it was printing went to a closed pipe', async () => {
    const { dir } = repoWithKeys();
    const child = spawn(process.execPath, [BIN, '--history'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|at /);
    expect(code).toBe(1);
  });
});

describe('flags', () => {
  it.each([
    [['--histroy'], '--history'],
    [['--stagged'], '--staged'],
    [['--formt', 'json'], '--format'],
    [['rules', '--jsn'], '--json'],
    [['config', '--prnt'], '--print'],
  ])('%j: exits 2 and says which flag was meant', async (args, meant) => {
    const r = await keyscan(args, { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Did you mean ${meant}?`);
  });

  it('accepts a report format in any case (--format=JSON)', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.txt': 'nothing here\n' });
    const r = await keyscan(['--format=JSON', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: [] });
  });

  it('`keyscan config -C repo` checks the config of that repository', async () => {
    const parent = tempDir();
    const dir = join(parent, 'repo');
    git(parent, 'init', '-q', '-b', 'main', 'repo');
    writeFiles(dir, { '.keyscan.yaml': 'exclude: ["vendor/**"]\n' });
    const r = await keyscan(['config', '-C', 'repo'], { cwd: parent });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('.keyscan.yaml is valid');
  });

  it('`ci --help` names every config file it reads', async () => {
    const r = await keyscan(['ci', '--help'], { cwd: tempDir() });
    expect(r.stdout).toContain('.keyscan.yaml, .keyscan.yml or .keyscan.json');
  });
});

describe('paths under -C are relative to the -C directory, as with git -C', () => {
  it('writes -o and reads -c inside DIR, without a false "inside the repository" warning or "install git"', async () => {
    const parent = tempDir();
    const { dir } = repoWithKeys();
    writeFiles(dir, { 'res/.gitignore': '*\n', 'conf/keyscan.yaml': 'disable: ["slack-bot-token"]\n' });
    const r = await keyscan(['--history', '-C', dir, '-c', 'conf/keyscan.yaml', '-f', 'sarif', '-o', 'res/x.sarif'], { cwd: parent });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/install git|ENOENT|inside the repository/i);
    expect(existsSync(join(dir, 'res/x.sarif'))).toBe(true);
    expect(existsSync(join(parent, 'res'))).toBe(false);
    const sarif = JSON.parse(readFileSync(join(dir, 'res/x.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    const ids = sarif.runs[0]?.results.map((x) => x.ruleId) ?? [];
    expect(ids).toContain('github-pat');
    expect(ids).not.toContain('slack-bot-token'); // the config under -C was read
  });

  it('says a missing directory is missing, not that git is not installed', async () => {
    await expect(runGit(['status'], join(tempDir(), 'no-such-dir'))).rejects.toMatchObject({
      code: 'E_PATH',
      message: expect.stringContaining('does not exist'),
    });
  });
});

describe('--range takes the forms git accepts, with git meaning', () => {
  const findings = async (dir: string, range: string) => {
    const r = await keyscan(['--range', range, '-f', 'json'], { cwd: dir });
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    // One path per key (a committed .env file also gets its env-file finding).
    return [...new Set((JSON.parse(r.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path))].sort();
  };

  it('A..B, A.., ..B and A...B', async () => {
    const { dir } = repoWithKeys();
    git(dir, 'tag', 'v2', 'HEAD~1');
    expect(await findings(dir, 'v1..HEAD')).toEqual(['conf0.env', 'conf1.env', 'conf2.env']);
    expect(await findings(dir, 'v1..')).toEqual(['conf0.env', 'conf1.env', 'conf2.env']);
    expect(await findings(dir, 'HEAD~3..')).toEqual(['conf0.env', 'conf1.env', 'conf2.env']);
    expect(await findings(dir, '..v2')).toEqual([]);
    expect(await findings(dir, 'v2..')).toEqual(['conf2.env']);
    // Symmetric: commits on either side but not both; with a dotted tag name like 4.0.0...4.1.0.
    git(dir, 'tag', '4.0.0', 'v1');
    git(dir, 'tag', '4.1.0', 'v2');
    expect(await findings(dir, '4.0.0...4.1.0')).toEqual(['conf0.env', 'conf1.env']);
  });

  it('refuses what is not a range, naming the forms', async () => {
    const { dir } = repoWithKeys();
    const r = await keyscan(['--range', 'v1'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BASE..HEAD, BASE...HEAD, BASE.. or ..HEAD');
  });
});
