/**
 * `keyscan init` in a real repository, then real commits through git and husky: the hook runs the
 * keyscan of this checkout (linked into node_modules as npm would install it), never a registry one.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan, ROOT } from '../helpers/cli.js';
import { installLocally } from '../helpers/husky.js';
import { git, makeRepo, writeFiles } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** `git commit` as a user runs it: hooks on, output as shown in the terminal. */
function commitRun(dir: string, ...args: string[]): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com' };
  env.GIT_COMMITTER_NAME = 'T';
  env.GIT_COMMITTER_EMAIL = 't@example.com';
  delete env.HUSKY; // HUSKY=0 would skip the hooks
  return spawnSync('git', ['commit', '-q', ...args], { cwd: dir, env, encoding: 'utf8' });
}

function newProject(files: Record<string, string> = {}): string {
  const dir = makeRepo({ 'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n', 'README.md': '# app\n', ...files });
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'initial');
  return dir;
}

describe('keyscan init', () => {
  it('sets up husky and the hook, which then refuses a commit with a key and lets a clean one through', async () => {
    const dir = newProject({ 'app.js': 'export const a = 1;\n' });
    const r = await keyscan(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `added husky ^9.1.7 to devDependencies; added keyscan-secrets ^${VERSION} to devDependencies; set scripts.prepare to "husky"`,
    );
    expect(r.stdout).toContain('.husky/pre-commit  created: runs keyscan --staged');
    expect(r.stdout).toContain('Next: run `npm install`.');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(pkg.devDependencies).toEqual({ husky: '^9.1.7', 'keyscan-secrets': `^${VERSION}` });
    expect(pkg.scripts).toEqual({ prepare: 'husky' });
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toMatch(/\nkeyscan --staged\n$/);

    // What `npm install` would do: install both packages, then run the prepare script.
    installLocally(dir);
    const prepare = spawnSync('npm', ['run', '--silent', 'prepare'], { cwd: dir, encoding: 'utf8' });
    expect(prepare.status).toBe(0);
    expect(git(dir, 'config', 'core.hooksPath').trim()).toBe('.husky/_');

    const key = tokens.githubPat();
    writeFiles(dir, { 'app.js': `export const a = 1;\nexport const token = "${key}";\n` });
    git(dir, 'add', 'app.js');
    const blocked = commitRun(dir, '-m', 'add token');
    expect(blocked.status).not.toBe(0);
    const shown = blocked.stdout + blocked.stderr;
    expect(shown).toContain('app.js:2:23');
    expect(shown).toContain('github-pat');
    expect(shown).toContain('ghp_****');
    expect(shown).toContain('Commit blocked');
    expect(shown).toContain('revoke at https://github.com/settings/tokens');
    expect(shown).toContain('keyscan:allow github-pat');
    expect(shown).toContain('keyscan baseline');
    expect(shown).toContain('git commit --no-verify');
    for (const s of slices(secretBody(key))) expect(shown).not.toContain(s);
    expect(git(dir, 'log', '--oneline').trim().split('\n')).toHaveLength(1);

    // `git commit -a` stages into a temporary index: the hook must see that one.
    writeFiles(dir, { 'app.js': 'export const a = 2;\n' });
    git(dir, 'add', 'app.js');
    expect(commitRun(dir, '-m', 'clean change').status).toBe(0);
    writeFiles(dir, { 'app.js': `export const a = 2;\nconst t = "${key}";\n` });
    expect(commitRun(dir, '-a', '-m', 'sneaky').status).not.toBe(0);
    expect(commitRun(dir, '-a', '--no-verify', '-m', 'deliberate').status).toBe(0);
    expect(git(dir, 'log', '--format=%s').trim().split('\n')).toEqual(['deliberate', 'clean change', 'initial']);
  });

  it('keeps an existing hook, activates an installed husky at once, and changes nothing when run again', async () => {
    const existing = 'echo "existing hook ran"\n';
    const dir = newProject({
      '.husky/pre-commit': existing,
      'package.json': '{\n\t"name": "app",\n\t"scripts": { "prepare": "echo prep" },\n\t"devDependencies": { "husky": "^9.1.7" }\n}\n',
    });
    installLocally(dir);
    const r = await keyscan(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('added keyscan-secrets');
    expect(r.stdout).toContain('appended "husky" to scripts.prepare ("echo prep && husky")');
    expect(r.stdout).toContain('added keyscan --staged (existing lines kept)');
    expect(r.stdout).toContain('The hook is active');
    const hook = readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8');
    expect(hook.startsWith(existing)).toBe(true);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toMatch(/^\{\n\t"name": "app",\n\t"scripts": \{\n\t\t"prepare"/);

    const pkg = readFileSync(join(dir, 'package.json'));
    const again = await keyscan(['init'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('package.json       unchanged');
    expect(again.stdout).toContain('.husky/pre-commit  unchanged (already runs keyscan --staged)');
    expect(readFileSync(join(dir, 'package.json'))).toEqual(pkg);
    expect(readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8')).toBe(hook);

    writeFiles(dir, { 'deploy.sh': `export NPM_TOKEN=${tokens.npm()}\n` });
    git(dir, 'add', 'deploy.sh');
    const blocked = commitRun(dir, '-m', 'deploy');
    // git shows a hook's stdout on stderr.
    expect(blocked.stderr).toContain('existing hook ran');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('npm-access-token');
  });

  it('--dry-run shows the plan and writes nothing', async () => {
    const dir = newProject();
    const before = readFileSync(join(dir, 'package.json'), 'utf8');
    const r = await keyscan(['init', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dry run: nothing is written');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(before);
    expect(() => statSync(join(dir, '.husky'))).toThrow();
  });

  it('says the one command to run when there is no package.json, and refuses outside a repository', async () => {
    const dir = makeRepo({ 'main.py': 'print(1)\n' });
    const r = await keyscan(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no package.json');
    expect(r.stderr).toContain('npm init -y && npx -p keyscan-secrets keyscan init');
    expect(r.stderr).toContain('pre-commit framework');
    expect(() => statSync(join(dir, '.husky'))).toThrow();

    const outside = await keyscan(['init', '-C', '/'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is not inside a git work tree/);
  });
});
