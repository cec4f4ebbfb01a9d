/**
 * `keyscan init --pre-push`, then real pushes through git and husky to a local bare remote: a push
 * of a commit made with --no-verify that adds a key is refused, the printed fix works, a push of
 * commits the remote already has scans nothing, and the printed bypass works.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { installLocally } from '../helpers/husky.js';
import { git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com' };
  e.GIT_COMMITTER_NAME = 'T';
  e.GIT_COMMITTER_EMAIL = 't@example.com';
  delete e.HUSKY;
  return e;
}

const run = (dir: string, ...args: string[]): SpawnSyncReturns<string> =>
  spawnSync('git', args, { cwd: dir, env: env(), encoding: 'utf8' });

describe('keyscan --pre-push through a real pre-push hook', () => {
  it('refuses a push that adds a key, lets it through after the fix, and scans nothing already pushed', async () => {
    const dir = makeRepo({ 'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n', 'app.js': 'export const a = 1;\n' });
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'initial');
    const remote = tempDir('keyscan-remote-');
    git(remote, 'init', '-q', '--bare');
    git(dir, 'remote', 'add', 'origin', remote);

    const init = await keyscan(['init', '--pre-push'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('.husky/pre-commit  created: runs keyscan --staged');
    expect(init.stdout).toContain('.husky/pre-push    created: runs keyscan --pre-push "$1"');
    expect(readFileSync(join(dir, '.husky', 'pre-push'), 'utf8')).toMatch(/\nkeyscan --pre-push "\$1"\n$/);
    // Idempotent: a second run changes nothing.
    const again = await keyscan(['init', '--pre-push'], { cwd: dir });
    expect(again.stdout).toContain('.husky/pre-push    unchanged');
    installLocally(dir);
    expect(spawnSync('npm', ['run', '--silent', 'prepare'], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
    git(dir, 'add', '-A');
    expect(run(dir, 'commit', '-q', '-m', 'hooks').status).toBe(0);
    expect(run(dir, 'push', '-q', 'origin', 'main').status).toBe(0);

    // A key committed past the pre-commit hook.
    const key = tokens.githubPat();
    writeFiles(dir, { 'app.js': `export const a = 1;\nexport const token = "${key}";\n` });
    expect(run(dir, 'commit', '-q', '-a', '--no-verify', '-m', 'add token').status).toBe(0);
    const refused = run(dir, 'push', 'origin', 'main');
    expect(refused.status).not.toBe(0);
    const shown = refused.stdout + refused.stderr;
    expect(shown).toContain('github-pat');
    expect(shown).toContain('Push blocked');
    expect(shown).toContain('git commit --amend');
    expect(shown).toContain('git push --no-verify');
    for (const s of slices(secretBody(key))) expect(shown).not.toContain(s);
    expect(git(remote, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['hooks', 'initial']);

    // The printed fix for the last commit: fix the file, git add, git commit --amend; then push.
    writeFiles(dir, { 'app.js': 'export const a = 1;\nexport const token = process.env.TOKEN;\n' });
    git(dir, 'add', 'app.js');
    expect(run(dir, 'commit', '-q', '--amend', '--no-edit').status).toBe(0);
    const allowed = run(dir, 'push', 'origin', 'main');
    expect(allowed.status, allowed.stderr).toBe(0);

    // A new branch at a commit the remote has: nothing to scan.
    git(dir, 'branch', 'copy', 'main');
    const copy = run(dir, 'push', 'origin', 'copy');
    expect(copy.status).toBe(0);
    expect(copy.stdout + copy.stderr).toContain('0 commits');

    // The printed bypass.
    writeFiles(dir, { 'b.js': `const t = "${tokens.npm()}";\n` });
    git(dir, 'add', 'b.js');
    expect(run(dir, 'commit', '-q', '--no-verify', '-m', 'deliberate').status).toBe(0);
    expect(run(dir, 'push', 'origin', 'main').status).not.toBe(0);
    expect(run(dir, 'push', '--no-verify', 'origin', 'main').status).toBe(0);
  });
});
