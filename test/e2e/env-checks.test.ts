import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { slices, tokens } from '../helpers/tokens.js';

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  redacted: string;
  source: string;
  commit?: string;
  author?: string;
  date?: string;
  commitCount?: number;
  presentAtHead?: boolean;
  secret?: string;
}
interface Report {
  findings: Finding[];
}
const json = (s: string): Report => JSON.parse(s) as Report;
const ids = (r: Report): Array<[string, string]> => r.findings.map((f) => [f.ruleId, f.path]);

const random = seededRandom(`env-${Date.now()}`);
/** A random value no rule knows: only the template check can find it. */
const randomValue = (): string => randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40, random);

/** A real-world template (Laravel's, abridged): every value a default or a placeholder. */
const CLEAN_TEMPLATE = [
  'APP_NAME=Laravel',
  'APP_ENV=local',
  'APP_KEY=',
  'APP_DEBUG=true',
  'APP_URL=http://localhost',
  '',
  'DB_CONNECTION=mysql',
  'DB_HOST=127.0.0.1',
  'DB_PORT=3306',
  'DB_PASSWORD=',
  '',
  'REDIS_HOST=127.0.0.1',
  'REDIS_PASSWORD=null',
  'MAIL_FROM_ADDRESS="hello@example.com"',
  'MAIL_FROM_NAME="${APP_NAME}"',
  'AWS_SECRET_ACCESS_KEY=',
  'AWS_DEFAULT_REGION=us-east-1',
  'export STRIPE_SECRET_KEY=sk_test_example',
  "STRIPE_WEBHOOK_SECRET='whsec_your_webhook_secret_here'",
  'SENTRY_DSN=<your-sentry-dsn>',
  'JWT_SECRET=changeme',
  'API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'SESSION_SECRET=***',
  'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
  'PRIVATE_KEY="-----BEGIN PRIVATE KEY-----',
  '...',
  '-----END PRIVATE KEY-----"',
  '',
].join('\n');

describe('tracked and ignored env files (files mode)', () => {
  it('reports a tracked .env once, as tracked, whatever it holds', async () => {
    const dir = makeRepo({ '.env': 'DEBUG=true\n', 'a.txt': 'x\n' }, { commit: true });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(ids(report)).toEqual([['env-file-tracked', '.env']]);
    expect(report.findings[0]).toMatchObject({ severity: 'high', source: 'check', startLine: 1, startColumn: 1, redacted: '' });
    expect(report.findings[0]?.message).toContain('git rm --cached .env');
  });

  it('reports an untracked env file that git does not ignore, with the .gitignore line that fixes it', async () => {
    const dir = makeRepo({ 'apps/web/.env.local': 'DEBUG=true\n', '.gitignore': 'node_modules/\n' });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const [finding] = json(r.stdout).findings;
    expect(finding).toMatchObject({ ruleId: 'env-file-not-ignored', severity: 'medium', path: 'apps/web/.env.local' });
    const line = /Add this line to the \.gitignore at the repository root: (.+)$/.exec(finding?.message ?? '')?.[1];
    expect(line).toBe('.env.local');
    appendFileSync(join(dir, '.gitignore'), `${line}\n`);
    const fixed = await keyscan([], { cwd: dir });
    expect(fixed.code).toBe(0);
  });

  it('does not report (or scan) env files that git ignores: .gitignore, nested .gitignore, info/exclude, global excludes', async () => {
    const home = tempDir();
    writeFiles(home, { '.config/git/ignore': 'global.env\n' });
    const secret = tokens.githubPat();
    const dir = makeRepo({
      '.gitignore': '.env\n',
      '.env': `GITHUB_TOKEN=${secret}\n`,
      'services/api/.gitignore': '.env.*\n',
      'services/api/.env.production': 'X=1\n',
      'local.env': 'X=1\n',
      'global.env': 'X=1\n',
      'README.md': '# app\n',
    });
    writeFileSync(join(dir, '.git', 'info', 'exclude'), 'local.env\n');
    const r = await keyscan(['-f', 'json'], { cwd: dir, env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config') } });
    expect(r.stderr).toBe('keyscan: no secrets found in 3 files\n');
    expect(r.code).toBe(0);
    expect(json(r.stdout).findings).toEqual([]);
  });

  it('checks nested directories and reports paths from the repository root', async () => {
    const dir = makeRepo({ 'services/api/config/prod.env': 'X=1\n', 'services/api/.gitignore': '.env\n' }, { commit: true });
    writeFiles(dir, { 'services/api/.env': 'X=1\n', 'apps/web/.env.development': 'X=1\n', 'apps/web/src/env.ts': 'export {};\n' });
    const r = await keyscan(['-f', 'json'], { cwd: join(dir, 'services') });
    expect(ids(json(r.stdout))).toEqual([['env-file-tracked', 'services/api/config/prod.env']]);
    const all = await keyscan(['-f', 'json'], { cwd: dir });
    expect(ids(json(all.stdout))).toEqual([
      ['env-file-not-ignored', 'apps/web/.env.development'],
      ['env-file-tracked', 'services/api/config/prod.env'],
    ]);
  });

  it('honours config exclude and disable for the checks', async () => {
    const dir = makeRepo({ 'fixtures/.env': 'X=1\n', '.env.local': 'X=1\n' }, { commit: true });
    writeFiles(dir, { '.keyscan.json': JSON.stringify({ exclude: ['fixtures/**'], disable: ['env-file-tracked'] }) });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r.stdout).findings).toEqual([]);
  });

  it('lets allowlists and the baseline silence check findings like any other', async () => {
    const dir = makeRepo({ 'legacy/.env': 'X=1\n', 'app/.env': 'Y=2\n' }, { commit: true });
    writeFiles(dir, { '.keyscan.json': JSON.stringify({ allowlist: { paths: ['legacy/**'] } }) });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(ids(json(r.stdout))).toEqual([['env-file-tracked', 'app/.env']]);
    expect(await keyscan(['baseline'], { cwd: dir })).toMatchObject({ code: 0 });
    const after = await keyscan(['-f', 'json', '--baseline', '.keyscan-baseline.json'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(json(after.stdout).findings).toEqual([]);
  });

  it('checks only template values outside a git work tree', async () => {
    const dir = tempDir();
    const value = randomValue();
    writeFiles(dir, { '.env': 'X=1\n', 'app/.env.example': `A=\nENCRYPTION_KEY=${value}\n` });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(ids(json(r.stdout))).toEqual([['env-template-value', 'app/.env.example']]);
    expect(r.stdout).not.toContain(value);
  });
});

describe('template values', () => {
  it('passes a template that holds placeholders only', async () => {
    const dir = makeRepo({ '.env.example': CLEAN_TEMPLATE, '.env.sample': CLEAN_TEMPLATE.replace(/\n/g, '\r\n') }, { commit: true });
    const r = await keyscan([], { cwd: dir });
    expect(r.stdout).toContain('No secrets found');
    expect(r.code).toBe(0);
  });

  describe('a template with a real-looking Stripe key and a random value', () => {
    const stripe = tokens.stripeLive();
    const value = randomValue();
    const text = `# Billing\nSTRIPE_PUBLISHABLE_KEY=pk_test_example\nSTRIPE_SECRET_KEY=${stripe}\nexport ENCRYPTION_KEY="${value}"  # generated\n`;
    const repo = (): string => makeRepo({ 'config/.env.example': text }, { commit: true });

    it('reports the key by its rule and the value by env-template-value, naming variable and line', async () => {
      const r = await keyscan(['-f', 'json'], { cwd: repo() });
      expect(r.code).toBe(1);
      const findings = json(r.stdout).findings;
      expect(findings.map((f) => [f.ruleId, f.startLine])).toEqual([
        ['stripe-secret-key', 3],
        ['env-template-value', 4],
      ]);
      expect(findings[1]).toMatchObject({ path: 'config/.env.example', startColumn: 24, redacted: '', source: 'check' });
      expect(findings[1]?.message).toContain('ENCRYPTION_KEY on line 4');
    });

    it.each(REPORT_FORMATS)('never prints the values in %s', async (format) => {
      const r = await keyscan(['-f', format], { cwd: repo() });
      expect(r.code).toBe(1);
      const all = r.stdout + r.stderr;
      for (const s of [...slices(value), ...slices(stripe.slice('sk_live_'.length))]) expect(all).not.toContain(s);
    });

    it('never prints the template value, even with --no-redact', async () => {
      const r = await keyscan(['-f', 'json', '--no-redact'], { cwd: repo() });
      for (const s of slices(value)) expect(r.stdout).not.toContain(s);
      expect(json(r.stdout).findings.find((f) => f.ruleId === 'env-template-value')?.secret).toBe('');
    });
  });

  it('reads CRLF line endings and a byte-order mark', async () => {
    const value = randomValue();
    const text = `\uFEFFA=1\r\nB="multi\r\nline"\r\nSIGNING_KEY=${value}\r\n`;
    const dir = makeRepo({ '.env.template': text, '.env': '\uFEFFX=1\r\n' }, { commit: true });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    const findings = json(r.stdout).findings;
    expect(findings.map((f) => [f.ruleId, f.path, f.startLine, f.startColumn])).toEqual([
      ['env-file-tracked', '.env', 1, 1],
      ['env-template-value', '.env.template', 4, 13],
    ]);
    expect(r.stdout).not.toContain(value);
  });

  it('skips a template that git ignores and does not track, and checks one that is tracked anyway', async () => {
    const value = randomValue();
    const dir = makeRepo({ '.gitignore': '.env*\n', '.env.example': `TOKEN_SEED=${value}\n`, 'a/.env.example': `SEED=${value}\n` });
    git(dir, 'add', '-f', 'a/.env.example');
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(ids(json(r.stdout))).toEqual([['env-template-value', 'a/.env.example']]);
  });

  it('takes template names and placeholders from flags', async () => {
    const value = `acme_demo_${randomValue()}`;
    const dir = makeRepo({ 'example.env': `ACME_KEY=${value}\n` }, { commit: true });
    const asEnv = await keyscan(['-f', 'json'], { cwd: dir });
    expect(ids(json(asEnv.stdout))).toEqual([['env-file-tracked', 'example.env']]);
    const asTemplate = await keyscan(['-f', 'json', '--env-template', 'example.env'], { cwd: dir });
    expect(ids(json(asTemplate.stdout))).toEqual([['env-template-value', 'example.env']]);
    const allowed = await keyscan(['--env-template', 'example.env', '--env-placeholder', '^acme_demo_'], { cwd: dir });
    expect(allowed.code).toBe(0);
    const bad = await keyscan(['--env-placeholder', '(unclosed'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid env placeholder pattern');
  });
});

describe('--env-drift', () => {
  it('notes variables the template and .env do not share, only when asked, without failing', async () => {
    const dir = makeRepo({ '.gitignore': '.env\n', '.env.example': 'A=\nB=\n', '.env': 'A=1\n\nC=secret-value\n' });
    const quiet = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(quiet.stdout).findings).toEqual([]);
    const r = await keyscan(['-f', 'json', '--env-drift'], { cwd: dir });
    expect(r.code).toBe(0);
    const findings = json(r.stdout).findings;
    expect(findings.map((f) => [f.ruleId, f.severity, f.path, f.startLine])).toEqual([
      ['env-drift', 'info', '.env', 3],
      ['env-drift', 'info', '.env.example', 2],
    ]);
    expect(findings[0]?.message).toBe('C is set in .env but not named in env template .env.example: document it there with a placeholder');
    expect(findings[1]?.message).toBe('B is in env template .env.example but not set in .env: add it there');
    expect(r.stdout).not.toContain('secret-value');
  });
});

describe('--staged', () => {
  it('blocks adding an env file, saying how to unstage and ignore it', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    writeFiles(dir, { '.env': 'DEBUG=true\n' });
    git(dir, 'add', '.env');
    const r = await keyscan(['--staged'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('env-file-staged');
    expect(r.stdout).toContain('git rm --cached .env');
    expect(r.stdout).toContain('add the line .env to the .gitignore');
    git(dir, 'rm', '-q', '--cached', '.env');
    expect((await keyscan(['--staged'], { cwd: dir })).code).toBe(0);
  });

  it('works before the first commit, and reports a staged change to a tracked env file', async () => {
    const dir = makeRepo({ 'deploy/prod.env': 'A=1\n' });
    git(dir, 'add', '-A');
    const first = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(ids(json(first.stdout))).toEqual([['env-file-staged', 'deploy/prod.env']]);
    git(dir, 'commit', '-q', '--no-verify', '-m', 'oops');
    writeFiles(dir, { 'deploy/prod.env': 'A=2\n' });
    git(dir, 'add', '-A');
    const changed = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(json(changed.stdout).findings[0]?.message).toContain('is a tracked env file and a change to it is staged');
  });

  it('judges the values that a staged change adds to a template, read from the index', async () => {
    const old = randomValue();
    const dir = makeRepo({ '.env.example': `OLD_SEED=${old}\nA=\n` }, { commit: true });
    const added = randomValue();
    writeFiles(dir, { '.env.example': `OLD_SEED=${old}\nA=\nNEW_SEED=${added}\nB=changeme\n` });
    git(dir, 'add', '.env.example');
    writeFiles(dir, { '.env.example': 'A=\n' }); // the work tree no longer matters
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    const findings = json(r.stdout).findings;
    expect(findings.map((f) => [f.ruleId, f.startLine])).toEqual([['env-template-value', 3]]);
    expect(r.stdout).not.toContain(added);
  });
});

describe('history and range', () => {
  it('reports an env file committed and then removed once, with its commit, not at HEAD', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    const added = commit(dir, 'add env', { 'config/.env.production': 'DB=1\n' }, { name: 'Mallory', date: '2024-02-03T04:05:06Z' });
    commit(dir, 'edit env', { 'config/.env.production': 'DB=2\n' }, { date: '2024-02-04T00:00:00Z' });
    commit(dir, 'remove env', { 'config/.env.production': null }, { date: '2024-02-05T00:00:00Z' });
    const head = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(head.stdout).findings).toEqual([]);
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const findings = json(r.stdout).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'env-file-committed',
      path: 'config/.env.production',
      source: 'check',
      commit: added,
      author: 'Mallory',
      date: '2024-02-03T04:05:06+00:00',
      commitCount: 1,
      presentAtHead: false,
    });
    expect(findings[0]?.message).toContain('no longer tracked');
    const text = await keyscan(['--history'], { cwd: dir });
    expect(text.stdout).toContain('no longer at HEAD (still in history)');
  });

  it('counts re-additions, marks files still tracked, skips templates, and works for ranges', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    const first = commit(dir, 'add', { '.env': 'A=1\n', '.env.example': 'A=\n' }, { date: '2024-03-01T00:00:00Z' });
    commit(dir, 'remove', { '.env': null }, { date: '2024-03-02T00:00:00Z' });
    commit(dir, 'add again', { '.env': 'A=2\n' }, { date: '2024-03-03T00:00:00Z' });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => [f.ruleId, f.path, f.commit, f.commitCount, f.presentAtHead])).toEqual([
      ['env-file-committed', '.env', first, 2, true],
    ]);
    const range = await keyscan(['--range', `${base}..HEAD`, '-f', 'json'], { cwd: dir });
    expect(ids(json(range.stdout))).toEqual([['env-file-committed', '.env']]);
    const after = await keyscan(['--range', 'HEAD~1..HEAD', '-f', 'json'], { cwd: dir });
    expect(json(after.stdout).findings.map((f) => f.commitCount)).toEqual([1]);
  });

  it('finds an env file added on a branch that was merged, and on an unmerged branch', async () => {
    const dir = makeRepo({ 'a.txt': 'a\n' }, { commit: true });
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit(dir, 'feature env', { 'feature.env': 'X=1\n' });
    commit(dir, 'feature env gone', { 'feature.env': null });
    git(dir, 'checkout', '-q', 'main');
    commit(dir, 'main work', { 'b.txt': 'b\n' });
    git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
    git(dir, 'checkout', '-q', '-b', 'wip');
    commit(dir, 'wip env', { 'wip/.env.local': 'X=1\n' });
    git(dir, 'checkout', '-q', 'main');
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => [f.path, f.presentAtHead])).toEqual([
      ['feature.env', false],
      ['wip/.env.local', false],
    ]);
  });
});

describe('rules command', () => {
  it('lists the env-file checks with the catalogue', async () => {
    const r = await keyscan(['rules'], { cwd: tempDir() });
    expect(r.stdout).toMatch(/^env-file-tracked\s+keyscan\s+high\s+Env file tracked by git$/m);
    expect(r.stdout).toMatch(/^env-drift\s+keyscan\s+info\s+/m);
    const parsed = JSON.parse((await keyscan(['rules', '--json'], { cwd: tempDir() })).stdout) as {
      checks: Array<{ id: string; help: string }>;
    };
    expect(parsed.checks.map((c) => c.id)).toEqual([
      'env-file-tracked',
      'env-file-not-ignored',
      'env-file-staged',
      'env-file-committed',
      'env-template-value',
      'env-drift',
    ]);
  });
});
