/**
 * Nothing keyscan writes lets anyone confirm a guessed secret cheaply. An attacker holding a
 * report (JSON, SARIF) or a baseline, and a word list that holds the password, tries every word.
 */
import { createHash, createHmac, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const RULE = 'database-connection-password';
const PATH = 'config/db.yml';
const OTHER = 'config/replica.yml';
const PASSWORD = 'Summer2024';
const WORDS = ['password', 'letmein', 'qwerty123', PASSWORD, 'Winter2023'];

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const fingerprint = (...parts: string[]): string => sha256(parts.join('\0'));

/** The hashes of `word` as keyscan 0.1.0 wrote them: secretHash and the (partial) fingerprint. */
const plain = (word: string): string[] => [sha256(word), fingerprint(RULE, PATH, sha256(word)), fingerprint(RULE, OTHER, sha256(word))];

/** The documented construction (README, "What a report or a baseline reveals"), for a salt the attacker has. */
const keyed = (word: string, salt: string): string[] => {
  const key = createHmac('sha256', 'keyscan secret hash v2').update(salt).digest();
  const slow = scryptSync(word, key, 32, { N: 1 << 9, r: 8, p: 1 });
  const hash = createHmac('sha256', key).update('slow\0').update(slow).digest('hex');
  return [hash, fingerprint(RULE, PATH, hash), fingerprint(RULE, OTHER, hash)];
};

/** The words whose hashes occur in `text`. */
const confirmed = (text: string, hashes: (word: string) => string[]): string[] =>
  WORDS.filter((w) => hashes(w).some((h) => text.includes(h)));

function repo(): string {
  return makeRepo({ [PATH]: `database_url: postgres://app:${PASSWORD}@db.internal:5432/app\n` }, { commit: true });
}

describe('secret hashes', () => {
  it('a word list confirms no password from a report or a baseline (plain SHA-256 no longer appears)', async () => {
    const dir = repo();
    const out = tempDir('keyscan-hash-out-');
    const r = await keyscan(['-f', 'json', '-o', join(out, 'r.json'), '-f', 'sarif', '-o', join(out, 'r.sarif')], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const report = readFileSync(join(out, 'r.json'), 'utf8');
    expect((JSON.parse(report) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual([RULE]);
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    const baseline = readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8');
    const history = await keyscan(['--history', '-f', 'sarif'], { cwd: dir });
    const all = report + readFileSync(join(out, 'r.sarif'), 'utf8') + baseline + history.stdout;
    expect(confirmed(all, plain)).toEqual([]);
  });

  it('with a baseline, hashes use its random salt: a report alone confirms nothing, the salt is needed (and costs scrypt per guess)', async () => {
    const dir = repo();
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    const { salt } = JSON.parse(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8')) as { salt: string };
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    writeFiles(dir, { [OTHER]: `database_url: postgres://app:${WORDS[4]}@db.internal:5432/app\n` });
    const r = await keyscan(['--baseline', '.keyscan-baseline.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const sarif = (await keyscan(['--baseline', '.keyscan-baseline.json', '-f', 'sarif'], { cwd: dir })).stdout;
    const report = r.stdout + sarif;
    expect(confirmed(report, plain)).toEqual([]);
    expect(confirmed(report, (w) => keyed(w, 'keyscan-public-salt-v2'))).toEqual([]);
    // The construction is the documented one: with the baseline's salt, each guess costs one scrypt.
    expect(confirmed(report, (w) => keyed(w, salt))).toEqual([WORDS[4]]);
    // Without a baseline the salt is public: a report then costs the attacker one scrypt per guess.
    const unsalted = (await keyscan(['--no-baseline', '-f', 'json'], { cwd: dir })).stdout;
    expect(confirmed(unsalted, plain)).toEqual([]);
    expect(confirmed(unsalted, (w) => keyed(w, 'keyscan-public-salt-v2'))).toEqual([PASSWORD, WORDS[4]]);
  });

  it('baselines keep matching across clones (another machine) and runs', async () => {
    const dir = repo();
    writeFiles(dir, { 'src/app.js': `token = "${tokens.githubPat()}"\n` });
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8');
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8')).toBe(text); // same salt, same hashes
    commit(dir, 'baseline', {});
    const clone = join(tempDir('keyscan-clone-'), 'app');
    git(dir, 'clone', '-q', dir, clone);
    for (const args of [[], ['--history'], ['--range', 'HEAD~1..HEAD']]) {
      const r = await keyscan([...args, '--baseline', '.keyscan-baseline.json', '-f', 'json'], { cwd: clone });
      expect(r.code, `${args.join(' ')}: ${r.stdout}`).toBe(0);
    }
  });

  it('an old-format baseline (plain SHA-256) still applies, with a warning, and `keyscan baseline` migrates it keeping reasons', async () => {
    const dir = repo();
    const old = {
      version: 1,
      entries: [
        {
          ruleId: RULE,
          path: PATH,
          secretHash: sha256(PASSWORD),
          fingerprint: fingerprint(RULE, PATH, sha256(PASSWORD)),
          reason: 'dev db',
        },
      ],
    };
    writeFileSync(join(dir, '.keyscan-baseline.json'), `${JSON.stringify(old, null, 2)}\n`);
    const r = await keyscan(['--baseline', '.keyscan-baseline.json', '-f', 'json'], { cwd: dir });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stderr).toMatch(/old format \(version 1.*Run `keyscan baseline` to rewrite it/);
    const migrate = await keyscan(['baseline'], { cwd: dir });
    expect(migrate.code).toBe(0);
    expect(migrate.stderr).toMatch(/was in the old format .* rewritten as version 2/);
    const now = JSON.parse(readFileSync(join(dir, '.keyscan-baseline.json'), 'utf8')) as {
      version: number;
      entries: Array<{ reason?: string; secretHash: string }>;
    };
    expect(now.version).toBe(2);
    expect(now.entries.map((e) => e.reason)).toEqual(['dev db']);
    expect(now.entries[0]?.secretHash).not.toBe(sha256(PASSWORD));
    const after = await keyscan(['--baseline', '.keyscan-baseline.json'], { cwd: dir });
    expect([after.code, after.stderr]).toEqual([0, '']);
  });
});
