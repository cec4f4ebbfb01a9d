import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stagedDiff } from '../../src/git/history.js';
import { gitStream } from '../../src/git/run.js';
import { STAGED_DIFF_ARGS } from '../../src/git/staged-commands.js';
import { stagedEntries } from '../../src/git/staged-entries.js';
import { startStagedRead } from '../../src/git/staged-read.js';
import { git, makeRepo, writeFiles } from '../helpers/repo.js';

async function bytes(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const c of chunks) all.push(c);
  return Buffer.concat(all);
}

/** The staged entries and patch read apart (two processes, as outside a staged scan) and together. */
async function apartAndTogether(dir: string) {
  const apart = { entries: await stagedEntries(dir), patch: await bytes(gitStream(STAGED_DIFF_ARGS, dir)) };
  const read = startStagedRead(dir);
  try {
    // What the staged scan's modules ask while it is open: the same process answers both.
    const entries = await stagedEntries(dir);
    const patch = await bytes(stagedDiff(dir));
    expect(read.claimPatch()).toBeUndefined(); // taken once
    return { apart, together: { entries, patch } };
  } finally {
    await read.close();
  }
}

describe('one git diff for the staged names and patches', () => {
  it('gives what the two commands gave, renames, odd names, type changes and deletions included', async () => {
    const dir = makeRepo(
      { 'old.txt': 'moved content\n'.repeat(20), 'gone.txt': 'x\n', 'mode.sh': 'echo\n', link: 'target\n' },
      { commit: true },
    );
    git(dir, 'mv', 'old.txt', 'new.txt');
    rmSync(join(dir, 'gone.txt'));
    chmodSync(join(dir, 'mode.sh'), 0o755);
    rmSync(join(dir, 'link'));
    symlinkSync('elsewhere', join(dir, 'link'));
    writeFiles(dir, {
      'sp ace.txt': 'a\n',
      'tab\there.txt': 'b\n',
      'quo"te.txt': 'c\n',
      'ünï.txt': 'd\n',
      'new\nline.txt': 'e\n',
      'empty.txt': '',
      'bin.dat': Buffer.from([0, 1, 2, 3]),
    });
    git(dir, 'add', '-A');
    const { apart, together } = await apartAndTogether(dir);
    expect(together).toEqual(apart);
    expect(together.entries).toContainEqual({ status: 'A', path: 'new.txt' });
    expect(together.entries).toContainEqual({ status: 'T', path: 'link' });
    expect(together.entries.map((e) => e.path)).not.toContain('old.txt');
    expect(together.patch.toString()).toContain('rename to new.txt');
  });

  it('reads records split across chunks (thousands of names), and nothing staged at all', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    const empty = await apartAndTogether(dir);
    expect(empty.together).toEqual({ entries: [], patch: Buffer.alloc(0) });
    expect(empty.apart).toEqual(empty.together);
    const files: Record<string, string> = {};
    for (let i = 0; i < 1200; i++) files[`dir-${i % 7}/a-rather-long-file-name-to-fill-the-pipe-${i}.txt`] = `${i}\n`;
    writeFiles(dir, files);
    git(dir, 'add', '-A');
    const { apart, together } = await apartAndTogether(dir);
    expect(together.entries).toHaveLength(1200);
    expect(together).toEqual(apart);
  });

  it('fails, for both, where git fails', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    writeFiles(dir, { 'b.txt': 'b\n', '.git/index': 'DIRC but not an index' });
    const read = startStagedRead(dir);
    try {
      const failed = (e: Error): string => e.message;
      expect(await read.entries.then(() => 'read', failed)).toMatch(/git diff failed/);
      expect(await bytes(read.claimPatch() as AsyncGenerator<Buffer>).then(() => 'read', failed)).toMatch(/git diff failed/);
    } finally {
      await read.close();
    }
  });
});
