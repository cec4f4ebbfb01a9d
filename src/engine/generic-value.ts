/**
 * Precision filters for the generic rules: a value next to a secret-looking name is only a
 * secret if the name really names a secret and the value really looks like one. Every check
 * here answers one kind of false positive measured on real code (see `npm run accuracy` and the
 * node_modules check in the README).
 */

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
 * Words, identifiers and type names: `SensitiveString2048`, `XmlStringMaxLen256`,
 * `rfc8693#section-2.1`. They are made of pronounceable words (`Xml`, `String`, `section`);
 * random strings break into short runs of letters with few such words (measured on random
 * alphanumeric and password-like values: under a third of their letters).
 */
export function looksLikeIdentifier(value: string): boolean {
  if (/^[0-9a-f]+$/i.test(value)) return false; // hex is data, whatever words its letters spell
  const runs = value.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  let letters = 0;
  let wordy = 0;
  let longest = 0;
  for (const run of runs) {
    letters += run.length;
    if (run.length >= 3 && /^[A-Z]?[a-z]+$/.test(run) && (isPronounceable(run) || /^[A-Z][a-z]{2}$/.test(run))) {
      wordy += run.length;
      longest = Math.max(longest, run.length);
    }
  }
  if (letters === 0) return true;
  const digits = value.replace(/[^0-9]/g, '').length;
  // Random text has short runs that may happen to be pronounceable; a real word of five or
  // more letters among them is rare (a 5-letter lowercase run in random base62 is about 3%).
  return digits <= letters && longest >= 5 && wordy / letters >= 0.7;
}

function isPronounceable(word: string): boolean {
  const lower = word.toLowerCase();
  if (word.length <= 3) return /[aeiouy]/.test(lower);
  const vowels = lower.replace(/[^aeiouy]/g, '').length;
  return vowels / lower.length >= 0.15 && !/[^aeiouy]{5,}/.test(lower) && !/[aeiouy]{4,}/.test(lower);
}

/** Absolute, home-relative and dotted paths, and relative paths that end in a file name. */
function looksLikePath(value: string): boolean {
  if (/^(?:~|\.{1,2})?\/[\w.@/-]*$/.test(value) && !/[+=]/.test(value)) return true;
  if (/^[A-Za-z]:\\/.test(value)) return true;
  return /^[\w.@-]+(?:\/[\w.@-]+)+\.[A-Za-z][A-Za-z0-9]{0,5}$/.test(value);
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

/** True when `value` (next to a secret-looking name) is evidently not a credential. */
export function isNonSecretValue(value: string): boolean {
  if (/^\d+(?:\.\d+)*$/.test(value)) return true; // numbers and versions
  // Cut short in a manual (`ops_eyJzaWdu...`, UTF-8 `…` seen byte by byte): not the whole value.
  if (/\.{3}|\xe2\x80\xa6/.test(value)) return true;
  if (/^(?:live|test)_pub_|^pk_(?:live|test)_/.test(value)) return true; // publishable keys, public by design
  if (isSettingsQuery(value)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true; // CONSTANT_NAMES (ECC_NIST_P521)
  if (REFERENCES.some((p) => p.test(value))) return true;
  if (looksLikePath(value) || looksLikeMemberExpression(value)) return true;
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
