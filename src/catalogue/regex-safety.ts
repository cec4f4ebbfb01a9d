/**
 * Refuses regular expressions that can backtrack catastrophically. JavaScript's engine cannot be
 * interrupted from inside a match, so a pattern like `(\w+\s?)+$` in a user's config would hang a
 * scan on one unlucky line. Two checks, cheapest first:
 *
 * 1. Static: nested unbounded quantifiers (`(a+)+`, `(?:\w*x)*`), the classic exponential shape.
 * 2. Dynamic: the pattern runs on adversarial input (runs of the characters it mentions, after
 *    the rule's keywords) of growing length, and must stay inside a time budget. Growth is checked
 *    on short inputs first, so an exponential pattern is caught long before it could hang; and on
 *    long ones, so a quadratic one is too (`(?<![a-z])[0-9]+x` re-scans the run of digits from
 *    every start: fast on a kilobyte, hours on a 5 MB line). That one is checked only for patterns
 *    V8's linear fallback cannot run (lookbehind, lookahead, backreferences): the fallback bounds
 *    the others at scan time.
 *
 * Reusable on its own (the rule catalogue's tests and config loading both call it); extend the
 * checks here rather than at the call sites.
 */
import { runsOnLinearEngine } from '../regex-guard.js';
import { splitPattern } from './compile.js';

/** Options for {@link checkRegexSafety}. */
export interface RegexSafetyOptions {
  /** Text that leads into the pattern (keywords, example matches): adversarial input starts with it. */
  readonly hints?: readonly string[];
  /** The longest one match attempt may take, in milliseconds. Default 50. */
  readonly budgetMs?: number;
}

/** Characters tried in addition to those the pattern names: one of each common class. */
const PROBE_CHARS = ['a', 'A', 'z', '0', '9', ' ', '\t', '\n', '_', '-', '.', '/', '+', '=', ':', '"', "'", ',', '@'];
/** Short lengths in small steps (exponential growth shows here), then window-sized ones. */
const SHORT_LENGTHS = [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 40, 48, 64];
const LONG_LENGTHS = [256, 1024, 4096];
/** Linear work grows 4× from 1,024 to 4,096 characters, quadratic 16×: above this, it is not linear. */
const SUPERLINEAR_RATIO = 10;
const MAX_HINTS = 3;
const MAX_CHARS = 28;

/**
 * Returns why `pattern` is unsafe, or undefined when it passed. `pattern` may be a RegExp or a
 * string with an optional leading `(?i)`; an invalid pattern is reported as such.
 */
export function checkRegexSafety(pattern: RegExp | string, options: RegexSafetyOptions = {}): string | undefined {
  const parsed = toPlainRegExp(pattern);
  if (typeof parsed === 'string') return parsed;
  const nested = findNestedQuantifier(parsed.source, parsed.flags);
  if (nested !== undefined) {
    return `unsafe regular expression: nested unbounded quantifiers at "${nested}" can take exponential time; bound the inner or outer repetition (e.g. {0,64})`;
  }
  return timeAdversarial(parsed, options);
}

function toPlainRegExp(pattern: RegExp | string): RegExp | string {
  const { source, flags } = splitPattern(pattern);
  try {
    return new RegExp(source, flags);
  } catch (e) {
    return `invalid regular expression: ${regexErrorReason(e)}`;
  }
}

/**
 * V8's message quotes the whole pattern (`Invalid regular expression: /…/: Unterminated group`);
 * a pattern can hold a secret someone meant to allow, so only the reason is kept.
 */
export function regexErrorReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const reason = /: ([^:]+)$/.exec(message)?.[1];
  return reason ?? 'syntax error';
}

interface Frame {
  /** Index of the group's `(` in the source. */
  readonly start: number;
  /** Every single-character atom inside the group, at any depth (their sources). */
  readonly atoms: string[];
  /** Atoms under an unbounded quantifier inside the group. */
  readonly repeated: string[];
  /** Atoms that every iteration of this group must match exactly once (direct children, no `|`). */
  readonly mandatory: string[];
  alternation: boolean;
}

const frame = (start: number): Frame => ({ start, atoms: [], repeated: [], mandatory: [], alternation: false });

/**
 * Finds a group that contains an unbounded quantifier and is itself repeated without bound, like
 * `(a+)+` or `(\w+\s?)*`: the engine can split a run of characters between the inner and outer
 * repetition in exponentially many ways. Returns the offending source text, or undefined.
 *
 * Not flagged: a group whose every iteration must consume one delimiter that no inner repetition
 * can match, such as `(?:\.[a-z0-9-]+)+` (host names) or `(?:,\s*\w+)*`: the delimiter fixes
 * where each iteration ends, so there is only one way to split.
 *
 * A small tokenizer: escapes, classes and group openers are read as units so that `\(`, `[+]`
 * or `(?:` are not misread.
 */
export function findNestedQuantifier(source: string, flags = ''): string | undefined {
  const stack: Frame[] = [frame(0)];
  const charsOf = atomChars(flags);
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const top = stack[stack.length - 1] as Frame;
    if (c === '(') {
      stack.push(frame(i));
      i = skipGroupOpener(source, i);
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const group = stack.pop() as Frame;
      const parent = stack[stack.length - 1] as Frame;
      const q = readQuantifier(source, i + 1);
      if (q?.unbounded && group.repeated.length > 0 && !delimited(group, charsOf)) return source.slice(group.start, q.end);
      parent.atoms.push(...group.atoms);
      parent.repeated.push(...(q?.unbounded ? group.atoms : group.repeated));
      i = q?.end ?? i + 1;
      continue;
    }
    if (c === '|') {
      top.alternation = true;
      i++;
      continue;
    }
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    const end = c === '\\' ? skipEscape(source, i) : c === '[' ? skipClass(source, i) : i + 1;
    const atom = source.slice(i, end);
    const q = readQuantifier(source, end);
    if (atom !== '\\b' && atom !== '\\B') {
      top.atoms.push(atom);
      if (q?.unbounded) top.repeated.push(atom);
      if (q === undefined) top.mandatory.push(atom);
    }
    i = q?.end ?? end;
  }
  return undefined;
}

/** True when one mandatory atom of the group can match no character that a repeated atom can. */
function delimited(group: Frame, charsOf: (atom: string) => ReadonlySet<number>): boolean {
  if (group.alternation) return false;
  const repeated = new Set<number>();
  for (const atom of group.repeated) for (const code of charsOf(atom)) repeated.add(code);
  return group.mandatory.some((atom) => {
    const own = charsOf(atom);
    return own.size > 0 && [...own].every((code) => !repeated.has(code));
  });
}

/**
 * The ASCII characters an atom matches (an approximation: what lies beyond ASCII is not compared).
 * An atom that cannot be compiled alone (a back-reference) counts as matching everything.
 */
function atomChars(flags: string): (atom: string) => ReadonlySet<number> {
  const cache = new Map<string, ReadonlySet<number>>();
  const everything = new Set(Array.from({ length: 128 }, (_v, k) => k));
  return (atom) => {
    let set = cache.get(atom);
    if (set === undefined) {
      try {
        const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gyd]/g, ''));
        set = /^\\\d/.test(atom) ? everything : new Set([...everything].filter((k) => re.test(String.fromCharCode(k))));
      } catch {
        set = everything;
      }
      cache.set(atom, set);
    }
    return set;
  };
}

function readQuantifier(source: string, i: number): { unbounded: boolean; end: number } | undefined {
  const c = source[i];
  let end: number;
  let unbounded: boolean;
  if (c === '*' || c === '+') {
    end = i + 1;
    unbounded = true;
  } else if (c === '?') {
    end = i + 1;
    unbounded = false;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (m === null) return undefined;
    end = i + m[0].length;
    unbounded = m[2] !== undefined && m[3] === '';
  } else {
    return undefined;
  }
  if (source[end] === '?') end++; // lazy: same cost when the match fails
  return { unbounded, end };
}

function skipEscape(source: string, i: number): number {
  const next = source[i + 1];
  if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
    const close = source.indexOf('}', i + 3);
    return close === -1 ? source.length : close + 1;
  }
  if (next === 'k' && source[i + 2] === '<') {
    const close = source.indexOf('>', i + 3);
    return close === -1 ? source.length : close + 1;
  }
  return Math.min(source.length, i + 2);
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++; // `[]]` is not valid JS, but `[^]` is: harmless either way
  while (j < source.length && source[j] !== ']') j = source[j] === '\\' ? j + 2 : j + 1;
  return Math.min(source.length, j + 1);
}

function skipGroupOpener(source: string, i: number): number {
  if (source[i + 1] !== '?') return i + 1;
  const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
  if (named) return i + named[0].length;
  const m = /^\(\?(?:[:=!]|<[=!])/.exec(source.slice(i));
  return m ? i + m[0].length : i + 2;
}

/** Runs the pattern over adversarial input of growing length; reports the first blow-up. */
function timeAdversarial(re: RegExp, options: RegexSafetyOptions): string | undefined {
  const budget = options.budgetMs ?? 50;
  const prefixes = ['', ...(options.hints ?? []).filter((h) => h.length > 0 && h.length <= 256).slice(0, MAX_HINTS)];
  const chars = probeChars(re.source);
  // Growth is V8's to bound where its linear fallback can run the pattern (see regex-guard.ts).
  const linear = runsOnLinearEngine(re);
  for (const prefix of prefixes) {
    for (const c of chars) {
      let previous = 0;
      for (const n of [...SHORT_LENGTHS, ...LONG_LENGTHS]) {
        // A trailing NUL makes the attempt fail, so the engine explores every way of matching.
        const input = `${prefix}${c.repeat(n)}\u0000`;
        const took = measure(re, input, Math.min(budget, 2));
        if (n === LONG_LENGTHS[LONG_LENGTHS.length - 1] && took > 1 && !linear) {
          // Best of three on both lengths: one stalled run on a busy machine must not pass for growth.
          const longer = measure(re, input, -1);
          const shorter = measure(re, `${prefix}${c.repeat(n / 4)}\u0000`, -1);
          if (longer > 1 && longer > shorter * SUPERLINEAR_RATIO) return superlinear(n, longer, shorter);
        }
        if (took > budget) return blowUp(n, took);
        // Before the long inputs: a pattern whose time still grows steeply is exponential in disguise.
        if (n === SHORT_LENGTHS[SHORT_LENGTHS.length - 1] && took > 2 && took > previous * 8) return blowUp(n, took);
        if (n === 32) previous = took;
      }
    }
  }
  return undefined;
}

/**
 * How long one failing match attempt takes. A slow first run is repeated and the fastest of
 * three kept: a garbage collection or a busy machine can stall one run, but not three alike.
 */
function measure(re: RegExp, input: string, recheckAbove: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    re.lastIndex = 0;
    re.test(input);
    best = Math.min(best, performance.now() - started);
    if (best <= recheckAbove) break;
  }
  return best;
}

function superlinear(n: number, ms: number, quarterMs: number): string {
  return `unsafe regular expression: one match attempt took ${ms.toFixed(1)} ms on ${n} characters of adversarial input and ${quarterMs.toFixed(1)} ms on ${n / 4}, so its time grows faster than the input (every start position re-scans an unbounded run); bound the repetition (e.g. {1,64}) or anchor it with a literal prefix`;
}

function blowUp(n: number, ms: number): string {
  return `unsafe regular expression: one match attempt on ${n} characters of adversarial input took ${Math.round(ms)} ms (catastrophic backtracking); simplify or bound the repetitions`;
}

/** Literal characters of the pattern (outside escapes) plus one of each common class, deduplicated. */
function probeChars(source: string): string[] {
  const literal: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (/[A-Za-z0-9 _\-.,:;=/@#%&~!<>"']/.test(c)) literal.push(c);
  }
  return [...new Set([...new Set(literal)].slice(0, MAX_CHARS).concat(PROBE_CHARS))];
}

/**
 * Whether the pattern repeats anything without bound (`*`, `+`, `{n,}`). Without one, a match
 * attempt's cost is bounded by the product of the repetition counts, whatever the input.
 */
export function hasUnboundedQuantifier(source: string): boolean {
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') i = skipEscape(source, i);
    else if (c === '[') i = skipClass(source, i);
    else if (c === '(') i = skipGroupOpener(source, i);
    else {
      const q = readQuantifier(source, i);
      if (q?.unbounded) return true;
      i = q?.end ?? i + 1;
    }
  }
  return false;
}
