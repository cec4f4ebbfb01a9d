/**
 * Values that look like secrets but are not: references to where the real secret lives,
 * template slots and typed-out dummies (documented example keys are listed in rules/examples.ts). Each pattern is anchored or
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

/** Counting runs; `1234567890` is the keyboard's digit row. */
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', '9876543210', '1234567890'];

/** Runs people type in order: the alphabet, digits, keyboard rows, shifted digits. */
const TYPED_RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  '9876543210',
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '!@#$%^&*()',
];

/** True when `value` is a reference, template, example or dummy rather than a credential. */
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
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
  if (isTypedSequence(lower) || hasTypedRun(lower) || isPeriodic(body) || repeatsTypedRun(lower)) return true;
  // Mostly one character.
  const counts = new Map<string, number>();
  for (const c of body) counts.set(c, (counts.get(c) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return body.length >= 8 && top / body.length > 0.6;
}

/**
 * `AbcDef123!@#` and `a1B2c3D4e5F6`: made of typed runs (3+ characters of the alphabet, digits,
 * a keyboard row; one of 6+), or alternating letters and digits that each count up. A random
 * string of 12+ characters is practically never either.
 */
function isTypedSequence(lower: string): boolean {
  if (lower.length < 8) return false;
  let covered = 0;
  let longest = 0;
  for (let i = 0; i < lower.length; ) {
    let best = 1;
    for (const run of TYPED_RUNS) {
      const at = run.indexOf(lower[i] as string);
      if (at === -1) continue;
      let n = 1;
      while (i + n < lower.length && run[at + n] === lower[i + n]) n++;
      best = Math.max(best, n);
    }
    if (best >= 3) covered += best;
    longest = Math.max(longest, best);
    i += best;
  }
  // All typed runs, but for a character or two at the end (`abcdef1234567890abcdef0`).
  if (covered >= lower.length - 2 && longest >= 6) return true;
  return isCountingUp(lower);
}

/**
 * Eight or more characters of the alphabet or the digit row in order anywhere in the value
 * (`…-klmnopqrstuvwx-…`): typed, as a random base62 string has such a run with odds of about
 * one in 10^12 at each position.
 */
function hasTypedRun(lower: string): boolean {
  return ascendingRuns(lower).some((n) => n >= 8);
}

/**
 * The lengths of the runs of `value` that count up by one inside one class of characters
 * (lowercase letters, uppercase letters, digits: `abc`, `XYZ`, `789`, not `z{` or `9:`); every
 * other character is a run of 1.
 */
export function ascendingRuns(value: string): number[] {
  const kind = (c: number): number => (c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0);
  const runs: number[] = [];
  let n = 1;
  for (let i = 1; i <= value.length; i++) {
    const c = value.charCodeAt(i);
    const previous = value.charCodeAt(i - 1);
    if (i < value.length && c - previous === 1 && kind(c) !== 0 && kind(c) === kind(previous)) {
      n++;
      continue;
    }
    runs.push(n);
    n = 1;
  }
  return runs;
}

/** The same four typed characters three times or more (`xoxp-1234-1234-1234-…`): filled-in IDs. */
function repeatsTypedRun(lower: string): boolean {
  const seen = new Map<string, number>();
  for (let i = 0; i + 4 <= lower.length; i++) {
    const four = lower.slice(i, i + 4);
    if (!TYPED_RUNS.some((run) => run.includes(four))) continue;
    const n = (seen.get(four) ?? 0) + 1;
    if (n >= 3) return true;
    seen.set(four, n);
  }
  return false;
}

/** One short unit typed over and over (`A1B2C3D4E5F6A1B2C3D4E5F6…`, `abcdabcdabcd`): at least three times, 12+ characters. */
function isPeriodic(body: string): boolean {
  if (body.length < 12) return false;
  for (let unit = 1; unit <= 16 && unit * 3 <= body.length; unit++) {
    let same = true;
    for (let i = unit; i < body.length && same; i++) same = body[i] === body[i - unit];
    if (same) return true;
  }
  return false;
}

/**
 * `a1B2c3D4…`, `1a2b3C4d-5E6f-7g8H-9i0J-k1l2…`, `abc123def456…`: letters and digits interleaved, each counting up
 * (wrapping after `z` and `9`), with at most a couple of separators or slips. A random string of
 * eight letters and eight digits practically never counts up in both.
 */
function isCountingUp(lower: string): boolean {
  const body = lower.replace(/[-_ ]/g, '');
  const letters = body.replace(/[^a-z]/g, '');
  const digits = body.replace(/[^0-9]/g, '');
  // A few symbols between the runs (`…a7!8c9…`), as typed filler for a password-like slot has.
  if (letters.length < 4 || digits.length < 4 || body.length - letters.length - digits.length > Math.max(2, body.length / 16)) return false;
  // Interleaved in short runs (`a1b2`, `abc123def456`); `0123abcd4567efgh` is left to the typed-run check.
  const switches = body.match(/[a-z](?=[0-9])|[0-9](?=[a-z])/g)?.length ?? 0;
  if (switches < body.length / 4) return false;
  const slips = (s: string, base: number, size: number): number => {
    let n = 0;
    for (let i = 1; i < s.length; i++) if ((s.charCodeAt(i) - base) % size !== (s.charCodeAt(i - 1) - base + 1) % size) n++;
    return n;
  };
  return slips(letters, 97, 26) + slips(digits, 48, 10) <= Math.floor(body.length / 16);
}
