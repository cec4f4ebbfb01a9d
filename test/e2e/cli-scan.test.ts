import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { keyscan } from '../helpers/cli.js';
import { makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

interface JsonReport {
  version: string;
  findings: Array<Record<string, unknown> & { ruleId: string; path: string; startLine: number; startColumn: number }>;
  stats: { filesScanned: number; bytesScanned: number; skipped: Record<string, number>; durationMs: number };
  errors: Array<{ path: string; message: string }>;
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

describe('exit codes', () => {
  it('exits 0 with "No secrets found" on a clean tree', async () => {
    const dir = makeRepo({ 'src/index.ts': 'export const answer = 42;\n' });
    const r = await keyscan([], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No secrets found');
    expect(r.stdout).toMatch(/scanned 1 file \(\d+ B\) in/);
  });

  it('exits 1 when a secret is found', async () => {
    const dir = makeRepo({ 'config.js': `module.exports = { token: '${tokens.githubPat()}' };\n` });
    const r = await keyscan([], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('config.js:1:');
    expect(r.stdout).toContain('github-pat');
  });

  it('exits 2 on an unknown flag without scanning', async () => {
    const dir = makeRepo({ 'a.txt': tokens.githubPat() });
    const r = await keyscan(['--no-such-flag'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a path that does not exist, naming it', async () => {
    const dir = tempDir();
    const r = await keyscan(['missing/file.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing/file.txt');
    expect(r.stderr).toContain('no such file');
  });

  it('exits 2 when a file cannot be read, and does not call the scan clean', async () => {
    // /proc/self/mem opens as a regular file but reading offset 0 fails with EIO, even as root.
    const dir = tempDir();
    const r = await keyscan(['/proc/self/mem'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('could not be scanned');
    expect(r.stdout).not.toContain('No secrets found');
    expect(r.stdout).toContain('EIO');
  });

  it('exits 2 on an invalid --max-file-size', async () => {
    const r = await keyscan(['--max-file-size', 'lots'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-file-size');
  });
});

describe('formats', () => {
  it('writes the documented JSON shape', async () => {
    const secret = tokens.stripeLive();
    const dir = makeRepo({ 'billing/pay.py': `import stripe\n\nstripe.api_key = "${secret}"\n` });
    const r = await keyscan(['--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0];
    expect(Object.keys(f ?? {}).sort()).toEqual(
      [
        'ruleId',
        'severity',
        'message',
        'path',
        'startLine',
        'startColumn',
        'endLine',
        'endColumn',
        'redacted',
        'secretHash',
        'fingerprint',
        'source',
        'provider',
        'revoke',
        'tag',
      ].sort(),
    );
    expect(f).toMatchObject({ provider: 'Stripe', tag: `#${String(f?.secretHash).slice(0, 6)}` });
    expect(f).toMatchObject({
      ruleId: 'stripe-secret-key',
      severity: 'critical',
      path: 'billing/pay.py',
      startLine: 3,
      startColumn: 19,
      endLine: 3,
      endColumn: 19 + secret.length,
      redacted: 'sk_live_****',
      source: 'file',
    });
    expect(f?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.stats.filesScanned).toBe(1);
    expect(report.stats.bytesScanned).toBeGreaterThan(0);
    expect(report.errors).toEqual([]);
  });

  it('writes one report per --format with its own --output, readable by the owner only', async () => {
    const dir = makeRepo({ 'a.cfg': `NPM_TOKEN=${tokens.npm()}\n` });
    const out = tempDir();
    const r = await keyscan(['-f', 'json', '-o', join(out, 'r.json'), '-f', 'sarif', '-o', join(out, 'r.sarif'), '-f', 'text'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('npm-access-token');
    expect(json(readFileSync(join(out, 'r.json'), 'utf8')).findings[0]?.ruleId).toBe('npm-access-token');
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(statSync(join(out, 'r.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'r.sarif')).mode & 0o777).toBe(0o600);
  });

  it('refuses two reports on stdout', async () => {
    const r = await keyscan(['-f', 'json', '-f', 'sarif'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdout');
  });

  it('colours text only when asked or on a terminal', async () => {
    const dir = makeRepo({ 'k.txt': tokens.githubPat() });
    const plain = await keyscan([], { cwd: dir });
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await keyscan(['--color'], { cwd: dir });
    expect(coloured.stdout).toContain('\u001b[');
  });
});

describe('redaction', () => {
  const secrets = [tokens.githubPat(), tokens.awsSecret(), tokens.anthropic(), tokens.privateKey()];
  const content = [
    `GITHUB_TOKEN=${secrets[0]}`,
    `aws_secret_access_key = ${secrets[1]}`,
    `ANTHROPIC_API_KEY=${secrets[2]}`,
    `${secrets[3]}`,
  ].join('\n');

  it.each(REPORT_FORMATS)('never prints a secret or any 8-character slice of it in %s', async (format) => {
    const dir = makeRepo({ 'leak.env': content });
    const r = await keyscan(['-f', format], { cwd: dir });
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    for (const secret of secrets) {
      for (const slice of slices(secretBody(secret))) expect(all).not.toContain(slice);
    }
  });

  it('shows secrets with --no-redact', async () => {
    const dir = makeRepo({ 'leak.env': content });
    const r = await keyscan(['-f', 'json', '--no-redact'], { cwd: dir });
    const shown = json(r.stdout).findings.map((f) => f.secret);
    expect(shown).toContain(secrets[0]);
    expect(shown).toContain(secrets[2]);
  });
});

describe('what is scanned', () => {
  it('skips binary and oversized files and counts them', async () => {
    const dir = makeRepo({
      'image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(tokens.githubPat())]),
      'big.log': `${'a'.repeat(2000)}\n${tokens.githubPat()}\n`,
      'small.txt': 'hello\n',
    });
    const r = await keyscan(['--max-file-size', '1KiB', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const { stats } = json(r.stdout);
    expect(stats.filesScanned).toBe(1);
    expect(stats.skipped.binary).toBe(1);
    expect(stats.skipped.tooLarge).toBe(1);
    const text = await keyscan(['--max-file-size', '1KiB'], { cwd: dir });
    expect(text.stdout).toContain('1 binary');
    expect(text.stdout).toContain('1 over --max-file-size');
  });

  it('scans UTF-16 files with a byte-order mark', async () => {
    const secret = tokens.githubPat();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`// ü\nconst t = "${secret}";\n`, 'utf16le')]);
    const dir = makeRepo({ 'win.cs': utf16 });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings[0]).toMatchObject({ ruleId: 'github-pat', startLine: 2, startColumn: 12 });
  });

  it('counts columns in characters on lines with non-ASCII text', async () => {
    const dir = makeRepo({ 'i18n.txt': `clé=“${tokens.githubPat()}”\n` });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings[0]).toMatchObject({ startColumn: 6, endColumn: 46 });
  });

  it('skips what git ignores in a directory scan but scans an ignored path named explicitly', async () => {
    const dir = makeRepo({
      '.gitignore': 'node_modules/\n*.local\n',
      'node_modules/pkg/index.js': `const t = "${tokens.githubPat()}";\n`,
      'settings.local': `TOKEN=${tokens.npm()}\n`,
      'app.js': 'console.log(1);\n',
    });
    const all = await keyscan(['-f', 'json'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(json(all.stdout).stats.filesScanned).toBe(2); // .gitignore and app.js
    const named = await keyscan(['node_modules/', '-f', 'json'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(json(named.stdout).findings[0]?.path).toBe('node_modules/pkg/index.js');
    const file = await keyscan(['settings.local', '-f', 'json'], { cwd: dir });
    expect(json(file.stdout).findings[0]?.ruleId).toBe('npm-access-token');
  });

  it('scans tracked and untracked files, never .git/', async () => {
    const dir = makeRepo({ 'tracked.txt': 'ok\n' }, { commit: true });
    writeFiles(dir, { 'untracked.txt': `k=${tokens.npm()}\n` });
    writeFileSync(join(dir, '.git', 'leak'), tokens.githubPat());
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    const report = json(r.stdout);
    expect(report.findings.map((f) => f.path)).toEqual(['untracked.txt']);
    expect(report.stats.filesScanned).toBe(2);
    const outside = await keyscan(['-f', 'json', '.git'], { cwd: dir });
    expect(json(outside.stdout).findings).toEqual([]);
  });

  it('walks a directory outside git, without following symlinks and without entering .git', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a/b/deep.yaml': `token: ${tokens.githubPat()}\n`, '.git/config': tokens.npm() });
    const elsewhere = tempDir();
    writeFiles(elsewhere, { 'secret.txt': tokens.npm() });
    symlinkSync(join(elsewhere, 'secret.txt'), join(dir, 'link.txt'));
    symlinkSync(dir, join(dir, 'a', 'loop'));
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    const report = json(r.stdout);
    expect(report.findings.map((f) => f.path)).toEqual(['a/b/deep.yaml']);
    expect(report.stats.skipped.symlink).toBe(2);
  });

  it('reports paths relative to the repository root, with / separators, from a subdirectory', async () => {
    const dir = makeRepo({ 'pkg/sub dir/ünï côdé.txt': `TOKEN=${tokens.githubPat()}\n` });
    const r = await keyscan(['.', '-f', 'json'], { cwd: join(dir, 'pkg') });
    expect(json(r.stdout).findings[0]?.path).toBe('pkg/sub dir/ünï côdé.txt');
  });

  it('reports paths relative to the working directory outside a repository', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'conf'));
    writeFiles(dir, { 'conf/app.ini': `password = k${tokens.awsSecret()}x\n` });
    const r = await keyscan(['conf', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings[0]?.path).toBe('conf/app.ini');
  });
});

describe('rules command', () => {
  it('lists the catalogue', async () => {
    const r = await keyscan(['rules'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^github-pat\s+GitHub\s+critical\s+GitHub personal access token/m);
  });

  it('prints every field as JSON with --json', async () => {
    const r = await keyscan(['rules', '--json'], { cwd: tempDir() });
    const parsed = JSON.parse(r.stdout) as { rules: Array<{ id: string; regex: string; remediation: { revoke: string } }> };
    const aws = parsed.rules.find((x) => x.id === 'aws-access-key-id');
    expect(typeof aws?.regex).toBe('string');
    expect(aws?.remediation.revoke).toMatch(/^https:\/\//);
    expect(parsed.rules.length).toBeGreaterThanOrEqual(30);
  });
});

describe('config file', () => {
  it('excludes paths by glob and counts them', async () => {
    const dir = makeRepo({
      '.keyscan.json': JSON.stringify({ exclude: ['fixtures/**'] }),
      'fixtures/leak.txt': tokens.githubPat(),
    });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r.stdout).stats.skipped.excluded).toBe(1);
  });

  it('disables rules and adds custom ones', async () => {
    const dir = makeRepo({
      '.keyscan.json': JSON.stringify({
        disable: ['github-pat'],
        rules: [
          {
            id: 'acme-key',
            description: 'ACME key',
            regex: 'acme_[a-z0-9]{16}',
            keywords: ['acme_'],
            examples: { positive: ['acme_0123abcd4567efgh'], negative: ['acme_short'] },
          },
        ],
      }),
      'a.txt': `${tokens.githubPat()}\nkey = acme_9f8e7d6c5b4a3210\n`,
    });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(
      json(r.stdout)
        .findings.filter((f) => f.path === 'a.txt')
        .map((f) => f.ruleId),
    ).toEqual(['acme-key']);
  });

  it.each([
    ['not JSON', '{ "exclude": [', /not valid JSON/],
    ['an unknown key', JSON.stringify({ excludes: [] }), /excludes: unknown key/],
    ['a bad regex', JSON.stringify({ rules: [{ id: 'x', regex: '(', keywords: ['x'] }] }), /rules\[0\] \(x\).*invalid regular expression/],
    [
      'a wrong example',
      JSON.stringify({ rules: [{ id: 'x-rule', regex: 'xyz[0-9]{4}', keywords: ['xyz'], examples: { positive: ['xyz12'] } }] }),
      /positive\[0\] is not matched/,
    ],
    ['an unknown rule id', JSON.stringify({ disable: ['nope'] }), /disable\[0\]: no rule has the id "nope"/],
  ])('fails with exit 2 on %s, naming the file and key', async (_name, content, message) => {
    const dir = makeRepo({ '.keyscan.json': content, 'a.txt': 'hello' });
    const r = await keyscan([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.keyscan.json');
    expect(r.stderr).toMatch(message);
  });
});

describe('output hygiene', () => {
  it('warns when a report is written inside the repository where git would commit it', async () => {
    const dir = makeRepo({ '.gitignore': 'ignored/\n', 'a.txt': 'a\n' });
    const r = await keyscan(['-f', 'sarif', '-o', 'keyscan.sarif'], { cwd: dir });
    expect(r.stderr).toContain('the report keyscan.sarif is inside the repository and git does not ignore it');
    mkdirSync(join(dir, 'ignored'));
    const quiet = await keyscan(['-f', 'sarif', '-o', 'ignored/keyscan.sarif'], { cwd: dir });
    expect(quiet.stderr).not.toContain('warning');
  });

  it('keeps --debug output free of secrets', async () => {
    const secret = tokens.githubPat();
    const dir = makeRepo({ 'a.txt': `t=${secret}\n` }, { commit: true });
    const r = await keyscan(['--history', '--debug'], { cwd: dir });
    expect(r.stderr).toContain('keyscan[debug]');
    for (const slice of slices(secretBody(secret))) expect(r.stdout + r.stderr).not.toContain(slice);
  });
});
