import { base62Crc32 } from '../engine/checksum.js';

/**
 * Expands example templates. The catalogue never holds a token-shaped string: `{{alnum:36}}` turns
 * into 36 random characters at test time, from a seed, so runs are reproducible.
 */

const CLASSES: Readonly<Record<string, string>> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  upalnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  lowalnum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  b64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  lowbase32: 'abcdefghijklmnopqrstuvwxyz234567',
  /** Django's get_random_secret_key() alphabet. */
  django: 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)',
  /** WordPress's secret-key alphabet (wp_generate_password with special characters). */
  wpsalt: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|',
  /** Bech32's data alphabet, upper case (age secret keys). */
  bech32up: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
};

export const TEMPLATE = /\{\{([A-Za-z0-9]+):(\d+)\}\}/g;

/** A small deterministic PRNG (mulberry32): examples must be the same on every run. */
export function seededRandom(seedText: string): () => number {
  let seed = 2166136261;
  for (let i = 0; i < seedText.length; i++) seed = Math.imul(seed ^ seedText.charCodeAt(i), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomString(alphabet: string, length: number, random: () => number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Generated classes that are more than random characters. */
const GENERATORS: Readonly<Record<string, (count: number, random: () => number) => string>> = {
  /** n random base62 characters followed by their 6-character CRC-32 (GitHub, npm). */
  crc62: (count, random) => {
    const body = randomString(CLASSES.alnum as string, count, random);
    return body + base62Crc32(body);
  },
  /** A password a person might choose: letters, digits and punctuation. */
  password: (count, random) => randomString(`${CLASSES.alnum}!#%&*+-.:=?@^_~`, count, random),
};

/** `{{base64}}…{{/base64}}`: the enclosed (already expanded) text, base64-encoded. */
const BASE64_BLOCK = /\{\{base64(url)?\}\}([\s\S]*?)\{\{\/base64(?:url)?\}\}/g;

/**
 * Expands every `{{class:n}}` in `template`, then encodes `{{base64}}…{{/base64}}` blocks.
 * Throws on an unknown class so typos fail loudly.
 */
export function expandExample(template: string, random: () => number): string {
  const expanded = template.replace(TEMPLATE, (_all, name: string, count: string) => {
    const generate = GENERATORS[name];
    if (generate !== undefined) return generate(Number(count), random);
    const alphabet = CLASSES[name];
    if (alphabet === undefined) throw new Error(`unknown example class {{${name}:…}}`);
    return randomString(alphabet, Number(count), random);
  });
  return expanded.replace(BASE64_BLOCK, (_all, url: string | undefined, text: string) =>
    Buffer.from(text, 'utf8').toString(url ? 'base64url' : 'base64'),
  );
}
