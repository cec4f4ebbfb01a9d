/**
 * Values that look like secrets but are not: references to where the real secret lives,
 * template slots, documented example keys and typed-out dummies. Each pattern is anchored or
 * specific enough that a random token of 16+ characters is practically never caught by it.
 */

/** The whole value is a reference or a template slot. */
const REFERENCE = [
  /^\$\{[^}]*\}$/, // ${VAR}
  /^\$\(.*\)$/, // $(command)
  /^\$[A-Z_][A-Z0-9_]*$/i, // $VAR
  /^%[A-Z_][A-Z0-9_]*%$/i, // %VAR%
  /^\{\{.*\}\}$/s, // {{ template }}
  /^\{%.*%\}$/s,
  /^<[^<>]*>$/, // <TOKEN>
  /^\[[^[\]]*\]$/, // [TOKEN]
  /^#\{.*\}$/, // #{ruby}
  /^%\([\w.]+\)[sd]$/, // %(name)s
  /(?:^|[^\w])(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|System\.getenv|ENV\[|Deno\.env|secrets\.|vault:|ssm:|arn:aws:secretsmanager)/,
];

/** Words people type where a secret should go. */
const DUMMY_WORDS =
  /example|placeholder|your[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass)|_here\b|here_|changeme|change[_-]me|redacted|dummy|sample[_-]?(?:key|token|secret)|insert[_-]?(?:your|key|token)|replace[_-]?(?:me|with)|not[_-]?a[_-]?real|fake[_-]?(?:key|token|secret)|(?:key|token|secret)[_-]?goes[_-]?here/i;

/** Documented example credentials (AWS's docs, for one); compared in full. */
const KNOWN_EXAMPLES = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', '9876543210'];

/** True when `value` is a reference, template, example or dummy rather than a credential. */
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  if (KNOWN_EXAMPLES.has(value)) return true;
  for (const pattern of REFERENCE) if (pattern.test(value)) return true;
  if (DUMMY_WORDS.test(value)) return true;
  return isTypedFiller(value);
}

/** `xxxxxxxx`, `********`, `abcdef…`, `123456…`: filler, not randomness. */
function isTypedFiller(value: string): boolean {
  const body = value.replace(/^[a-z]{1,8}[_-](?:[a-z]{2,8}[_-])?/i, ''); // drop a prefix like sk_live_
  if (body.length === 0) return true;
  // Long runs of one character; short secrets only, as real key material (DER padding) has them.
  if (value.length < 100 && /(.)\1{5,}/.test(body)) return true;
  const lower = body.toLowerCase();
  for (const seq of SEQUENCES) {
    if (lower.length >= 6 && seq.includes(lower)) return true;
    if (lower.includes(seq.slice(0, 8))) return true;
  }
  // Mostly one character.
  const counts = new Map<string, number>();
  for (const c of body) counts.set(c, (counts.get(c) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return body.length >= 8 && top / body.length > 0.6;
}
