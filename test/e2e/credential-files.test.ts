import { describe, expect, it } from 'vitest';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import { isPlaceholder } from '../../src/engine/placeholders.js';
import { keyscan } from '../helpers/cli.js';
import { commit, makeRepo, tempDir } from '../helpers/repo.js';

interface Finding {
  ruleId: string;
  path: string;
  startLine: number;
  redacted: string;
  commit?: string;
  secret?: string;
}
const findings = (stdout: string): Finding[] => (JSON.parse(stdout) as { findings: Finding[] }).findings;
const lines = (fs: Finding[], ruleId: string): number[] => fs.filter((f) => f.ruleId === ruleId).map((f) => f.startLine);

const random = seededRandom(`credential-files-${Date.now()}`);
/**
 * A random lowercase word that is not typed filler: one in about 500,000 words of 12 letters holds
 * a run like `hhhhhh`, which keyscan ignores by design as filler (src/engine/placeholders.ts), and
 * a test about credential files must not depend on that luck.
 */
const word = (n: number): string => {
  for (;;) {
    const w = randomString('abcdefghijklmnopqrstuvwxyz', n, random);
    if (!isPlaceholder(w)) return w;
  }
};

/** A committed Laravel .env: low-entropy values that only the file's format marks as credentials. */
function laravelEnv(): { text: string; values: string[] } {
  const values = ['admin', `${word(6)}2024`, word(12)];
  const text = [
    'APP_NAME=Laravel',
    'APP_ENV=production',
    'DB_CONNECTION=mysql',
    'DB_HOST=127.0.0.1',
    'DB_USERNAME=root',
    `DB_PASSWORD=${values[0]}`,
    `REDIS_PASSWORD=${values[1]}`,
    'REDIS_PORT=6379',
    `MAIL_PASSWORD="${values[2]}"`,
    'MAIL_ENCRYPTION=null',
    'AWS_SECRET_ACCESS_KEY=',
    'VITE_APP_NAME="${APP_NAME}"',
    '',
  ].join('\n');
  return { text, values };
}

describe('credential files (real CLI)', () => {
  it('reports every secret-named value of a committed .env, redacted, besides the tracked file itself', async () => {
    const env = laravelEnv();
    const dir = makeRepo({ '.env': env.text }, { commit: true });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = findings(r.stdout);
    expect(lines(found, 'env-file-tracked')).toEqual([1]);
    expect(lines(found, 'env-secret-value')).toEqual([6, 7, 9]);
    for (const value of env.values) expect(r.stdout).not.toContain(value);
    expect(found.filter((f) => f.ruleId === 'env-secret-value').every((f) => f.redacted === '****')).toBe(true);
  });

  it('reports them in history too, after the file was deleted', async () => {
    const env = laravelEnv();
    const dir = makeRepo();
    const added = commit(dir, 'add env', { '.env': env.text });
    commit(dir, 'remove env', { '.env': null });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = findings(r.stdout).filter((f) => f.ruleId === 'env-secret-value');
    expect(found.map((f) => [f.startLine, f.commit])).toEqual([
      [6, added],
      [7, added],
      [9, added],
    ]);
  });

  it('leaves the same values alone in a template and in source code', async () => {
    const env = laravelEnv();
    const dir = makeRepo({ '.env.example': env.text.replace(/=admin$/m, '='), 'src/seed.ts': `const DB_PASSWORD = '${env.values[0]}';\n` });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(findings(r.stdout).filter((f) => f.ruleId === 'env-secret-value')).toEqual([]);
  });

  it('finds a PuTTY key whose comment says dummy-key, and a .pgpass password', async () => {
    const b64 = (n: number) => randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', n, random);
    const ppk = `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: dummy-key\nPublic-Lines: 2\n${b64(64)}\n${b64(16)}\nPrivate-Lines: 1\n${b64(44)}\nPrivate-MAC: ${randomString('0123456789abcdef', 64, random)}\n`;
    const dir = makeRepo({ 'keys/deploy.ppk': ppk, 'ops/.pgpass': `db.internal:5432:app:app:${word(8)}\n` }, { commit: true });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(findings(r.stdout).map((f) => [f.ruleId, f.path, f.startLine])).toEqual([
      ['putty-private-key', 'keys/deploy.ppk', 8],
      ['pgpass-password', 'ops/.pgpass', 1],
    ]);
  });

  it('takes a rule printed by keyscan rules --json, path condition included, as a user rule', async () => {
    const printed = JSON.parse((await keyscan(['rules', '--json'], { cwd: tempDir() })).stdout) as {
      rules: Array<Record<string, unknown> & { id: string }>;
    };
    const pgpass = printed.rules.find((r) => r.id === 'mysql-option-file-password');
    expect(pgpass?.path).toMatch(/^\(\?i\)/);
    const { id: _id, flags, tags: _tags, regex, ...rule } = pgpass as Record<string, unknown>;
    // A config writes the regex's flags inline, as (?m).
    const inline = { ...rule, id: 'my-cnf-copy', regex: `(?${String(flags)})${String(regex)}` };
    const dir = makeRepo({
      '.keyscan.json': JSON.stringify({ disable: ['mysql-option-file-password'], rules: [inline] }),
      'etc/MY.CNF': `[client]\npassword = ${word(10)}\n`,
      'etc/notes.txt': `[client]\npassword = ${word(10)}\n`,
    });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.stderr).not.toContain('error');
    expect(findings(r.stdout).map((f) => [f.ruleId, f.path])).toEqual([['my-cnf-copy', 'etc/MY.CNF']]);
  });
});
