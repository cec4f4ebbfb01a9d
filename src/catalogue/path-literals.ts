/**
 * Literal strings that a regular expression cannot match without: a set of which every match
 * contains at least one. A path condition is tested first by looking for those in the path, which
 * for most paths answers "no" without compiling the pattern at all (see PathCondition in
 * compile.ts). Unsound would mean a missed finding, so anything not understood here gives no
 * literals (the pattern is always run), and only ASCII letters are folded for `i`.
 */

/** What a part of a pattern can match, as far as this reading goes. */
interface Reading {
  /** Every string the part can match, when they are few and short; undefined: not known. */
  readonly exact: readonly string[] | undefined;
  /** Strings one of which every match of the part contains; undefined: none known. */
  readonly required: readonly string[] | undefined;
}

/** Beyond these, a set of exact strings is given up (the required set is kept). */
const MAX_EXACT = 32;
const MAX_LENGTH = 64;

/** Not understood: the caller runs the pattern. */
class Unreadable extends Error {}

const NOTHING: Reading = { exact: undefined, required: undefined };
const EMPTY: Reading = { exact: [''], required: undefined };

/** The better of two required sets: the one whose shortest string is longer (a set with '' is none). */
function better(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  const score = (s: readonly string[] | undefined): number => (s === undefined ? 0 : Math.min(...s.map((x) => x.length)));
  return score(b) > score(a) ? b : score(a) > 0 ? a : undefined;
}

/** Every concatenation of one string from `a` and one from `b`, when that stays small. */
function product(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (a === undefined || b === undefined || a.length * b.length > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  const list = [...out];
  return list.some((s) => s.length > MAX_LENGTH) ? undefined : list;
}

/** An exact set as a required one: only when it cannot match the empty string. */
function asRequired(exact: readonly string[] | undefined): readonly string[] | undefined {
  return exact === undefined || exact.includes('') ? undefined : exact;
}

class Parser {
  #at = 0;

  constructor(
    private readonly source: string,
    private readonly fold: boolean,
  ) {}

  /** The whole pattern. */
  read(): Reading {
    const r = this.#alternation();
    if (this.#at !== this.source.length) throw new Unreadable();
    return r;
  }

  #peek(): string | undefined {
    return this.source[this.#at];
  }

  #alternation(): Reading {
    const branches = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#at++;
      branches.push(this.#sequence());
    }
    if (branches.length === 1) return branches[0] as Reading;
    let exact: string[] | undefined = [];
    let required: string[] | undefined = [];
    for (const b of branches) {
      exact = exact !== undefined && b.exact !== undefined ? [...new Set([...exact, ...b.exact])] : undefined;
      const own = better(b.required, asRequired(b.exact));
      required = required !== undefined && own !== undefined ? [...new Set([...required, ...own])] : undefined;
    }
    return { exact: exact !== undefined && exact.length <= MAX_EXACT ? exact : undefined, required };
  }

  #sequence(): Reading {
    let exact: readonly string[] | undefined = [''];
    let required: readonly string[] | undefined;
    // The exact strings of the current run of parts whose exact strings are known.
    let run: readonly string[] | undefined = [''];
    for (let c = this.#peek(); c !== undefined && c !== '|' && c !== ')'; c = this.#peek()) {
      const part = this.#quantified();
      exact = product(exact, part.exact);
      required = better(required, part.required);
      if (part.exact === undefined) {
        required = better(required, asRequired(run));
        run = [''];
      } else {
        const longer = product(run, part.exact);
        if (longer === undefined) {
          required = better(required, asRequired(run));
          run = part.exact;
        } else run = longer;
      }
    }
    required = better(required, asRequired(run));
    return { exact, required };
  }

  #quantified(): Reading {
    const atom = this.#atom();
    const q = this.#quantifier();
    if (q === undefined) return atom;
    const { min, max } = q;
    if (min === 0)
      return { exact: max === 1 && atom.exact !== undefined ? [...new Set(['', ...atom.exact])] : undefined, required: undefined };
    let exact: readonly string[] | undefined;
    if (min === max) {
      exact = [''];
      for (let i = 0; i < min && exact !== undefined; i++) exact = product(exact, atom.exact);
    }
    return { exact, required: better(atom.required, asRequired(atom.exact)) };
  }

  #quantifier(): { min: number; max: number } | undefined {
    const c = this.#peek();
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (c === '+') q = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.#at));
      if (m === null) throw new Unreadable(); // a literal `{`: left to the pattern
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.#at += m[0].length - 1;
      q = { min, max };
    }
    if (q === undefined) return undefined;
    this.#at++;
    if (this.#peek() === '?') this.#at++; // lazy: the same strings
    return q;
  }

  #atom(): Reading {
    const c = this.#peek();
    if (c === undefined) throw new Unreadable();
    if (c === '(') return this.#group();
    if (c === '[') return this.#class();
    if (c === '\\') return this.#escape();
    this.#at++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return NOTHING;
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')' || c === ']' || c === '}') throw new Unreadable();
    return this.#char(c);
  }

  #char(c: string): Reading {
    const code = c.charCodeAt(0);
    // Only ASCII is read: case folding beyond it is not toLowerCase's.
    if (code >= 128) return NOTHING;
    const s = this.fold ? c.toLowerCase() : c;
    return { exact: [s], required: [s] };
  }

  #group(): Reading {
    this.#at++; // (
    let lookaround = false;
    if (this.source.startsWith('?:', this.#at)) this.#at += 2;
    else if (this.source.startsWith('?=', this.#at) || this.source.startsWith('?!', this.#at)) {
      this.#at += 2;
      lookaround = true;
    } else if (this.source.startsWith('?<=', this.#at) || this.source.startsWith('?<!', this.#at)) {
      this.#at += 3;
      lookaround = true;
    } else if (this.source.startsWith('?<', this.#at)) {
      const end = this.source.indexOf('>', this.#at);
      if (end < 0) throw new Unreadable();
      this.#at = end + 1;
    } else if (this.#peek() === '?') throw new Unreadable(); // a modifier group, or something newer
    const inner = this.#alternation();
    if (this.#peek() !== ')') throw new Unreadable();
    this.#at++;
    // A lookaround consumes nothing: it matches the empty string, whatever it looks at.
    return lookaround ? EMPTY : inner;
  }

  #class(): Reading {
    const start = this.#at;
    this.#at++; // [
    const chars = new Set<string>();
    let plain = this.#peek() !== '^';
    for (let first = true; ; first = false) {
      const c = this.#peek();
      if (c === undefined) throw new Unreadable();
      // `[]` matches nothing and `[^]` anything in JavaScript; neither is worth reading.
      if (c === ']') {
        if (first) throw new Unreadable();
        break;
      }
      if (c === '\\') {
        const next = this.source[this.#at + 1];
        if (next === undefined) throw new Unreadable();
        // An escaped punctuation character is itself; \d, \w, \s, \b… are sets.
        if (/[A-Za-z0-9]/.test(next)) plain = false;
        else chars.add(next);
        this.#at += 2;
        continue;
      }
      if (c === '-' && !first && this.source[this.#at + 1] !== ']') plain = false; // a range
      if (c.charCodeAt(0) >= 128) plain = false;
      chars.add(c);
      this.#at++;
    }
    this.#at++; // ]
    if (!plain || chars.size === 0 || this.#at - start > 40) return NOTHING;
    const list = [...new Set([...chars].map((c) => (this.fold ? c.toLowerCase() : c)))];
    return { exact: list, required: list };
  }

  #escape(): Reading {
    const next = this.source[this.#at + 1];
    if (next === undefined) throw new Unreadable();
    this.#at += 2;
    if (next === 'b' || next === 'B') return EMPTY;
    if (/[dDwWsSpPk1-9cxuf0nrtv]/.test(next)) {
      // Classes, properties, back-references, control and coded characters: not read, but skipped.
      if (next === 'k' || next === 'p' || next === 'P' || next === 'x' || next === 'u' || next === 'c' || /[1-9]/.test(next)) {
        throw new Unreadable();
      }
      return NOTHING;
    }
    if (/[A-Za-z]/.test(next)) throw new Unreadable();
    return this.#char(next);
  }
}

/**
 * The built-in conditions' literals, read when the bundle loads (dist/bundle/path-literals.bin,
 * written by scripts/bundle.mjs with {@link requiredLiterals}): reading the 35 patterns here took
 * a pre-commit run ~5 ms, as long as compiling them. Keyed by {@link literalsKey}; null: none.
 */
let offered: ReadonlyMap<string, readonly string[] | null> | undefined;

/** How dist/bundle/path-literals.bin starts; a NUL makes the file binary to a secret scanner, as rules.bin. */
export const PATH_LITERALS_TAG = 'keyscan-path-literals\0';

export function literalsKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}

export function offerPathLiterals(table: ReadonlyMap<string, readonly string[] | null>): void {
  offered = table;
}

/** The table offered to this thread, for worker threads to be offered too (pool/pool.ts). */
export function offeredPathLiterals(): ReadonlyMap<string, readonly string[] | null> | undefined {
  return offered;
}

/** {@link requiredLiterals}, from the offered table when it has the pattern. */
export function literalsFor(source: string, flags: string): readonly string[] | undefined {
  const known = offered?.get(literalsKey(source, flags));
  if (known !== undefined) return known ?? undefined;
  return requiredLiterals(source, flags);
}

/**
 * Literals of which every match of `source` (with `flags`) contains one, lowercase when `flags`
 * has `i`; undefined when none are known. A match is looked for as a substring: `^`, `$` and
 * lookarounds only narrow where, never what.
 */
export function requiredLiterals(source: string, flags: string): readonly string[] | undefined {
  // Unicode case folding (`iu`, `iv`) maps ſ to s and K (Kelvin) to k, which toLowerCase does not.
  if (flags.includes('i') && (flags.includes('u') || flags.includes('v'))) return undefined;
  // `v` reads classes otherwise (nested classes, `--`, `&&`).
  if (flags.includes('v')) return undefined;
  try {
    const r = new Parser(source, flags.includes('i')).read();
    return better(r.required, asRequired(r.exact));
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}
