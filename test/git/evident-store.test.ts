import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidentPackBytes } from '../../src/git/evident-store.js';
import { git, makeRepo, tempDir } from '../helpers/repo.js';

/** What the pack files of `gitDir` hold, listed the way git lists them. */
function packBytes(gitDir: string): number {
  const packs = join(gitDir, 'objects', 'pack');
  return readdirSync(packs)
    .filter((n) => n.endsWith('.pack'))
    .reduce((sum, n) => sum + statSync(join(packs, n)).size, 0);
}

describe('evidentPackBytes', () => {
  it("is the size of a repository's packs, from its root, a subdirectory, or a bare clone", () => {
    const dir = makeRepo({ 'sub/a.js': 'a\n'.repeat(1000), 'b.js': 'b\n' }, { commit: true });
    // Loose objects only, after one commit: no packs yet.
    expect(evidentPackBytes(dir)).toBe(0);
    git(dir, 'gc', '-q');
    const bytes = packBytes(join(dir, '.git'));
    expect(bytes).toBeGreaterThan(0);
    expect(evidentPackBytes(dir)).toBe(bytes);
    expect(evidentPackBytes(join(dir, 'sub'))).toBe(bytes);
    const bare = join(tempDir(), 'bare.git');
    git(dir, 'clone', '-q', '--bare', '--no-local', dir, bare);
    expect(evidentPackBytes(bare)).toBe(packBytes(bare));
  });

  it("counts a linked worktree's and a submodule's own store, found through their .git file", () => {
    const dir = makeRepo({ 'a.js': 'a\n'.repeat(500) }, { commit: true });
    git(dir, 'gc', '-q');
    const linked = join(tempDir(), 'linked');
    git(dir, 'worktree', 'add', '-q', linked);
    expect(evidentPackBytes(linked)).toBe(packBytes(join(dir, '.git')));
    expect(evidentPackBytes(join(linked, '.'))).toBe(packBytes(join(dir, '.git')));
    // A `.git` file that names its directory relative to itself, as a submodule's does.
    const outer = makeRepo({ 'b.js': 'b\n' }, { commit: true });
    const moved = join(outer, '.git', 'modules', 'inner');
    git(dir, 'clone', '-q', '--bare', '--no-local', dir, moved);
    mkdirSync(join(outer, 'inner'));
    writeFileSync(join(outer, 'inner', '.git'), 'gitdir: ../.git/modules/inner\n');
    expect(evidentPackBytes(join(outer, 'inner'))).toBe(packBytes(moved));
  });

  it('is not evident where git could look elsewhere: the environment, borrowed objects, no repository', () => {
    const dir = makeRepo({ 'a.js': 'a\n' }, { commit: true });
    expect(evidentPackBytes(dir, { ...process.env, GIT_DIR: join(dir, '.git') })).toBeUndefined();
    expect(evidentPackBytes(dir, { ...process.env, GIT_OBJECT_DIRECTORY: join(dir, '.git', 'objects') })).toBeUndefined();
    const strange = tempDir();
    writeFileSync(join(strange, '.git'), 'not a gitdir line\n');
    expect(evidentPackBytes(strange)).toBeUndefined();
    const borrower = join(tempDir(), 'borrower');
    git(dir, 'clone', '-q', '--shared', dir, borrower);
    expect(evidentPackBytes(borrower)).toBeUndefined();
    const plain = tempDir();
    writeFileSync(join(plain, 'a.txt'), 'a\n');
    // tempDir's parents hold no repository on a test machine; if one did, its packs would count.
    expect(evidentPackBytes(plain)).toBeUndefined();
  });
});
