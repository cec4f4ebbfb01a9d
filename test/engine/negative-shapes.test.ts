// Shapes that other scanners ship as negatives and that are no credential by any fair reading:
// typed filler inside a token, a JWT whose payload is no JSON or jwt.io's sample claims, a
// Sentry token whose middle part is no JSON. Tokens are built at run time (nothing token-shaped
// is committed); random ones of the same length must still pass.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import { isPlaceholder } from '../../src/engine/placeholders.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { VALIDATORS } from '../../src/engine/validators.js';

const random = seededRandom(randomBytes(8).toString('hex'));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;
const pick = (alphabet: string, n: number): string => randomString(alphabet, n, random);
const b64url = (json: string): string => Buffer.from(json).toString('base64url');

const catalogue = compileCatalogue(builtinRules);
const ruleIds = (text: string): string[] =>
  scanFragment(catalogue, Buffer.from(text), { path: 'src/config.txt', source: 'file' }).map((f) => f.ruleId);

describe('typed filler inside a token', () => {
  it('takes eight or more letters or digits in order anywhere in the value for filler', () => {
    expect(isPlaceholder(`sk-ant-api03-${pick(B64URL, 30)}-klmnopqrstuvwx-${pick(B64URL, 50)}AA`)).toBe(true);
    expect(isPlaceholder(`${pick(ALNUM, 20)}23456789${pick(ALNUM, 20)}`)).toBe(true);
  });

  it('takes one short unit typed over and over for filler', () => {
    expect(isPlaceholder('A1B2C3D4E5F6'.repeat(5))).toBe(true);
    expect(isPlaceholder(`${'x9Kq'.repeat(4)}x9`)).toBe(true);
  });

  it('takes the same four typed characters three times for filled-in IDs', () => {
    expect(isPlaceholder(`xoxp-1234-1234-1234-${pick('0123456789abcdef', 32)}`)).toBe(true);
  });

  it('takes letters and digits counting up with a few symbols between them for filler', () => {
    // The shape of `V2w3X4y5Z6a7!8c9…`: a typed "password" that walks the alphabet.
    const walk = Array.from({ length: 40 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}${i % 10}`).join('');
    expect(isPlaceholder(`${walk.slice(0, 30)}!${walk.slice(30, 60)}@${walk.slice(60)}+=`)).toBe(true);
  });

  it('still takes random tokens for tokens', () => {
    for (let i = 0; i < 2000; i++) expect(isPlaceholder(pick(ALNUM, 40 + (i % 60)))).toBe(false);
  });
});

describe('JSON Web Tokens', () => {
  const header = b64url('{"alg":"HS256","typ":"JWT"}');
  const signature = pick(B64URL, 43);

  it('wants a payload that decodes to a JSON object of claims', () => {
    const claims = b64url(`{"sub":"${pick(ALNUM, 12)}","iat":1733100000}`);
    expect(VALIDATORS.jwt({ secret: `${header}.${claims}.${signature}`, before: '' })).toBe(true);
    expect(VALIDATORS.jwt({ secret: `${header}.eyJ${pick(B64URL, 60)}.${signature}`, before: '' })).toBe(false);
    expect(VALIDATORS.jwt({ secret: `${header}.${b64url('[1,2,3]')}.${signature}`, before: '' })).toBe(false);
  });

  it("drops jwt.io's sample claims whatever the signature", () => {
    const sample = b64url(`{"sub":"1234567890","name":"John Doe","admin":true,"iat":${1516239022 + Math.floor(random() * 1e6)}}`);
    expect(VALIDATORS.jwt({ secret: `${header}.${sample}.${signature}`, before: '' })).toBe(false);
    expect(ruleIds(`token: ${header}.${sample}.${signature}\n`)).not.toContain('jwt');
  });
});

describe('Sentry organization tokens', () => {
  it('want base64 JSON between the prefix and the secret', () => {
    const payload = Buffer.from(`{"iat":1733100000.5,"url":"https://sentry.io","org":"${pick('abcdefghij', 10)}"}`).toString('base64');
    const secret = pick(B64URL, 43);
    expect(VALIDATORS['json-payload']({ secret: `sntrys_${payload}_${secret}`, before: '' })).toBe(true);
    expect(VALIDATORS['json-payload']({ secret: `sntrys_eyJ${pick(ALNUM, 120)}_${secret}`, before: '' })).toBe(false);
  });
});

describe('GitLab and Cloudflare token lengths', () => {
  it('reads glptt-, gloas-, glimt- and glagent- tokens by the lengths GitLab makes them in', () => {
    const hex = (n: number): string => pick('0123456789abcdef', n);
    expect(ruleIds(`glptt-${hex(40)}`)).toContain('gitlab-pipeline-trigger-token');
    expect(ruleIds(`glptt-${pick(ALNUM, 20)}`)).not.toContain('gitlab-pipeline-trigger-token');
    expect(ruleIds(`gloas-${hex(64)}`)).toContain('gitlab-oauth-app-secret');
    expect(ruleIds(`gloas-${hex(32)}`)).not.toContain('gitlab-oauth-app-secret');
    expect(ruleIds(`glimt-${pick('abcdefghijklmnopqrstuvwxyz0123456789', 25)}`)).toContain('gitlab-incoming-mail-token');
    expect(ruleIds(`glimt-${pick('abcdefghijklmnopqrstuvwxyz0123456789', 23)}`)).not.toContain('gitlab-incoming-mail-token');
    expect(ruleIds(`glagent-${pick(B64URL, 50)}`)).toContain('gitlab-agent-token');
    expect(ruleIds(`glagent-${pick(B64URL, 20)}`)).not.toContain('gitlab-agent-token');
  });

  it('reads cfut_/cfat_/cfk_ tokens as 40 characters and an 8-hex-digit checksum, no more', () => {
    const token = `cfut_${pick(ALNUM, 40)}${pick('0123456789abcdef', 8)}`;
    expect(ruleIds(token)).toContain('cloudflare-api-token');
    expect(ruleIds(`${token}${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 5)}`)).not.toContain('cloudflare-api-token');
  });
});

describe('Okta API tokens', () => {
  it('want Okta named as a word, not inside another one', () => {
    const token = `00${pick(B64URL, 40)}`;
    expect(ruleIds(`OKTA_API_TOKEN=${token}\n`)).toContain('okta-api-token');
    expect(ruleIds(`const myOktaToken = "${token}";\n`)).toContain('okta-api-token');
    expect(ruleIds(`okta:\n  token: ${token}\n`)).toContain('okta-api-token');
    expect(ruleIds(`rookTable = ${token}\n`)).not.toContain('okta-api-token');
  });
});
