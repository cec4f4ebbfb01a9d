/**
 * Every instruction a blocked commit prints is followed here, exactly as printed, in a real
 * repository with keyscan as its pre-commit hook, and must unblock the commit: the fix, the inline
 * allow, the allowlist for an env file, the baseline, and the bypass.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

/** A repository whose pre-commit hook is `keyscan --staged` (what `keyscan init` installs, minus husky). */
function hookedRepo(): string {
  const dir = makeRepo();
  commit(dir, 'initial', { 'README.md': '# app\n' });
  const hooks = join(dir, '.hooks');
  mkdirSync(hooks);
  writeFileSync(join(hooks, 'pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" --staged\n`);
  chmodSync(join(hooks, 'pre-commit'), 0o755);
  git(dir, 'config', 'core.hooksPath', '.hooks');
  return dir;
}

/** `git commit` as a developer runs it: the hook decides. */
function gitCommit(dir: string, ...extra: string[]): { status: number | null; output: string } {
  const r = spawnSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-q', '-m', 'change', ...extra], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** The command after "label:" on the printed line, e.g. `npx keyscan baseline`. */
function printed(output: string, label: RegExp): string {
  const line = output.split('\n').find((l) => label.test(l));
  expect(line, `no line matching ${label} in:\n${output}`).toBeDefined();
  return line as string;
}

/** Runs a printed `npx keyscan …` command: npx resolves keyscan to the project's install, this build here. */
function runPrinted(dir: string, command: string): void {
  const args = command.replace(/^npx keyscan\s+/, '').split(/\s+/);
  execFileSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: 'pipe' });
}

describe('a blocked commit', () => {
  it('with a secret: fixing it, allowing its line, the baseline and --no-verify each unblock it', async () => {
    const key = tokens.stripeLive();
    for (const way of ['fix', 'allow', 'baseline', 'bypass'] as const) {
      const dir = hookedRepo();
      writeFiles(dir, { 'src/pay.js': `const stripe = "${key}";\n` });
      git(dir, 'add', 'src/pay.js');
      const blocked = gitCommit(dir);
      expect(blocked.status, way).toBe(1);
      expect(blocked.output).toContain('Commit blocked: the staged changes add a secret.');
      if (way === 'fix') {
        expect(blocked.output).toContain('Remove the secret from the file');
        writeFiles(dir, { 'src/pay.js': 'const stripe = process.env.STRIPE_KEY;\n' });
        git(dir, 'add', 'src/pay.js');
      } else if (way === 'allow') {
        const marker = /keyscan:allow [\w-]+/.exec(printed(blocked.output, /Allow it with a comment on its line/))?.[0];
        expect(marker).toBe('keyscan:allow stripe-secret-key');
        writeFiles(dir, { 'src/pay.js': `const stripe = "${key}"; // ${marker}\n` });
        git(dir, 'add', 'src/pay.js');
      } else if (way === 'baseline') {
        const line = printed(blocked.output, /accept the current findings in the baseline/);
        runPrinted(dir, /npx keyscan [^(]+/.exec(line)?.[0]?.trim() ?? '');
        const add = /\(then (git add [^)]+)\)/.exec(line)?.[1] ?? '';
        git(dir, ...add.split(' ').slice(1));
      }
      const again =
        way === 'bypass' ? gitCommit(dir, /git commit (--no-verify)/.exec(printed(blocked.output, /Bypass/))?.[1] ?? '') : gitCommit(dir);
      expect(again.status, `${way}: ${again.output}`).toBe(0);
    }
  });

  it('with only an env file: says so, with its fix, an allowlist that works and the bypass line', async () => {
    for (const way of ['fix', 'allowlist'] as const) {
      const dir = hookedRepo();
      writeFiles(dir, { '.env': 'APP_NAME=demo\n' });
      git(dir, 'add', '-f', '.env');
      const blocked = gitCommit(dir);
      expect(blocked.status).toBe(1);
      expect(blocked.output).toContain('Commit blocked: the staged changes add an env file.');
      expect(blocked.output).toContain('git commit --no-verify');
      expect(blocked.output).not.toContain('keyscan:allow env-file-staged');
      expect(blocked.output).not.toContain('Remove the secret from the file');
      if (way === 'fix') {
        // The finding's own message: git rm --cached '.env', then the .gitignore line.
        expect(blocked.output).toContain('git rm --cached .env;');
        git(dir, 'rm', '-q', '--cached', '.env');
        appendFileSync(join(dir, '.gitignore'), '/.env\n');
        git(dir, 'add', '.gitignore');
      } else {
        const line = printed(blocked.output, /list it in \.keyscan\.yaml/);
        const paths = /allowlist: paths: (\[[^\]]*\])/.exec(line)?.[1] ?? '';
        writeFileSync(join(dir, '.keyscan.yaml'), `allowlist:\n  paths: ${paths}\n`);
        git(dir, 'add', '.keyscan.yaml');
      }
      const again = gitCommit(dir);
      expect(again.status, `${way}: ${again.output}`).toBe(0);
    }
  });

  it('with a value in an env template: keyscan:allow env-template-value on its line allows it', async () => {
    const dir = hookedRepo();
    // A value starting with "/" reads as a path, not a secret: keep the random part from starting so.
    const value = `k${tokens.awsSecret()}`;
    writeFiles(dir, { '.env.example': `PAYMENT_API_SECRET=${value}\n` });
    git(dir, 'add', '.env.example');
    const blocked = gitCommit(dir);
    expect(blocked.status, blocked.output).toBe(1);
    expect(blocked.output).toContain('Commit blocked: the staged changes add a value in an env template.');
    const marker = /keyscan:allow [\w-]+/.exec(printed(blocked.output, /Allow it with a comment on its line/))?.[0];
    expect(marker).toBe('keyscan:allow env-template-value');
    writeFiles(dir, { '.env.example': `# ${marker}\nPAYMENT_API_SECRET=${value} # ${marker}\n` });
    git(dir, 'add', '.env.example');
    const again = gitCommit(dir);
    expect(again.status, again.output).toBe(0);
  });

  it('keyscan:allow naming an env check silences that check only, never the other rules on the line', async () => {
    const dir = makeRepo();
    const password = tokens.awsSecret().replace(/[+/]/g, 'x').slice(0, 24);
    writeFiles(dir, { 'deploy/settings.ini': `url = postgres://app:${password}@db.internal:5432/app  # keyscan:allow env-file-staged\n` });
    git(dir, 'add', '-A');
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const ids = (JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
    expect(ids).toContain('database-connection-password');
  });

  it('reads .keyscan-baseline.json by default, in files scans and --staged alike', async () => {
    const dir = makeRepo();
    writeFiles(dir, { 'a.js': `const k = "${tokens.githubPat()}";\n` });
    expect((await keyscan([], { cwd: dir })).code).toBe(1);
    runPrinted(dir, 'npx keyscan baseline');
    expect(JSON.parse(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8'))).toHaveProperty('entries');
    const clean = await keyscan([], { cwd: dir });
    expect(clean.code).toBe(0);
    // The baseline file is scanned like any file, not skipped as "excluded by config" with no config.
    expect(clean.stdout + clean.stderr).not.toContain('excluded');
    git(dir, 'add', '-A');
    expect((await keyscan(['--staged'], { cwd: dir })).code).toBe(0);
  });
});
