import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidentWorkTreeRoot } from '../../src/git/evident-root.js';
import { commit, git, makeRepo, tempDir } from '../helpers/repo.js';

/** What git itself answers in `dir` with `env`, as workTreeRoot asks it. */
function gitRoot(dir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return undefined;
  }
}

describe('evidentWorkTreeRoot', () => {
  it("is the directory itself at a plain repository's root, exactly what git says", () => {
    const dir = makeRepo({ 'a.js': 'a\n' }, { commit: true });
    expect(evidentWorkTreeRoot(dir)).toBe(dir);
    expect(gitRoot(dir)).toBe(dir);
    // Config that does not move the work tree (`git init` wrote `bare = false`) leaves it evident.
    git(dir, 'config', 'user.name', 'Someone');
    git(dir, 'config', 'core.bare', 'off');
    expect(evidentWorkTreeRoot(dir)).toBe(dir);
    expect(gitRoot(dir)).toBe(dir);
  });

  it('leaves every other layout to git', () => {
    const dir = makeRepo({ 'sub/a.js': 'a\n' }, { commit: true });
    const cases: Array<[string, string, NodeJS.ProcessEnv]> = [];
    // A subdirectory: the root is above.
    cases.push(['subdirectory', join(dir, 'sub'), process.env]);
    // The environment chooses the repository or the work tree.
    const other = makeRepo({ 'b.js': 'b\n' }, { commit: true });
    cases.push(['GIT_DIR', dir, { ...process.env, GIT_DIR: join(other, '.git') }]);
    cases.push(['GIT_WORK_TREE', dir, { ...process.env, GIT_WORK_TREE: join(dir, 'sub') }]);
    // A linked worktree: `.git` is a file.
    const linked = join(tempDir(), 'linked');
    git(dir, 'worktree', 'add', '-q', linked);
    cases.push(['linked worktree', linked, process.env]);
    // An empty `.git` directory is no repository: git looks further up.
    const nested = join(dir, 'nested');
    mkdirSync(join(nested, '.git'), { recursive: true });
    cases.push(['empty .git', nested, process.env]);
    // A path through a symbolic link: git prints the real one.
    const link = join(tempDir(), 'link');
    symlinkSync(dir, link);
    cases.push(['symbolic link', link, process.env]);
    for (const [name, at, env] of cases) expect([name, evidentWorkTreeRoot(at, env)]).toEqual([name, undefined]);
    // Most are not the root. With GIT_DIR or in a linked worktree they are, but only git can tell.
    const elsewhere = cases.filter(([n]) => n !== 'GIT_DIR' && n !== 'linked worktree');
    for (const [name, at, env] of elsewhere) expect([name, gitRoot(at, env)]).not.toEqual([name, at]);
  });

  it('leaves it to git when the repository config moves or removes the work tree', () => {
    for (const [key, value] of [
      ['core.worktree', 'WORKTREE'],
      ['core.bare', 'true'],
      ['core.bare', 'yes'],
      ['include.path', 'extra.config'],
    ] as const) {
      const dir = makeRepo({ 'a.js': 'a\n' }, { commit: true });
      const elsewhere = tempDir();
      commit(dir, 'more', { 'b.js': 'b\n' });
      git(dir, 'config', key, value === 'WORKTREE' ? elsewhere : value);
      expect([key, evidentWorkTreeRoot(dir)]).toEqual([key, undefined]);
      // An include could say either (this one names no file): git answers, whatever it says.
      if (key !== 'include.path') expect([key, gitRoot(dir)]).not.toEqual([key, dir]);
    }
  });
});
