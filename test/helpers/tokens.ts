/**
 * Credentials for tests, generated at run time in the right shape. Nothing token-shaped is
 * committed: a random body from a fresh seed each run (or a fixed one where a test needs it).
 */
import { randomBytes } from 'node:crypto';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import { base62Crc32 } from '../../src/engine/checksum.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = `${ALNUM}+/`;
const B64URL = `${ALNUM}-_`;

const random = seededRandom(randomBytes(8).toString('hex'));
const pick = (alphabet: string, n: number): string => randomString(alphabet, n, random);
/**
 * `n` random digits without a run of six alike: keyscan reads such a run as typed filler
 * (engine/placeholders.ts), and about one random 12-digit ID in 8,000 has one, which made a test
 * that drew one fail now and then.
 */
const digits = (n: number): string => {
  for (;;) {
    const d = pick('0123456789', n);
    if (!/(\d)\1{5}/.test(d)) return d;
  }
};
/** 30 base62 characters (random after `start`) and their CRC32, as GitHub and npm issue them. */
const checksummed = (start = ''): string => {
  const body = start + pick(ALNUM, 30 - start.length);
  return body + base62Crc32(body);
};

export const tokens = {
  /** `start` fixes the first characters of the random part (a valid checksum either way). */
  githubPat: (start = ''): string => `ghp_${checksummed(start)}`,
  awsKeyId: (): string => `AKIA${pick(BASE32, 16)}`,
  awsSecret: (): string => pick(B64, 40),
  stripeLive: (): string => `sk_live_${pick(ALNUM, 32)}`,
  slackBot: (): string => `xoxb-${digits(12)}-${digits(13)}-${pick(ALNUM, 24)}`,
  anthropic: (): string => `sk-ant-api03-${pick(B64URL, 93)}AA`,
  openai: (): string => `sk-proj-${pick(B64URL, 74)}T3BlbkFJ${pick(B64URL, 74)}`,
  npm: (start = ''): string => `npm_${checksummed(start)}`,
  privateKey: (): string =>
    `-----BEGIN RSA PRIVATE KEY-----\n${[0, 1, 2, 3].map(() => pick(B64, 64)).join('\n')}\n-----END RSA PRIVATE KEY-----`,
};

/** Every 8-character slice of a secret: none may appear in output that should be redacted. */
export function slices(secret: string, width = 8): string[] {
  const out: string[] = [];
  for (let i = 0; i + width <= secret.length; i++) out.push(secret.slice(i, i + width));
  return out;
}

/** The part of a secret that redaction must hide: without its public prefix or PEM armour. */
export function secretBody(secret: string): string {
  const prefix = /^(?:ghp_|github_pat_|sk-ant-api03-|sk-proj-|sk_live_|xoxb-|npm_|AKIA)/.exec(secret)?.[0] ?? '';
  return secret.slice(prefix.length).replace(/-----[A-Z ]+-----/g, '');
}
