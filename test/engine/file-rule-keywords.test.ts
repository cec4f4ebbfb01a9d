import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, randomString } from '../../src/catalogue/examples.js';
import type { Catalogue } from '../../src/engine/catalogue.js';
import { detect } from '../../src/engine/detect.js';

/**
 * The credential-file rules (those with a path condition) that prefilter on literals their
 * patterns need (a client's name, an option's dash and name, a key's name) instead of reading
 * every file their path admits whole. Pinned here against the same rules without keywords, which
 * run over whole files: the same findings, offsets included, on files full of what they look for,
 * so a pattern alternative added without its keyword fails this test.
 */
const rules = builtinRules.filter((r) => r.tags?.includes('credential-file') && r.path !== undefined && r.keywords.length > 0);
const prefiltered = compileCatalogue(rules);
const whole = compileCatalogue(rules.map((r) => ({ ...r, keywords: [] })));
const COMMAND_RULES = ['shell-password-argument', 'shell-password-variable', 'shell-user-password', 'shell-history-password'];

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const word = (n: number, alphabet = ALNUM): string => randomString(alphabet, n, Math.random);
const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)] as T;

/** One command line of the kinds the rules read, with a value drawn now. */
function command(): string {
  const v = word(8 + randomInt(20));
  return pick([
    () => `mysql -u root -p${v} app`,
    () => `mysqldump -h db ${'--opt '.repeat(randomInt(60))}-p${v} app > dump.sql`,
    () => `sshpass -p "${v}" ssh deploy@host uptime`,
    () => `redis-cli -h cache -a ${v} ping`,
    () => `docker login registry.example.org --username ci --password ${v}`,
    () => `tool --db_password=${v}`,
    () => `tool -db_password=${v}`,
    () => `tool --db-password ${v}`,
    () => `tool --admin-password=${v}`,
    () => `tool --api-key ${v}`,
    () => `tool --apikey=${v}`,
    () => `tool --auth-token=${v}`,
    () => `tool --access-token=${v}`,
    () => `tool --client-secret ${v}`,
    () => `tool --secret=${v}`,
    () => `tool -pass=${v}`,
    () => `tool --passwd ${v}`,
    () => `PGPASSWORD=${v} psql -h db`,
    () => `PGPASS=${v} psql`,
    () => `export MYSQL_PWD="${v}"`,
    () => `MSSQL_SA_PASSWORD=${v} sqlcmd`,
    () => `SA_PASSWORD=${v}`,
    () => `POSTGRES_PASSWORD=${v}`,
    () => `MYSQL_ROOT_PASSWORD=${v}`,
    () => `REDISCLI_AUTH=${v} redis-cli`,
    () => `SSHPASS=${v} sshpass -e ssh host`,
    () => `curl -u admin:${v} https://api.example.org/`,
    () => `curl -s https://api.example.org/ ${'-H x '.repeat(randomInt(40))}--user bob:${v}`,
    () => `curl --proxy-user me:${v} https://example.org/`,
    () => `http -a user:${v} example.org`,
    () => `https --auth user:${v} example.org`,
    () => `httpie get example.org -a u:${v}`,
    () => `MYSQL -P${v}`,
    () => `echo mysql ${'y'.repeat(randomInt(400))} -p${v}`,
    () => `echo ${word(randomInt(80), ' abcdef=-:')}`,
  ])();
}

/** A script: command lines among filler, some lines very long, some files one line. */
function script(): string {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const r = Math.random();
    if (r < 0.4) lines.push(command());
    else if (r < 0.5) lines.push(`${'a=1; '.repeat(randomInt(300))}${command()}`);
    else lines.push(`echo ${word(randomInt(120), ' abcdefgh=-_.')}`);
  }
  return `${lines.join(Math.random() < 0.2 ? ' ' : '\n')}\n`;
}

const found = (catalogue: Catalogue, text: string, path: string): string[] =>
  detect(catalogue, Buffer.from(text), path).map((m) => `${catalogue.rules[m.rule]?.id} ${m.start}-${m.end}`);

/** A file with one example (drawn now) among filler that holds no keyword of these rules. */
function exampleFile(template: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 20; i++) lines.push(i % 2 === 0 ? word(randomInt(60), ' abcdefgh=:-_."<>/') : word(randomInt(100), ' abcdefgh=-_.'));
  lines.splice(randomInt(lines.length + 1), 0, expandExample(template, Math.random).replace(/\n$/, ''));
  return `${lines.join('\n')}\n`;
}

describe('the credential-file rules’ keywords', () => {
  it('are given to the command-line rules', () => {
    for (const id of COMMAND_RULES) expect(rules.map((r) => r.id)).toContain(id);
  });

  it('change no finding against the same rules run over whole scripts', () => {
    let total = 0;
    for (let i = 0; i < 150; i++) {
      const text = script();
      for (const path of ['scripts/deploy.sh', '.github/workflows/ci.yml', 'Dockerfile', '.bash_history']) {
        const expected = found(whole, text, path);
        total += expected.length;
        expect(found(prefiltered, text, path), path).toEqual(expected);
      }
    }
    // The scripts are full of what the rules report: the comparison is not between two empty lists.
    expect(total).toBeGreaterThan(1000);
  });

  it('change no finding against the same rules run over whole files of their examples', () => {
    for (const rule of rules) {
      if (COMMAND_RULES.includes(rule.id)) continue;
      // One example a file: a keyword missing for one of them leaves it no window at all.
      let total = 0;
      const path = rule.examples.path as string;
      for (const template of [...rule.examples.positive, ...(rule.examples.negative ?? [])]) {
        for (let i = 0; i < 5; i++) {
          const text = exampleFile(template);
          const expected = found(whole, text, path);
          total += expected.length;
          expect(found(prefiltered, text, path), `${rule.id} at ${path}`).toEqual(expected);
        }
      }
      expect(total, rule.id).toBeGreaterThan(0);
    }
  });
});
