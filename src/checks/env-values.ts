/**
 * Decides whether a value in an env template is a placeholder or looks like a real credential.
 * Pure. Values that a catalogue rule recognises are reported by that rule; this module is about
 * the rest: random-looking strings that no rule knows.
 */
import { shannonEntropy } from '../engine/entropy.js';
import { isPlaceholder as isEnginePlaceholder } from '../engine/placeholders.js';

/** A placeholder pattern: a RegExp, or a string compiled as a case-insensitive one. */
export type PlaceholderPattern = RegExp | string;

/**
 * What templates may hold instead of a value, tested against the whole (unquoted, trimmed) value.
 * On top of these, the scanner's own placeholder logic always applies: references (`${VAR}`,
 * `$(cmd)`, `<TOKEN>`, `{{ x }}`), dummy words (`example`, `placeholder`, `changeme`, `dummy`,
 * `your_key_here`), typed filler (`xxxx`, `****`, `abcdef…`, `123456…`) and documented example keys.
 * Extend it with `[...DEFAULT_ENV_PLACEHOLDERS, /^acme_demo_/]`.
 */
export const DEFAULT_ENV_PLACEHOLDERS: readonly RegExp[] = [
  // Words people leave in templates.
  /^(?:change[_-]?(?:me|it|this)|todo|tbd|fixme|none|null|nil|undefined|empty|unset|n\/?a|true|false|yes|no|on|off)$/i,
  /^(?:secret|password|passwd|pass|token|key|value|foo|bar|baz|qux|test|testing|tests|dev|development|local|localhost|default|demo|stub)$/i,
  // your_api_key, your-token-here, YOUR_SECRET…
  /^your[_\-. ]/i,
  // <...>, [...], ..., …
  /^(?:<.*>|\[.*\]|\.{3,}|…)$/,
  // ${VAR} and ${VAR:-default}
  /^\$\{[^}]*\}$/,
  // xxx…, XXXX-XXXX, ***, ---, 000…
  /^(?:[xX*#._-]{3,}|0{4,})$/,
  // A provider's test-mode prefix with an obviously fake body: sk_test_example, pk_test_xxx, rk_test_your_key
  /^[a-z]{2,5}_test_(?:[a-z]+_?)*$/i,
  // Any value that says it is not real.
  /example|placeholder|dummy|sample|not[_-]?(?:a[_-]?)?real|fake|mock|redacted|replace/i,
];

/** Compiles configured patterns: strings become case-insensitive RegExps. */
export function compilePlaceholders(patterns: readonly PlaceholderPattern[]): RegExp[] {
  return patterns.map((p) => (typeof p === 'string' ? new RegExp(p, 'i') : new RegExp(p.source, p.flags.replace(/[gy]/g, ''))));
}

/** Why a template value is not acceptable, or undefined when it is fine. */
export type ValueVerdict = 'high-entropy' | 'url-password' | undefined;

/** Names whose values are credentials: a lower bar applies to them. */
const SECRET_NAME = /pass|pwd|secret|token|key|auth|credential|private|salt|signature|cookie|session|cert|api/i;

/**
 * Judges one template value. `placeholders` are compiled patterns (see {@link compilePlaceholders}).
 * A value is fine when it is empty, a placeholder, or nothing in it looks like a random string.
 */
export function judgeTemplateValue(name: string, value: string, placeholders: readonly RegExp[]): ValueVerdict {
  const trimmed = value.trim();
  if (isPlaceholderValue(trimmed, placeholders)) return undefined;
  // PEM blocks: a private key is the catalogue's (private-key); a certificate is public.
  if (trimmed.includes('-----BEGIN')) return undefined;
  const secretName = SECRET_NAME.test(name);
  for (const token of trimmed.split(/[\s,;]+/)) {
    const verdict = judgeToken(token.replace(/^["'`([{]+|["'`)\]}]+$/g, ''), secretName, placeholders);
    if (verdict !== undefined) return verdict;
  }
  return undefined;
}

export function isPlaceholderValue(value: string, placeholders: readonly RegExp[]): boolean {
  if (value === '') return true;
  for (const p of placeholders) if (p.test(value)) return true;
  return isEnginePlaceholder(value);
}

function judgeToken(token: string, secretName: boolean, placeholders: readonly RegExp[]): ValueVerdict {
  if (token === '' || isPlaceholderValue(token, placeholders)) return undefined;
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(token);
  if (url !== null) {
    const password = (url[1] ?? '').split(':').slice(1).join(':');
    return password !== '' && !isPlaceholderValue(password, placeholders) && looksRandom(password, true) ? 'url-password' : undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token)) return undefined; // a URL without credentials
  return looksRandom(token, secretName) ? 'high-entropy' : undefined;
}

/** Lowercase host names (`cdn.example.org`, `x-1.apps.googleusercontent.com`) are addresses, not secrets. */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\.?(?::\d+)?$/;
const PATH = /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION_OR_DATE = /^v?\d+(?:[.:\-/]\d+)+(?:[-+.][0-9A-Za-z.+-]+)?$/;

/**
 * Whether `token` looks like a random secret rather than a word, name, address or number.
 * Secrets under credential-like names are judged from 12 characters, others from 20.
 */
export function looksRandom(token: string, secretName: boolean): boolean {
  if (token.length < (secretName ? 12 : 20)) return false;
  if (/\s/.test(token)) return false;
  if (HOST.test(token) || PATH.test(token) || EMAIL.test(token) || VERSION_OR_DATE.test(token)) return false;
  if (/^\d+$/.test(token)) return false;
  if (UUID.test(token)) return secretName;
  // Separated words and numbers (my-app-uploads-2024, Europe/Berlin, INFO_LEVEL) are not random:
  // a random string has at least one segment that mixes letters with digits or cases.
  const segments = token.split(/[-_./:]+/).filter((s) => s !== '');
  if (segments.every((s) => /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|\d+)$/.test(s))) return false;
  // camelCase and PascalCase words (MyVeryLongApplicationName) come in long pieces; random
  // strings change between cases and digits every one or two characters.
  const pieces = token.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|\d+/g) ?? [];
  const letters = pieces.reduce((n, p) => n + p.length, 0);
  if (pieces.length > 0 && letters / pieces.length >= 4) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(token)).length;
  if (classes < 2) return false;
  const entropy = shannonEntropy(token);
  if (/^[0-9a-f]+$/i.test(token)) return entropy >= 3;
  return entropy >= (token.length >= 20 ? 3.5 : 3);
}
