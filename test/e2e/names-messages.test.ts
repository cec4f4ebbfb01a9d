/**
 * Keys outside file content: in file and directory names (every mode), and in range and history
 * scans in commit messages, author and committer identities, ref names and annotated tags'
 * messages. Each is a finding of its own kind, and its text is masked in every output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { commit, git, gitAs, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; source: string; commit?: string; author?: string }>;
}
const findings = (stdout: string): Report['findings'] => (JSON.parse(stdout) as Report).findings;

/** A key as reports show it: its public prefix, then stars. */
const masked = (prefix: string): string => `${prefix}${'*'.repeat(4)}`;

/** Throws if any 8-character piece of any key's random part is in `text`. */
function expectNoKey(text: string, keys: readonly string[], label: string): void {
  for (const key of keys)
    for (const s of slices(secretBody(key))) if (text.includes(s)) throw new Error(`${label}: a piece of a key was printed`);
}

describe('keys in names and messages', () => {
  const inDir = tokens.stripeLive();
  const inFile = tokens.githubPat();
  const inMessage = tokens.githubPat();
  const inAuthor = tokens.stripeLive();
  const inTag = tokens.githubPat();
  const inBranch = tokens.stripeLive();
  const inStaged = tokens.githubPat();
  const keys = [inDir, inFile, inMessage, inAuthor, inTag, inBranch, inStaged];
  let dir: string;
  let base: string;
  let head: string;

  beforeAll(() => {
    dir = makeRepo();
    base = commit(dir, 'base', { 'README.md': '# app\n' });
    head = commit(
      dir,
      `add settings\n\nthe deploy token is ${inMessage}\n`,
      { [`conf/${inDir}/a.txt`]: 'harmless\n', [`conf/${inDir}/b.txt`]: 'harmless\n', [`key-${inFile}.txt`]: 'harmless\n' },
      { name: `Eve ${inAuthor}` },
    );
    git(dir, 'tag', '-a', 'v1', '-m', `release; token ${inTag}`);
    git(dir, 'branch', `leak-${inBranch}`);
    writeFiles(dir, { [`staged-${inStaged}.txt`]: '' });
    git(dir, 'add', '-A');
  });

  it('files: one finding per name (a directory once, not once per file), the name masked', async () => {
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const found = findings(r.stdout).map((f) => [f.source, f.ruleId, f.path]);
    expect(found).toEqual([
      ['path', 'stripe-secret-key', `conf/${masked('sk_live_')}`],
      ['path', 'github-pat', `key-${masked('ghp_')}.txt`],
      ['path', 'github-pat', `staged-${masked('ghp_')}.txt`],
    ]);
    expectNoKey(r.stdout + r.stderr, keys, 'files');
  });

  it('--staged: a staged empty file whose name is a key', async () => {
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(findings(r.stdout).map((f) => [f.source, f.path])).toEqual([['path', `staged-${masked('ghp_')}.txt`]]);
    expectNoKey(r.stdout + r.stderr, keys, '--staged');
  });

  it('--range: names, the commit message and the author, with the commit', async () => {
    const r = await keyscan(['--range', `${base}..${head}`, '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const found = findings(r.stdout);
    expect(found.map((f) => [f.source, f.ruleId, f.path, f.commit]).sort()).toEqual(
      [
        ['commit-author', 'stripe-secret-key', '(commit author)', head],
        ['commit-message', 'github-pat', '(commit message)', head],
        ['path', 'github-pat', `key-${masked('ghp_')}.txt`, head],
        ['path', 'stripe-secret-key', `conf/${masked('sk_live_')}`, head],
      ].sort(),
    );
    // The author's name is masked on every finding of that commit.
    expect(new Set(found.map((f) => f.author))).toEqual(new Set([`Eve ${masked('sk_live_')}`]));
    expectNoKey(r.stdout + r.stderr, keys, '--range');
  });

  it('--history: also ref names and annotated tag messages; text, JSON and SARIF are masked', async () => {
    const out = tempDir('keyscan-names-out-');
    const r = await keyscan(
      ['--history', '-f', 'json', '-o', join(out, 'r.json'), '-f', 'sarif', '-o', join(out, 'r.sarif'), '-f', 'text'],
      {
        cwd: dir,
      },
    );
    expect(r.code, r.stderr).toBe(1);
    const json = readFileSync(join(out, 'r.json'), 'utf8');
    const sources = findings(json).map((f) => [f.source, f.path]);
    expect(sources).toContainEqual(['tag-message', '(tag message)']);
    expect(sources).toContainEqual(['ref', `refs/heads/leak-${masked('sk_live_')}`]);
    expect(sources).toContainEqual(['commit-message', '(commit message)']);
    expectNoKey(r.stdout + r.stderr + json + readFileSync(join(out, 'r.sarif'), 'utf8'), keys, '--history');
  });

  it('a name cannot silence itself with keyscan:allow', async () => {
    const d = makeRepo({ [`x-${tokens.githubPat()} keyscan:allow.txt`]: 'harmless\n' });
    const r = await keyscan(['-f', 'json'], { cwd: d });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((f) => f.source)).toEqual(['path']);
  });

  it('an e-mail address in an identity is scanned too', async () => {
    const d = makeRepo();
    const key = tokens.githubPat();
    gitAs({ name: 'Ci', email: `${key}@bots.example` }, d, 'commit', '-q', '--allow-empty', '-m', 'empty');
    const r = await keyscan(['--history', '-f', 'json'], { cwd: d });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((f) => [f.source, f.ruleId])).toEqual([['commit-author', 'github-pat']]);
    expectNoKey(r.stdout + r.stderr, [key], 'identity');
  });
});
