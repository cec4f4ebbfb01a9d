/**
 * Judgement for values found where the file's format already says they are credentials (a
 * `.pgpass` line, a `password` key in a committed `.env`, `sshpass -p`): any value counts, whatever
 * its entropy (`admin` is a leaked password there), unless it is no value at all: empty, a
 * reference to where the real one lives, a template slot, or a placeholder the tool itself writes.
 * The value alone is judged, never the lines around it (a PuTTY key's `Comment: dummy-key`); only
 * where the file is a test's, a manual's or a template, a typed word (`hunter42`) is no credential.
 */
import { isDummyPassword } from './generic-value.js';

/** Starts of references and template expressions: `$VAR`, `${VAR}`, `$(cmd)`, `%VAR%`, `{{ x }}`, `<%= x %>`, `#{x}`. */
const REFERENCE_START = /^(?:\$|%[\w(]|\{\{|\{%|<%|#\{|`|@@|!vault|ENC\[|vault:|op:\/\/|ssm:|arn:aws:secretsmanager|secret:\/\/|file:)/i;

/** Words that stand for "no value". */
const NO_VALUE = /^(?:null|nil|none|undefined|empty|unset|true|false|yes|no|on|off|~|-|n\/?a|todo|tbd|fixme|\*+|x+|\.{2,}|…)$/i;

/** Placeholders the tools write into their own templates (wp-config-sample.php, .env.example, docs). */
const TOOL_PLACEHOLDERS =
  /^(?:put your unique phrase here|password_here|yourpasswordhere|your[-_ ]?password|your[-_ ]?(?:secret|token|key|api[-_ ]?key)|changeme|change[-_ ]?(?:me|it|this)|secret[-_ ]?here|<[^<>]*>|\[[^[\]]*\]|\(?redacted\)?|hidden|masked)$/i;

/**
 * A file system path (a key file's location is not the key): `/etc/ssl/x.key`, `./secrets/db`,
 * `~/.ssh/id`, `C:\x`. An absolute path must look like one (a known top directory or a file
 * extension): base64 secrets start with `/` too.
 */
const FILE_PATH =
  /^(?:\.{1,2}\/|~\/|[A-Za-z]:\\|\/(?:etc|home|var|run|opt|usr|srv|tmp|root|Users|mnt|data|secrets|config|app|workspace|builds?)\/|\/[\w./-]*\.(?:key|pem|crt|cer|json|txt|p12|pfx|jks|gpg|asc|ppk|conf|cfg)$)/;

/**
 * Whether `value`, found in a credential slot, is a credential (anything but the non-values above).
 * Quotes around it are removed first.
 */
export function isCredentialValue(value: string): boolean {
  const v = value.trim().replace(/^(["'])(.*)\1$/s, '$2');
  if (v.length < 3) return false;
  if (REFERENCE_START.test(v) || NO_VALUE.test(v) || TOOL_PLACEHOLDERS.test(v) || FILE_PATH.test(v)) return false;
  return true;
}

/**
 * Parts of variable names that hold a credential. `PWD` alone is the shell's working directory,
 * and `*_KEY` must end the name (`KEYBOARD_LAYOUT`, `KEY_FILE` are not keys).
 */
const SECRET_NAME =
  /(?:pass(?:word|wd|phrase)?$|password|passwd|passphrase|secret|token|credential|_key$|^key$|apikey|api_key|private_?key|access_?key|auth$|_auth_|dsn$|_pwd$|_pw$|^pwd_|db_pwd|salt$|signing_?key|encryption_?key|cookie_?secret|session_?secret)/i;

/**
 * Name endings that say the value is about a secret, not the secret: where it is, how it is
 * named or used, its lifetime, or a public half (`*_PUBLIC_KEY`, `*_PUBLISHABLE_KEY`).
 */
const NOT_A_SECRET_NAME =
  /(?:_|^)(?:url|uri|endpoint|host|hostname|port|path|file|dir|directory|name|user|username|login|id|ttl|expiry|expires?|expiration|lifetime|timeout|length|size|min|max|type|algorithm|algo|alg|enabled|required|version|prefix|header|field|mode|region|provider|driver|store|cache|table|method|scheme|format|policy|rotation|count|limit|retries|interval|arn)$|public|publishable|(?:^|_)pub_|_hint$|_reset|_regex|_pattern|_rule|_grant/i;

/** Whether a variable named `name` holds a credential (the name alone). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_SECRET_NAME.test(name) && !/^(?:old)?pwd$/i.test(name);
}

/** The last name in `before` (the text of a match up to its value): `export DB_PASSWORD="` → `DB_PASSWORD`. */
export function assignedName(before: string): string {
  const m = /([A-Za-z_][\w.-]*)["']?\s*(?:=|:|=>)?\s*["']?$/.exec(before.trimEnd());
  return m?.[1] ?? '';
}

/**
 * What placeholder judgement looks at for `secret`: a PEM or PGP block's key material alone,
 * without its BEGIN/END lines and armour headers (`Comment: … <jane@example.org>` says nothing
 * about whether the key is real); anything else as it is.
 */
export function keyMaterial(secret: string): string {
  if (!secret.startsWith('-----BEGIN')) return secret;
  const material = secret
    .split(/\r?\n|\\n/)
    .filter((line) => !line.startsWith('-----') && !/^[A-Za-z-]+: /.test(line))
    .join('');
  // A body cut short in a manual (`MIIEpQIBAAKCAQEAuyf/lNrH9ck8...`) is no usable key: no material.
  return /\.\.\./.test(material) ? '' : material;
}

/** `%3F` → `?`; text that is not valid percent-encoding is judged as it is. */
function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Words that name a password rather than being one (`somepassword`, `passwd-on-proxy`, `cachepass`). */
const PASSWORD_WORD = /pass|pwd|secret|token|credential/;

/**
 * A lowercase word or words naming a password, with at most a few digits after it:
 * `somepassword`, `password12345`, `authpassword`, `passwd-on-proxy`, `cachepass`. Typed for a
 * manual or a test, never generated; a person's real password of this shape is left to the
 * committed-config rules, which report any value.
 */
export function isPasswordWord(value: string): boolean {
  return /^[a-z]+(?:[-_.][a-z]+)*\d{0,8}$/.test(value) && PASSWORD_WORD.test(value);
}

/**
 * Typed for the occasion: a word or words (any case, `-_.+ ` between them) with at most a few
 * digits and `!?.` after them (`hunter42`, `foobar`, `one+two?`, `other_password`), or one of the
 * usual dummies. Random and generated values have digits or symbols inside them.
 */
export function isTypedPassword(value: string): boolean {
  const v = percentDecoded(value);
  return /^[A-Za-z]+(?:[-_.+ ][A-Za-z]+)*\d{0,6}[!?.]{0,3}$/.test(v) || isDummyPassword(v);
}

/**
 * Whether the password of a connection URL (`scheme://user:password@host`) is a credential rather
 * than an illustration: not a word naming a password (anywhere), not the user name or the scheme
 * repeated (`mongodb://mongodb:mongodb@…`, a local default), and in a test, a manual, a template or
 * a comment, not a typed word at all (`someuser:somepassword` in a README is an example). Committed
 * env and config files have their own rule, which reports any value (`admin` is a leak there).
 */
export function isConnectionPassword(password: string, before: string, illustrative: boolean): boolean {
  const p = percentDecoded(password);
  if (isPasswordWord(p)) return false;
  const m = /([a-z][a-z0-9+.-]*):\/\/([^/:@\s]*):$/i.exec(before);
  if (m !== null) {
    const scheme = (m[1] as string).toLowerCase().replace(/\+.*$/, '');
    const user = percentDecoded(m[2] as string).toLowerCase();
    if (p.toLowerCase() === user || p.toLowerCase() === scheme) return false;
  }
  return !(illustrative && isTypedPassword(p));
}

/**
 * A value in a slot that only generated values fill (an API token, Django's SECRET_KEY): not a
 * plain word or a phrase of words (`--token=ping`, `SECRET_KEY = 'development key'`).
 */
export function isGeneratedValue(value: string): boolean {
  const v = value.trim().replace(/^(["'])(.*)\1$/s, '$2');
  if (!isCredentialValue(v)) return false;
  return !/^[A-Za-z]{1,15}$|^[A-Za-z]+(?:[ ]+[A-Za-z]+)+$/.test(v) && !isPasswordWord(v);
}
