import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base62Crc32, crc32, hasBase62Crc32 } from '../../src/engine/checksum.js';
import { charsetOf, meetsEntropy } from '../../src/engine/entropy.js';
import { isNonSecretName, isNonSecretValue, looksLikeIdentifier, secretName } from '../../src/engine/generic-value.js';
import { VALIDATORS } from '../../src/engine/validators.js';

describe('checksums', () => {
  it('computes CRC-32 as zlib does', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('accepts a GitHub-style token only with its base62 CRC-32 tail', () => {
    const body = 'zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ';
    const token = `ghp_${body}${base62Crc32(body)}`;
    expect(hasBase62Crc32(token)).toBe(true);
    expect(hasBase62Crc32(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(VALIDATORS['github-checksum']({ secret: token, before: '' })).toBe(true);
  });
});

describe('entropy per alphabet', () => {
  it('classifies alphabets', () => {
    expect(charsetOf('0123abcdef')).toBe('hex');
    expect(charsetOf('AbC123xyz')).toBe('alnum');
    expect(charsetOf('ab+/cd==')).toBe('base64');
    expect(charsetOf('p@ss!word')).toBe('other');
  });

  it('applies the threshold of the value’s alphabet', () => {
    const minimum = { hex: 3, alnum: 5 };
    expect(meetsEntropy('0123456789abcdef', minimum)).toBe(true);
    expect(meetsEntropy('aAbBaAbBaAbBaAbB', minimum)).toBe(false);
    // A 16-character value cannot reach 5 bits per character: the threshold is capped near log2(16).
    expect(meetsEntropy('Q7hZk2LmX9pR4tWb', minimum)).toBe(true);
    expect(meetsEntropy('p@ss!word', minimum)).toBe(true); // no threshold for "other"
  });
});

describe('generic value filters', () => {
  it('normalises names to snake case', () => {
    expect(secretName('"nextToken": "')).toBe('next_token');
    expect(secretName('KdcAdminPassword: ')).toBe('kdc_admin_password');
    expect(secretName('export AWS_ACCESS_KEY_ID=')).toBe('aws_access_key_id');
  });

  it.each(['next_token', 'aws_access_key_id', 'password_hash', 'token_url', 'max_tokens', 'reset_password', 'client_secret_name'])(
    'rejects the name %s',
    (name) => expect(isNonSecretName(name)).toBe(true),
  );

  it.each(['password', 'db_password', 'client_secret', 'api_key', 'github_token', 'secret_key_base'])('keeps the name %s', (name) =>
    expect(isNonSecretName(name)).toBe(false),
  );

  it.each([
    'SensitiveString2048',
    'XmlStringMaxLen256',
    'NonEmptyMaxLength64String',
    'rfc8693#section-2.1',
    'exports.iam_v2beta',
    '/path/to/config.json',
    'secrets/prod/creds.json',
    'ENC[AES256_GCM,data:abc]',
    'op://Production/db/password',
    'data:image/png;base64,iVBORw0KGgo',
    '20240101',
  ])('rejects the value %s', (value) => expect(isNonSecretValue(value)).toBe(true));

  it.each(['aB3xQ9pLm2ZkT7vR1sWe', '13ka4h7u28d9oo44tqpq9djqsfvhvu8r', 'Tr0ub4dor&3xK!9q', 'x9F/2kq+Lm0pQz7w=='])(
    'keeps the value %s',
    (value) => expect(isNonSecretValue(value)).toBe(false),
  );

  it('tells identifiers from random strings', () => {
    expect(looksLikeIdentifier('getUserAccessToken')).toBe(true);
    expect(looksLikeIdentifier('qZ3kP9mWx2LbT8vN')).toBe(false);
  });

  it('keeps random lowercase base36 values, which the vowel-ratio test took for words', () => {
    // Generated at test time: 32 lowercase letters and digits, as many long-tail APIs issue.
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let dropped = 0;
    for (let i = 0; i < 2000; i++) {
      const value = Array.from(randomBytes(32), (b) => alphabet[b % 36]).join('');
      if (looksLikeIdentifier(value)) dropped++;
    }
    // 13% dropped before; the letter-pair test drops none of 5,000 in bench/generic-identifiers.mjs.
    expect(dropped).toBeLessThanOrEqual(2);
  });

  it.each([
    'generateEncryptionKeyBase64',
    'stringToUint8Array',
    'nextSetIndex',
    'congestionControlAlgorithm',
    'auth/invalid-api-key',
    // A list of names in keyscan's own published rules (`names: ['snowflake_password', 'snowflake_pass', …]`).
    'snowflake_pass',
    'snowsql-pwd',
    'SNOWFLAKE_PAT',
  ])('takes %s for an identifier', (value) => expect(looksLikeIdentifier(value)).toBe(true));

  // Typed by hand, stretch after stretch of the alphabet or the digits (`abc`, `XYZ`, `456`), with no
  // word and no run of 8 that the placeholder checks would catch.
  it.each(['7e4abcdef456Ghijkl789', 'Qm7xyzT9defRw2Kp', 'k9LmnoPq4rstUv8W'])('rejects typed stretches: %s', (value) =>
    expect(isNonSecretValue(value)).toBe(true),
  );

  it.each(['duffel_test_abc123', '4f2a9c.invoiceocean.com'])('rejects typed filler and host names: %s', (value) =>
    expect(isNonSecretValue(value)).toBe(true),
  );

  it('checks basic-auth and JWT shapes', () => {
    const basic = Buffer.from('deploy:s3cr3t-value').toString('base64');
    expect(VALIDATORS['basic-auth']({ secret: basic, before: '' })).toBe(true);
    const word = Buffer.from('information').toString('base64'); // "Basic information" in prose
    expect(VALIDATORS['basic-auth']({ secret: word, before: '' })).toBe(false);
    const part = (json: string): string => Buffer.from(json).toString('base64url');
    const payload = part('{"sub":"1"}');
    expect(VALIDATORS.jwt({ secret: `${part('{"alg":"HS256","typ":"JWT"}')}.${payload}.c2ln`, before: '' })).toBe(true);
    expect(VALIDATORS.jwt({ secret: `${part('{"foo":1}')}.${payload}.c2ln`, before: '' })).toBe(false);
  });

  it('holds an unnamed Discord bot token to a user ID in its first part', () => {
    const tail = `.Cl2FMQ.${'x'.repeat(27)}`;
    const id = (digits: string): string => Buffer.from(digits).toString('base64url');
    expect(VALIDATORS['discord-snowflake']({ secret: `${id('802315977440591872')}${tail}`, before: '' })).toBe(true);
    // A base64 run of letters, a user ID with a leading 0, or one too short is no bot token.
    expect(VALIDATORS['discord-snowflake']({ secret: `${id('9524@a7c1b2d3e4f5g6')}${tail}`, before: '' })).toBe(false);
    expect(VALIDATORS['discord-snowflake']({ secret: `${id('080231597744059187')}${tail}`, before: '' })).toBe(false);
    expect(VALIDATORS['discord-snowflake']({ secret: `${id('8023159774405')}${tail}`, before: '' })).toBe(false);
  });
});
