/**
 * Checks that a regular expression cannot express, referred to by name from a rule (the rule
 * stays plain data: `validator: 'github-checksum'`). Each receives the secret and the part of the
 * match that precedes it (the name in `name = value` rules).
 */
import { hasBase62Crc32 } from './checksum.js';
import {
  assignedName,
  isConnectionPassword,
  isCredentialValue,
  isGeneratedValue,
  isSecretName,
  isTypedPassword,
} from './credential-values.js';
import { isDummyPassword, isNonSecretName, isNonSecretValue, isTypedForIssuedName, secretName } from './generic-value.js';
import { isExamplePath, isIllustrative, isIllustrativePath, isTestPath } from './path-context.js';
import { isPlaceholder } from './placeholders.js';
import { assignedValue } from './value-syntax.js';

export interface Candidate {
  readonly secret: string;
  /** The text of the regex match before the secret (a variable name, a header, a prefix). */
  readonly before: string;
  /** The fragment's repository-relative path (none for free text). */
  readonly path?: string | undefined;
  /** Its line up to the match (up to 120 characters; a NUL first when the line starts farther back). */
  readonly lineHead?: string;
}

export type Validator = (candidate: Candidate) => boolean;

/** A base64 string decoded as latin1, or undefined when it is not valid base64. */
function decodeBase64(text: string): string | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]+$/.test(clean) || clean.length % 4 === 1) return undefined;
  return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
}

const isPrintable = (text: string): boolean => /^[\x20-\x7e]+$/.test(text);

/** `text` parsed as a JSON object, or undefined when it is none. */
function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'latin1').toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `%2D`-style escapes decoded; the text unchanged when it holds a malformed escape. */
function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A SAS `sip`: one IPv4 address, an IPv4 range `a-b`, or an IPv6 address. */
function isSasIpRange(value: string): boolean {
  if (value.includes(':')) return /^[0-9A-Fa-f:.]{2,45}$/.test(value);
  const parts = value.split('-');
  return parts.length <= 2 && parts.every((p) => IPV4.test(p));
}

/** A credential slot's value: a credential, and in a test's, a manual's or a template's file, not a typed word. */
const isSlotCredential = (secret: string, path: string | undefined): boolean =>
  isCredentialValue(secret) && !(isIllustrativePath(path) && isTypedPassword(secret));

/** The generic rules' judgement: a name that names a secret, and a value that could be one under it. */
const isGenericSecret = (name: string, secret: string): boolean =>
  !isNonSecretName(name) && !isNonSecretValue(secret) && !isTypedForIssuedName(name, secret);

export const VALIDATORS = {
  /** GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens: base62 CRC-32 tail. */
  'github-checksum': ({ secret }) => hasBase62Crc32(secret),
  /** `user:password` in base64 (HTTP basic auth, docker `auth`, npm `_auth`). */
  'basic-auth': ({ secret }) => {
    const decoded = decodeBase64(secret);
    if (decoded === undefined || !isPrintable(decoded)) return false;
    const colon = decoded.indexOf(':');
    if (colon <= 0 || decoded.length - colon - 1 < 4) return false;
    // `alice:secret-passwd`, `user:password`: a test's or a manual's credentials, not a leak.
    const password = decoded.slice(colon + 1);
    return !isDummyPassword(password) && !isPlaceholder(password);
  },
  /**
   * A JWT's header is a base64url JSON object that names its algorithm, and its payload a JSON
   * object of claims (RFC 7519 §7.2), not the jwt.io sample's made-up subject.
   */
  jwt: ({ secret }) => {
    const [header, payload] = secret.split('.').map((part) => jsonObject(decodeBase64(part)));
    if (header === undefined || !('alg' in header || 'typ' in header) || payload === undefined) return false;
    return !(payload.sub === '1234567890' && payload.name === 'John Doe');
  },
  /**
   * A rule that needs its provider named nearby (its keyword): when the match's line names it
   * only inside another word (`rookTable` holds "okta"), that is no naming. The name as a word or
   * a camel-case part (`OKTA_TOKEN`, `myOktaToken`), the SSWS scheme, or no mention on the line
   * (the name is on a line above) all pass.
   */
  'okta-named': ({ lineHead }) => {
    const head = lineHead ?? '';
    return !/okta/i.test(head) || /(?:^|[^A-Za-z])[Oo][Kk][Tt][Aa]|[a-z]Okta|OKTA|[Ss][Ss][Ww][Ss]/.test(head);
  },
  /**
   * An Azure SAS whose parameters Azure would accept: `sp` only of the permission letters the
   * Storage, account and user delegation SAS documents define (r a c w d x y l t f m e o p i u),
   * and `sip` an IPv4 address or range (or an IPv6 address). A SAS with any other letter or a
   * malformed IP is refused by the service, so its `sig` grants nothing. The parameters may stand
   * before the matched `sv=` (in the line's head) or inside the match.
   */
  'azure-sas': ({ before, lineHead }) => {
    for (const text of [lineHead ?? '', before]) {
      for (const m of text.matchAll(/(?:^|[?&=\s"'])(sp|sip)=([^&\s"'<>]*)/g)) {
        const value = decodeURIComponentSafe(m[2] ?? '');
        if (m[1] === 'sp' ? !/^[racwdxyltfmeopiu]+$/.test(value) : !isSasIpRange(value)) return false;
      }
    }
    return true;
  },
  /**
   * A Discord bot token's first part is the base64 of the bot's user ID, a snowflake of 17 to 20
   * decimal digits (the developer docs' example token has that shape): any other base64 run with
   * two dots after it is no bot token.
   */
  'discord-snowflake': ({ secret }) => /^[1-9][0-9]{16,19}$/.test(decodeBase64(secret.slice(0, secret.indexOf('.'))) ?? ''),
  /**
   * A token that carries a base64 JSON object between its prefix's `_` and the next `_`
   * (Sentry's `sntrys_<base64 JSON of iat, url, org…>_<secret>`): not any base64 run there.
   */
  'json-payload': ({ secret }) => {
    const rest = secret.slice(secret.indexOf('_') + 1);
    const end = rest.indexOf('_');
    return end > 0 && jsonObject(decodeBase64(rest.slice(0, end))) !== undefined;
  },
  /**
   * A value in a slot that a credential file reserves for one: anything but a reference or a
   * placeholder, and in a test's, a manual's or a template's file, not a typed word (`hunter42`).
   */
  'credential-value': ({ secret, path }) => isSlotCredential(secret, path),
  /** `NAME=value` in a credential file or committed env file: a secret's name, and a credential value. */
  'secret-name-value': ({ secret, before, path }) => isSecretName(assignedName(before)) && isSlotCredential(secret, path),
  /**
   * A value after a command's option or variable: as `credential-value`, and after a token's or
   * key's option (`--token=`, `--api-key`), a generated value, not a word (`--token=ping`).
   */
  'command-credential': ({ secret, before, path }) =>
    isSlotCredential(secret, path) && (!/(?:token|key|secret)[ \t]*[= \t][ \t]*["']?$/i.test(before) || isGeneratedValue(secret)),
  /** A slot only generated values fill (Django's SECRET_KEY): not a word or a phrase (`'development key'`). */
  'generated-value': ({ secret, path }) => isSlotCredential(secret, path) && isGeneratedValue(secret),
  /**
   * The password of a connection URL: not a word naming a password, nor the user or scheme repeated,
   * and in a test, a manual, a template or a comment, not a typed word (`someuser:somepassword`).
   */
  'connection-password': ({ secret, before, path, lineHead }) => isConnectionPassword(secret, before, isIllustrative(path, lineHead ?? '')),
  /**
   * Not an illustration: outside tests, manuals and templates, and not on a comment line that
   * shows a call's output (`# => "$2a$04$…"`, `# pwdhash => "$6$…"`).
   */
  'outside-examples': ({ path, lineHead }) => !isExamplePath(path) && !/^[ \t]*(?:#|\/\/|\*)[^\n]*=>/.test(lineHead ?? ''),
  /** The generic assignment rule: a name that names a secret, and a value that could be one. */
  'generic-secret': ({ secret, before }) => isGenericSecret(secretName(before), secret),
  /**
   * The generic rule, whose pattern ends where the value starts: the value is read by its syntax
   * ({@link VALUE_SYNTAX}), then judged as `generic-secret` does. Not in test suites: there a
   * value with no provider's format is one the test made up to exercise code, and entropy cannot
   * tell it from a real one (provider rules, private keys and credential files still run there).
   */
  'assigned-value': ({ secret, before, path }) =>
    secret.length >= 12 && secret.length <= 200 && !isTestPath(path) && isGenericSecret(secretName(before), secret),
} as const satisfies Record<string, Validator>;

export type ValidatorName = keyof typeof VALIDATORS;

/**
 * Validators that check a value's documented format, not its context (a name, a path, a
 * comment): a value one of them rejects is no credential of that shape, and a generic rule that
 * reads the same value under a secret's name does not report it either.
 */
export const FORMAT_VALIDATORS: ReadonlySet<string> = new Set<ValidatorName>(['jwt', 'json-payload', 'azure-sas']);

export const VALIDATOR_NAMES = Object.keys(VALIDATORS) as ValidatorName[];

export function isValidatorName(name: unknown): name is ValidatorName {
  return typeof name === 'string' && Object.hasOwn(VALIDATORS, name);
}

/**
 * Where the value of a match really ends, for rules whose pattern only finds where it starts:
 * such a pattern ends with the value's first character (its `secret` group, which the engine
 * then does not need to locate). [start, end), or undefined for no value.
 */
export type ValueSyntax = (text: string, matchStart: number, valueStart: number) => [number, number] | undefined;

export const VALUE_SYNTAX: Partial<Record<ValidatorName, ValueSyntax>> = { 'assigned-value': assignedValue };
