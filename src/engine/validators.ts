/**
 * Checks that a regular expression cannot express, referred to by name from a rule (the rule
 * stays plain data: `validator: 'github-checksum'`). Each receives the secret and the part of the
 * match that precedes it (the name in `name = value` rules).
 */
import { hasBase62Crc32 } from './checksum.js';
import { assignedName, isCredentialValue, isSecretName } from './credential-values.js';
import { isNonSecretName, isNonSecretValue, secretName } from './generic-value.js';

export interface Candidate {
  readonly secret: string;
  /** The text of the regex match before the secret (a variable name, a header, a prefix). */
  readonly before: string;
}

export type Validator = (candidate: Candidate) => boolean;

/** A base64 string decoded as latin1, or undefined when it is not valid base64. */
function decodeBase64(text: string): string | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]+$/.test(clean) || clean.length % 4 === 1) return undefined;
  return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
}

const isPrintable = (text: string): boolean => /^[\x20-\x7e]+$/.test(text);

export const VALIDATORS = {
  /** GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens: base62 CRC-32 tail. */
  'github-checksum': ({ secret }) => hasBase62Crc32(secret),
  /** `user:password` in base64 (HTTP basic auth, docker `auth`, npm `_auth`). */
  'basic-auth': ({ secret }) => {
    const decoded = decodeBase64(secret);
    if (decoded === undefined || !isPrintable(decoded)) return false;
    const colon = decoded.indexOf(':');
    return colon > 0 && decoded.length - colon - 1 >= 4;
  },
  /** A JWT's header is a base64url JSON object that names its algorithm. */
  jwt: ({ secret }) => {
    const header = decodeBase64(secret.slice(0, secret.indexOf('.')));
    if (header === undefined) return false;
    try {
      const parsed = JSON.parse(header) as unknown;
      return typeof parsed === 'object' && parsed !== null && ('alg' in parsed || 'typ' in parsed);
    } catch {
      return false;
    }
  },
  /** A value in a slot that a credential file reserves for one: anything but a reference or a placeholder. */
  'credential-value': ({ secret }) => isCredentialValue(secret),
  /** `NAME=value` in a credential file or committed env file: a secret's name, and a credential value. */
  'secret-name-value': ({ secret, before }) => isSecretName(assignedName(before)) && isCredentialValue(secret),
  /** The generic assignment rule: a name that names a secret, and a value that could be one. */
  'generic-secret': ({ secret, before }) => !isNonSecretName(secretName(before)) && !isNonSecretValue(secret),
} as const satisfies Record<string, Validator>;

export type ValidatorName = keyof typeof VALIDATORS;

export const VALIDATOR_NAMES = Object.keys(VALIDATORS) as ValidatorName[];

export function isValidatorName(name: unknown): name is ValidatorName {
  return typeof name === 'string' && Object.hasOwn(VALIDATORS, name);
}
