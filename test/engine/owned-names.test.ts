// A generic value the provider rules disown: under an issued credential's name with a character no
// issuer uses, under a provider's own name in none of its formats, or a provider's prefix cut
// short. Each case keeps its counterpart that must still be reported (a password's symbols, the
// valid form, a longer value that may be a format the rule does not know yet). Tokens are built
// at run time from random characters; nothing token-shaped is committed.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { validateRuleSpec } from '../../src/catalogue/validate.js';
import type { OwnedNames } from '../../src/engine/catalogue.js';
import { isTypedForIssuedName } from '../../src/engine/generic-value.js';
import { isDisowned } from '../../src/engine/owned-names.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

const random = seededRandom(randomBytes(8).toString('hex'));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const pick = (alphabet: string, n: number): string => randomString(alphabet, n, random);
const catalogue = compileCatalogue(builtinRules);
const ruleIds = (text: string): string[] =>
  scanFragment(catalogue, Buffer.from(text), { path: 'src/config.txt', source: 'file' }).map((f) => f.ruleId);
/** A random value with `c` in its middle. */
const withChar = (c: string, n = 32): string => `${pick(ALNUM, n / 2)}${c}${pick(ALNUM, n / 2 - 1)}`;

describe('issued credentials names', () => {
  it.each(['?', '^', '$', '@', '#', '!', '*', '(', '{', ','])('hold no %s', (c) => {
    expect(isTypedForIssuedName('api_key', withChar(c))).toBe(true);
    expect(isTypedForIssuedName('npm_token', withChar(c))).toBe(true);
  });

  it('hold base64, base64url, dotted, colon-joined, query-string and %-escaped values', () => {
    for (const value of [
      pick(B64, 40),
      `${pick(ALNUM, 20)}.${pick(ALNUM, 20)}`,
      `sv=2022&sig=${pick(ALNUM, 30)}%2B`,
      `${pick(ALNUM, 9)}:${pick(ALNUM, 30)}`,
    ]) {
      expect(isTypedForIssuedName('api_token', value)).toBe(false);
    }
  });

  it('are not passwords, secrets, salts or signing keys, which people choose in any alphabet', () => {
    for (const name of ['db_password', 'client_secret', 'secret_key', 'auth_key', 'signing_key', 'session_token_secret']) {
      expect(isTypedForIssuedName(name, withChar('^'))).toBe(false);
    }
  });

  it('are judged so by the generic rule, which still reports the password', () => {
    expect(ruleIds(`API_TOKEN = "${withChar('?')}"\n`)).toEqual([]);
    expect(ruleIds(`API_TOKEN = "${withChar('-')}"\n`)).toContain('generic-secret-assignment');
    expect(ruleIds(`DB_PASSWORD = "${withChar('?')}"\n`)).toContain('generic-secret-assignment');
  });
});

describe("a provider's own names", () => {
  it('hold only its documented formats, when the rule says they are the only ones', () => {
    expect(ruleIds(`AWS_SECRET_ACCESS_KEY = ${pick(B64, 56)}\n`)).toEqual([]);
    expect(ruleIds(`AWS_SECRET_ACCESS_KEY = ${pick(B64, 40)}\n`)).toEqual(['aws-secret-access-key']);
    expect(ruleIds(`WANDB_API_KEY = '${pick(HEX, 34)}'\n`)).toEqual([]);
    expect(ruleIds(`WANDB_API_KEY = '${pick(HEX, 40)}'\n`)).toEqual(['wandb-api-key']);
    // W&B's newer keys: no rule knows their alphabet, so the generic rule reports them.
    expect(ruleIds(`WANDB_API_KEY = 'wandb_v1_${pick(ALNUM, 77)}'\n`)).toEqual(['generic-secret-assignment']);
    expect(ruleIds(`bitmexSecret := "${pick(ALNUM, 22)}"\n`)).toEqual([]);
    expect(ruleIds(`bitmexSecret := "${pick(ALNUM, 48)}"\n`)).toEqual(['bitmex-api-secret']);
  });

  it('hold no character that no issuer uses, under any of its names but a password', () => {
    expect(ruleIds(`bitfinexSecret := "${withChar('^', 40)}"\n`)).toEqual([]);
    expect(ruleIds(`bitfinexSecret := "${withChar('-', 40)}"\n`)).toContain('generic-secret-assignment');
    expect(ruleIds(`BITFINEX_PASSWORD = "${withChar('^', 40)}"\n`)).toContain('generic-secret-assignment');
  });
});

describe("a provider's prefix", () => {
  it('cut short is a copy of its token, not another secret', () => {
    expect(ruleIds(`client_secret: gloas-${pick(HEX, 32)}\n`)).toEqual([]);
    expect(ruleIds(`client_secret: gloas-${pick(HEX, 64)}\n`)).toEqual(['gitlab-oauth-app-secret']);
  });

  it('followed by a longer value stays reported: it may be a format the rule does not know yet', () => {
    expect(ruleIds(`client_secret: gloas-${pick(HEX, 80)}\n`)).toContain('generic-secret-assignment');
  });
});

describe('isDisowned', () => {
  const owned = (over: Partial<OwnedNames>): OwnedNames => ({ names: [], prefixes: [], value: /^x{4}$/, alphabetOnly: false, ...over });

  it('keeps a value that one owner accepts, though another refutes it', () => {
    const both = [owned({ names: ['acme'], value: /^[a-f0-9]{32}$/ }), owned({ names: ['acme'], value: /^[a-f0-9]{40}$/ })];
    expect(isDisowned(both, 'acme_app_key', pick(HEX, 40))).toBe(false);
    expect(isDisowned(both, 'acme_app_key', pick(HEX, 36))).toBe(true);
    expect(isDisowned(both, 'other_key', pick(HEX, 36))).toBe(false);
  });

  it('lets an alphabet refute but never vouch', () => {
    const list = [owned({ names: ['acme'], value: /^[^?^]+$/, alphabetOnly: true }), owned({ names: ['acme'], value: /^[a-f0-9]{40}$/ })];
    expect(isDisowned(list, 'acme_key', pick(ALNUM, 40))).toBe(true);
    expect(isDisowned([list[0] as OwnedNames], 'acme_key', pick(ALNUM, 40))).toBe(false);
    expect(isDisowned([list[0] as OwnedNames], 'acme_key', withChar('^'))).toBe(true);
  });

  it('leaves passwords under a provider name to the provider rules', () => {
    expect(isDisowned([owned({ names: ['acme'], value: /^[a-f0-9]{40}$/ })], 'acme_password', pick(ALNUM, 12))).toBe(false);
  });
});

describe('owns in a rule spec', () => {
  const rule = (owns: unknown): RuleSpec =>
    ({
      id: 'acme-key',
      description: 'Acme key',
      provider: 'Acme',
      severity: 'high',
      regex: 'acme_(?<secret>[a-f0-9]{32})',
      keywords: ['acme_'],
      remediation: { revoke: 'https://example.com', rotate: 'rotate it' },
      examples: { positive: [], negative: [] },
      owns,
    }) as RuleSpec;

  it('is valid with lowercase names or distinctive prefixes and a pattern', () => {
    expect(validateRuleSpec(rule({ names: ['acme'], value: '[a-f0-9]{32}' }))).toEqual([]);
    expect(validateRuleSpec(rule({ prefixes: ['acme_'], value: 'acme_[a-f0-9]{32}' }))).toEqual([]);
  });

  it('refuses shared prefixes, names that are no lowercase words and patterns that do not compile', () => {
    expect(validateRuleSpec(rule({ prefixes: ['sk-'], value: 'sk-.+' }))).toEqual([
      '"owns" prefix "sk-" must be 4 characters or more and end in _ - or .',
    ]);
    expect(validateRuleSpec(rule({ names: ['Acme Key'], value: '.+' }))).toEqual(['"owns" name "Acme Key" must be a lowercase word']);
    expect(validateRuleSpec(rule({ names: ['acme'], value: '(' }))[0]).toMatch(/owns.value: invalid regular expression/);
    expect(validateRuleSpec(rule({ names: ['acme'] }))).toEqual([]);
    expect(validateRuleSpec(rule({ value: '.+' }))).toEqual([
      '"owns" must have "names" (lowercase words) or "prefixes" (literals), and may have "value" (a pattern)',
    ]);
  });
});
