/**
 * Precision filters for the generic rules: a value next to a secret-looking name is only a
 * secret if the name really names a secret and the value really looks like one. Every check
 * here answers one kind of false positive measured on real code (see `npm run accuracy` and the
 * node_modules check in the README).
 */
import { ascendingRuns } from './placeholders.js';

/**
 * Names that contain a secret-ish word but name something else: identifiers, metadata about a
 * secret, pagination cursors, counters. Matched against the snake_cased name.
 */
const NOT_A_SECRET_NAME = [
  // …_id, …_type, …_path: the value describes a secret rather than being one.
  /(?:^|_)(?:ids?|type|types|name|names|path|paths|file|files|filename|dir|url|uri|urls|endpoint|host|len|length|count|size|ttl|timeout|expiry|expires|expires_at|expires_in|expiration|header|headers|hash|hashed|digest|sha\d*|md5|format|version|label|hint|placeholder|field|fields|prompt|message|msg|policy|regex|pattern|prefix|suffix|env|var|ref|arn|question|rotation|enabled|required|mode|strategy|provider|method|style|limit|min|max|minimum|maximum|rule|rules|error|errors|title|description|text|template|example|schema|class|kind|location|store|storage|manager|source|input|button|link|icon|id_token_hint|param|params|option|options|encoding|algorithm|alg|usage|status|state|valid|validity|expired|visible|visibility|length_min|length_max|spec|specs|size_bytes|arn|alias|usage)$/,
  // Pagination and protocol values that are called tokens but grant nothing.
  /(?:^|_)(?:next|page|continuation|pagination|cursor|csrf|xsrf|authenticity|sync|request|client_request|idempotency|resume|marker|start|end|max|num|total|used|input|output|prompt|completion|cache|reasoning|special|bos|eos|pad|unk|sep|mask|stop)_?tokens?(?:_|$)/,
  /(?:^|_)tokeni[sz]e/,
  /(?:^|_)(?:forgot|reset|confirm|confirmation|change|new|old|current|repeat|retype|verify|show|hide|toggle|strength|policy|expired|invalid|wrong|missing)_?password$/,
];

/** snake_case of the last name-like word in `before` (`"nextToken": "` → `next_token`). */
export function secretName(before: string): string {
  // `SECRET_KEY = b'…'`: a string prefix is not a word of the name.
  const words = before.replace(/(?:^|[^\w])[bBrRuUfF]{1,2}["'`]$/, '').match(/[A-Za-z0-9_.-]+/g) ?? [];
  // `key="Password" value="…"` and `- name: PASSWORD` / `value: …` name the secret one word earlier.
  if (words.length > 1 && words[words.length - 1] === 'value') words.pop();
  const last = words[words.length - 1] ?? '';
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[.-]+/g, '_');
}

export function isNonSecretName(name: string): boolean {
  if (NOT_A_SECRET_NAME.some((p) => p.test(name))) return true;
  // "pass" and "pwd" count only as words of their own (db_pass, dbPwd), not inside "bypass".
  return !name.split('_').some((part) => /^(?:pass|pwd)$|password|passwd|passphrase|secret|token|credential|key/.test(part));
}

/** Encrypted values and references to a secret store: where the secret lives, not the secret. */
const REFERENCES = [
  /^(?:ENC\[|ENC\(|\{cipher\}|\$ANSIBLE_VAULT|vault:v\d+:|AQICA)/, // sops, jasypt, Spring, Ansible, Vault transit, KMS ciphertext
  /^(?:op|sm|ssm|vault|awssm|gcpsm|azkv|secret|secrets|keyvault|akv|bws|doppler|infisical|k8s|kubernetes):\/?\//i,
  /^arn:aws:(?:secretsmanager|ssm|kms):/,
  /^projects\/[\w-]+\/secrets\//,
  /^@Microsoft\.KeyVault\(/,
  /^data:[\w.+-]+\/[\w.+-]+[;,]/, // data URIs
];

/**
 * The 200 most frequent letter pairs inside English words (93.5% of all pairs), counted over the
 * prose of the READMEs of 688 npm packages (code blocks left out): each letter, then the letters
 * that commonly follow it. A uniformly random pair is one of them 30% of the time, so the share
 * of common pairs tells words from random letters without a dictionary.
 */
const COMMON_PAIRS: ReadonlySet<string> = new Set(
  'a:bcdgilmnprstuvy b:aejloruy c:aehiklortu d:aeiosu e:acdeflmnpqrstvxy f:aeioru g:eiu h:aeiort i:abcdefglmnorstv j:e k:e l:adeilostuy m:aeimop n:acdefgilopstu o:bcdfgklmnoprstuvw p:aeloprstu q:u r:acdeimnorstuy s:acehiopstu t:acehioprstuy u:deilmnprst v:aei w:aehios x:p y:op'
    .split(' ')
    .flatMap((entry) => [...entry.slice(2)].map((next) => entry[0] + next)),
);

/**
 * Words, identifiers and type names: `SensitiveString2048`, `XmlStringMaxLen256`,
 * `rfc8693#section-2.1`. Their letters pair as English does (`Xml`, `String`, `section`); random
 * strings pair at random. Measured with bench/generic-identifiers.mjs on generated random values
 * and on 373k distinct identifiers of 12 to 60 characters from real code (bench/real-code.mjs's
 * node_modules and repositories): 96.2% of the identifiers drop, and at most 1.5% of random
 * base36, 0.9% of random base62 or base64url values of 12 characters, 0.5% of 20 and none from 40
 * on (the earlier vowel-ratio test dropped 88.0% of the identifiers, but also 20% of 12-character
 * and 13% of 32-character random base36 values: secrets missed).
 */
export function looksLikeIdentifier(value: string): boolean {
  if (/^[0-9a-f]+$/i.test(value)) return false; // hex is data, whatever words its letters spell
  // snake_case or kebab-case words in one letter case (`snowflake_pass`, `api-token`): a name. Random
  // base64url holds nothing but lowercase letters and separators once in ~10^5 at 12 characters.
  if (/^(?:[a-z]{2,}(?:[_-][a-z]{2,})+|[A-Z]{2,}(?:[_-][A-Z]{2,})+)$/.test(value)) return true;
  const runs = value.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  let letters = 0;
  let pairs = 0;
  let common = 0;
  let longest = 0;
  for (const run of runs) {
    letters += run.length;
    longest = Math.max(longest, run.length);
    const word = run.toLowerCase();
    for (let i = 1; i < word.length; i++) {
      pairs++;
      if (COMMON_PAIRS.has(word.slice(i - 1, i + 1))) common++;
    }
  }
  if (letters === 0) return true;
  const digits = value.replace(/[^0-9]/g, '').length;
  // An identifier carries a number or two between its words (`Uint8Array`, `oauth2_v1_client`);
  // random base36 scatters digits all through.
  const innerNumbers = value.match(/(?<=[A-Za-z])[0-9]+(?=[A-Za-z])/g)?.length ?? 0;
  // Six pairs at least: fewer is too little evidence either way (a random run may spell `Tip`).
  return digits <= letters && innerNumbers <= 2 && longest >= 4 && pairs >= 6 && common / pairs >= 0.7;
}

/**
 * Stretches of the alphabet or the digits in order, of 3+ characters in one letter case, that
 * make up a quarter of the value (`duffel_test_abc123`, `7e4abcdef456Ghijkl789…`): typed filler.
 * Where its letters no longer spell words the identifier test no longer catches it. Not for hex,
 * where a 3-character stretch comes once in 256 positions; in random base62 and base36 values,
 * two stretches in one value are about 1 in 2,000, and a quarter of the value far rarer.
 */
function hasTypedStretches(value: string): boolean {
  if (/^[0-9a-f]+$/i.test(value)) return false;
  const stretches = ascendingRuns(value).filter((n) => n >= 3);
  const covered = stretches.reduce((sum, n) => sum + n, 0);
  return stretches.length >= 2 && covered >= 6 && covered * 4 >= value.length;
}

/** `4f2a9c.invoiceocean.com`: a host name, where a service is, not how to get in. */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,6}$/;

/** Absolute, home-relative and dotted paths, and relative paths that end in a file name. */
function looksLikePath(value: string): boolean {
  if (/^(?:~|\.{1,2})?\/[\w.@/-]*$/.test(value) && !/[+=]/.test(value) && !hasRandomSegment(value)) return true;
  if (/^[A-Za-z]:\\/.test(value)) return true;
  return /^[\w.@-]+(?:\/[\w.@-]+)+\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(value);
}

/**
 * A segment of 24+ characters that mixes both cases and digits: base64 text that begins with `/`
 * (one random password in 64 does), not a directory or file name, which are words, dates or
 * single-case hashes.
 */
function hasRandomSegment(value: string): boolean {
  return value.split('/').some((seg) => seg.length >= 24 && /[a-z]/.test(seg) && /[A-Z]/.test(seg) && /\d/.test(seg));
}

/** `exports.foo`, `this.apiKey`, `ACL_GENPASS_1.default`, `@keys.last`, `Broker::INVALID`: code, not a value. */
function looksLikeMemberExpression(value: string): boolean {
  return /^[@$]?[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+(?:\(\)?)?$/.test(value) && !/[+/=]/.test(value);
}

/**
 * crypt(3)-style and framework password hashes (`$6$…`, `$2b$…`, `pbkdf2_sha256$…`): a hash,
 * not the password; the password-hash rules report them at their own severity.
 */
const PASSWORD_HASH =
  /^(?:\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?)\$|(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2|scrypt)\$)/;

/** Words that name a secret rather than being one, also when spelt in leetspeak (`p@ssw0rd`). */
const SECRET_WORDS = /password|passwd|secret|token|credential/i;

function deLeet(value: string): string {
  return value.replace(/[@4]/g, 'a').replace(/3/g, 'e').replace(/[1!]/g, 'i').replace(/0/g, 'o').replace(/[$5]/g, 's').replace(/7/g, 't');
}

/**
 * A value that is base64 of printable text is judged by that text: `alice:secret-passwd` and
 * `a-git-token` encoded are test values, not keys. Random keys decode to binary.
 */
function decodedText(value: string): string | undefined {
  if (value.length < 12 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

/** A secret-ish word, or two or more short words (`Node Redis`, `alice:a-git-token`). */
export function isWordyText(text: string): boolean {
  return SECRET_WORDS.test(text) || /^[A-Za-z]{1,12}(?:[-:_ .@][A-Za-z]{1,12})+$/.test(text);
}

/**
 * A query string of settings with no signature or secret in it (a SAS token's `st=…&se=…&sv=…`
 * without its `sig=`): start and expiry times, permissions, versions. Grants nothing by itself.
 */
function isSettingsQuery(value: string): boolean {
  if (!/^[\w.-]+=[^&=\s]*(?:&[\w.-]+=[^&=\s]*)+$/.test(value)) return false;
  return !/(?:^|&)[\w.-]*(?:sig|signature|token|key|secret|pass|pwd|auth|code|credential)[\w.-]*=/i.test(value);
}

/**
 * Names of credentials a service issues (`api_key`, `npmToken`, `x-api-key`), as opposed to
 * secrets people choose or generate with their own alphabet: passwords, `SECRET_KEY`s (Django's
 * generator draws from `!@#$%^&*(-_=+)`), WordPress's `AUTH_KEY` salts, signing and encryption keys.
 */
function namesIssuedCredential(name: string): boolean {
  return /token|api_?key/.test(name) && !/pass|pwd|secret|private|signing|encryption|master|session_key|salt|auth_key/.test(name);
}

/**
 * A character no issued credential is written with: services draw tokens from base64, base64url,
 * hex or base62, joined by `.`, `:`, `|`, `~`, `&`/`=` (signed query strings such as an Azure SAS)
 * and `%` escapes. `?`, `^`, `$`, `@`, `#`, `!`, `*`, parentheses, braces and commas come from a
 * person typing a value or a test corrupting one (other scanners' negative fixtures are exactly
 * that: `npmtoken = '3aAcac6c?9847-…'`). A bare `%` and square brackets stay allowed: other
 * scanners' positive fixtures for AccuWeather, Twitter and Salescookie carry them.
 */
export const NOT_ISSUED_CLASS = '?^$@#!*(){}<>,;\'"`\\\\';
const NOT_ISSUED_CHARACTER = new RegExp(`[${NOT_ISSUED_CLASS}]`);
/** A whole value an issuer could have written: none of those characters, no white space. */
export const ISSUED_VALUE = new RegExp(`^[^${NOT_ISSUED_CLASS}\\s]+$`);

/** A value under an issued credential's name, written with a character no issuer uses. */
export function isTypedForIssuedName(name: string, value: string): boolean {
  return namesIssuedCredential(name) && NOT_ISSUED_CHARACTER.test(value.replace(/\\\//g, '/'));
}

/** True when `value` (next to a secret-looking name) is evidently not a credential. */
export function isNonSecretValue(value: string): boolean {
  if (/^\d+(?:\.\d+)*$/.test(value)) return true; // numbers and versions
  // Cut short in a manual (`ops_eyJzaWdu...`, UTF-8 `…` seen byte by byte): not the whole value.
  if (/\.{3}|\xe2\x80\xa6/.test(value)) return true;
  if (/^(?:live|test)_pub_|^pk_(?:live|test)_/.test(value)) return true; // publishable keys, public by design
  if (isSettingsQuery(value)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true; // CONSTANT_NAMES (ECC_NIST_P521)
  if (REFERENCES.some((p) => p.test(value))) return true;
  if (looksLikePath(value) || looksLikeMemberExpression(value) || HOST_NAME.test(value)) return true;
  if (hasTypedStretches(value)) return true;
  if (PASSWORD_HASH.test(value) || SECRET_WORDS.test(deLeet(value))) return true;
  const decoded = decodedText(value);
  if (decoded !== undefined && isWordyText(decoded)) return true;
  return looksLikeIdentifier(value);
}

/**
 * The password half of a decoded `user:password` (HTTP Basic, npm `_auth`, docker `auth`) that
 * only a test or a manual would use: a word or words (`password`, `secret-passwd`, `pass`).
 */
export function isDummyPassword(password: string): boolean {
  return isWordyText(password) || /^(?:pass|pwd|pw|test|admin|user|guest|demo|foo|bar|changeme)\d*$/i.test(password);
}
