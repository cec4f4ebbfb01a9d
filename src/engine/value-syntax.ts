/**
 * Where the value of a `name = value` assignment really starts and ends, read the way the
 * language or format reads it: a quoted string runs to its closing quote whatever it holds
 * (escapes honoured: Django keys and WordPress salts are full of punctuation), an unquoted value
 * runs to the end of the value in its format (shell word, dotenv/INI value, YAML plain scalar, XML
 * element text). What is not a literal — identifiers, member expressions, calls, comments,
 * template expressions, URL query strings, object keys of code — has no value here at all. The
 * same parse runs on one-line minified bundles and JSON-embedded sources (`\"…\"` in a source
 * map): no window of raw text around a keyword is ever taken for a value.
 */

/** How far past its start a value is looked for: longer values are not secrets of this kind. */
const MAX_VALUE = 200;
/** How far back the start of the line is looked for: an assignment's head is short. */
const MAX_HEAD = 128;
/** The longest name the rest of which is looked for before the keyword. */
const MAX_NAME = 64;

const QUOTES = '"\'`';

/**
 * [start, end) of the value whose first character is at `at`, in an assignment whose name ends
 * before the operator that precedes `at` and starts at or before `matchStart`; undefined when the
 * text there is not a literal value.
 */
export function assignedValue(text: string, matchStart: number, at: number): [number, number] | undefined {
  // Bounded both ways: a minified bundle is one line of megabytes, and each match costs O(1) —
  // a value runs at most MAX_VALUE characters (longer is no secret of this kind) and its line is
  // looked back at for MAX_HEAD characters.
  let lineEnd = at;
  const limit = Math.min(text.length, at + MAX_VALUE + 2);
  while (lineEnd < limit && text.charCodeAt(lineEnd) !== 10) lineEnd++;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const op = operatorBefore(text, at);
  let nameFrom = matchStart;
  const nameLimit = Math.max(0, matchStart - MAX_NAME);
  while (nameFrom > nameLimit && isNameChar(text.charCodeAt(nameFrom - 1))) nameFrom--;
  const before = text[nameFrom - 1];
  // `?token=…&`: a URL's query string, not an assignment; `"users:1:tokens", …`: a key of
  // something else; `define('KEY', …)`, `os.Setenv("KEY", …)` name the secret in full.
  if (before === '?' || before === '&') return undefined;
  if (op === ',' && (before === undefined || !QUOTES.includes(before))) return undefined;
  if (op === '>') return before === '<' ? elementText(text, at, lineEnd) : undefined;

  const quoted = quotedString(text, at, lineEnd, before !== '"' && before !== "'");
  if (quoted !== null) return quoted;
  // An unquoted word longer than any secret of this kind: nothing more to read.
  let word = at;
  while (word < lineEnd && !isBlank(text.charCodeAt(word))) word++;
  if (word - at > MAX_VALUE) return undefined;
  const known = lineStartOf(text, nameFrom);
  const lineStart = known === -1 ? nameFrom - MAX_HEAD : known;
  const head = text.slice(lineStart, nameFrom);
  return unquoted(text, { head: known === -1 ? `\u0000${head}` : head, lineStart, lineEnd, at, op });
}

/** Start of the line holding `at`, looked for at most {@link MAX_HEAD} back; -1 when farther. */
function lineStartOf(text: string, at: number): number {
  const from = Math.max(0, at - MAX_HEAD);
  for (let i = at - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return from === 0 ? 0 : -1;
}

/** The operator that ends just before `at` (blanks skipped): `=`, `:`, `=>`, `??=`, `,`, `>`… */
function operatorBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  let j = i;
  while (j > 0 && j > i - 3 && '=:>?|,'.includes(text[j - 1] as string)) j--;
  return text.slice(j, i);
}

/** `<password>value</password>`: the element's text when it has no child elements. */
function elementText(text: string, at: number, lineEnd: number): [number, number] | undefined {
  let lt = at;
  while (lt < lineEnd && text[lt] !== '<') lt++;
  if (lt >= lineEnd || text[lt + 1] !== '/') return undefined;
  let end = lt;
  while (end > at && /\s/.test(text[end - 1] as string)) end--;
  return end > at ? [at, end] : undefined;
}

/**
 * A quoted string starting at `at` (after an optional Python prefix, or as `\"…\"` inside a
 * JSON-encoded source): its content, or undefined when it does not close on its line or is a
 * template with expressions in it; null when there is no quote at `at`.
 */
function quotedString(text: string, at: number, lineEnd: number, allowEscaped: boolean): [number, number] | undefined | null {
  let i = at;
  let prefix = '';
  while (i < at + 2 && /[bBrRuUfF]/.test(text[i] ?? '')) prefix += text[i++];
  let quote = text[i] as string;
  let escapedQuote = false;
  if (allowEscaped && quote === '\\' && (text[i + 1] === '"' || text[i + 1] === "'")) {
    escapedQuote = true;
    quote = text[++i] as string;
  }
  if (!QUOTES.includes(quote) || (prefix !== '' && quote === '`')) return null;
  const start = i + 1;
  const raw = /r/i.test(prefix);
  for (let j = start; j < lineEnd; j++) {
    const c = text[j];
    if (escapedQuote) {
      if (c === '\\' && text[j + 1] === quote) return content(text, start, j, quote, prefix);
      if (c === '\\') j++;
      continue;
    }
    if (c === '\\' && !raw) {
      j++;
      continue;
    }
    if (c === quote) return content(text, start, j, quote, prefix);
  }
  return undefined;
}

function content(text: string, start: number, end: number, quote: string, prefix: string): [number, number] | undefined {
  const body = text.slice(start, end);
  if (end === start || /^\s|\s$/.test(body)) return undefined;
  // Template literals, f-strings, shell/PHP/Ruby/Kotlin interpolation (double quotes only: single
  // quotes are literal in all of them, and WordPress salts hold `${`), template engines: an
  // expression, not a literal.
  if (quote !== "'" && /\$\{|#\{/.test(body)) return undefined;
  if (/\{\{|\{%|<%/.test(body)) return undefined;
  if (/f/i.test(prefix) && body.includes('{')) return undefined;
  if (quote === '`' && /\$[({A-Za-z_]/.test(body)) return undefined; // shell command substitution
  return isProse(body) ? undefined : [start, end];
}

/**
 * Text with words in it (a message, a command line, a key's placeholder such as
 * `-----BEGIN PRIVATE KEY-----<KEY>…`): random secrets that hold a space (WordPress salts) are
 * made of random runs, never of plain words.
 */
function isProse(body: string): boolean {
  if (!/\s/.test(body)) return false;
  return body.split(/\s+/).some(
    (part) =>
      /^(?:[A-Za-z]{2,}|-{1,2}[A-Za-z][\w-]*)[.,:;!?]?$/.test(part) || // words and --flags
      /^-{5}[A-Z ]*/.test(part) || // PEM armour
      (/^[a-z0-9/=._:-]+$/.test(part) && /[a-z]{3}/.test(part)), // paths, `seed=foo`
  );
}

interface Unquoted {
  /** The line up to the assignment's name (starting with NUL when the line start is out of reach). */
  readonly head: string;
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly at: number;
  readonly op: string;
}

/**
 * Shell/dotenv/INI/properties `NAME=value` and YAML `name: value` at the start of a line
 * (commented out or not), or a `--name=value` / `NAME=value` word of a command line. Unquoted
 * values are single words: what has spaces in it, or sits in a quoted key's entry, is code.
 */
function unquoted(text: string, { head, lineStart, lineEnd, at, op }: Unquoted): [number, number] | undefined {
  const atLineStart =
    // A commented-out assignment is still one (`# PASSWORD=…`, `// CLIENT_SECRET: …`).
    /^[ \t]*(?:(?:#|\/\/|--|;|\*)[ \t]*)?(?:(?:export|set|setx|ENV|ARG|declare(?:[ \t]+-x)?|local|readonly)[ \t]+|-[ \t]+)?$/.test(head) ||
    // Kubernetes `- name: X` / `value: …`: the value line starts its own entry.
    isValueEntry(text, at);
  let end = at;
  while (end < lineEnd && !isBlank(text.charCodeAt(end))) end++;
  if (end - at > MAX_VALUE) return undefined;
  const value = text.slice(at, end);
  const rest = text.slice(end, lineEnd).trim();
  let opEnd = at;
  while (opEnd > lineStart && /[ \t]/.test(text[opEnd - 1] as string)) opEnd--;
  const spaced = opEnd < at && /[ \t]/.test(text[opEnd - op.length - 1] ?? '');
  if (/["'`]/.test(value) || isCode(value.replace(/[;,]$/, ''), spaced)) return undefined;
  if (atLineStart && op === ':') {
    // A YAML plain scalar: one word, then nothing or a comment. `name: other,` is an object literal.
    if (/[|>&*!{[#]/.test(value[0] as string) || /[,;]$/.test(value)) return undefined;
    return rest === '' || rest.startsWith('#') ? [at, end] : undefined;
  }
  if (atLineStart && (op === '=' || op === ':=')) {
    const word = value.replace(/;$/, '');
    // `A=b ./deploy.sh` is a command; `a = f(x, y)` is code.
    if (rest !== '' && !rest.startsWith('#') && /[(){}[\];,]/.test(word)) return undefined;
    return word === '' ? undefined : [at, at + word.length];
  }
  // Mid-line, only a command line's `--password=…`, `-p=…` or `PGPASSWORD=…` word.
  if (op !== '=' || /[(){}[\];,]/.test(value)) return undefined;
  let nameStart = opEnd - op.length;
  while (nameStart > lineStart && isNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
  const name = text.slice(nameStart, opEnd - op.length);
  const flag = name.startsWith('-') && /(?:^|\s)$/.test(head);
  const envWord = /(?:^|\s)$/.test(head) && /^[A-Z][A-Z0-9_]*$/.test(name);
  return flag || envWord ? [at, end] : undefined;
}

/** Bare text that is code or a reference rather than a literal. */
function isCode(value: string, spaced: boolean): boolean {
  if (/^(?:\/\*|\/\/|#|<!--)/.test(value)) return true; // a comment where the value would be
  if (/^[$@<([{\\]/.test(value)) return true; // variables, placeholders, groups, collections
  if (/\$\{|#\{|\{\{|<%/.test(value)) return true; // template expressions
  // Calls, subscripts and member expressions: `get_secret()`, `os.environ["X"]`, `Foo::BAR`.
  if (/^[A-Za-z_]\w*(?:(?:\.|::|->)[A-Za-z_]\w*)*(?:\(.*\)|\[.*\])(?:\.[\w.()]*)?;?$/.test(value)) return true;
  if (/^[A-Za-z_]\w*(?:(?:\.|::|->)[A-Za-z_]\w*)+;?$/.test(value)) return true;
  // `a = b.c(…` with blanks around the operator is code, not a dotenv line; so is a regex literal.
  return spaced && (/^[A-Za-z_$][\w$]*(?:[.([]|->|::)/.test(value) || isRegexLiteral(value));
}

/**
 * `/…/flags` or a pattern's syntax (`\d`, `^`, `(…)`, `*`): a regex literal. A bare leading `/`
 * is not enough: one random base64 password in 64 starts with it (`password = /+aB…` in an .ini).
 */
function isRegexLiteral(value: string): boolean {
  if (!value.startsWith('/')) return false;
  return /[\\^$*?|()[\]{}]/.test(value) || /.\/[dgimsuyv]*[;,)]?$/.test(value);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** `[A-Za-z0-9_.-]` */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
}

/** `value: …` on a line of its own (Kubernetes `- name: X` / `value: …` entries). */
function isValueEntry(text: string, at: number): boolean {
  const start = lineStartOf(text, at);
  return start !== -1 && /^[ \t]*(?:-[ \t]+)?value[ \t]*:[ \t]*$/.test(text.slice(start, at));
}
