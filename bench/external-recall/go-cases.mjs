// Reads the test cases out of a Go test file without running Go: the keyed struct literals that
// carry an `input:` and a `want:` field (trufflehog's table-driven pattern tests), with their
// string expressions evaluated (literals, `+`, fmt.Sprintf, strings.Repeat/Join, variables and
// constants of the file). A case whose expressions cannot be evaluated is counted, not guessed.

/** Splits Go source into tokens: strings (already unquoted), identifiers, numbers, punctuation. */
export function tokenize(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) break;
      out.push({ t: 'str', v: src.slice(i + 1, end).replaceAll('\r', '') });
      i = end + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') {
          const [s, n] = escapeAt(src, j);
          v += s;
          j += n;
        } else v += src[j++];
      }
      out.push({ t: c === '"' ? 'str' : 'char', v });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 200));
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][0-9a-fA-FxX_.]*/.exec(src.slice(i, i + 50));
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if ([':=', '==', '!=', '&&', '||', '<-', '++', '+=', '...'].includes(two) || src.slice(i, i + 3) === '...') {
        const op = src.slice(i, i + 3) === '...' ? '...' : two;
        out.push({ t: 'op', v: op });
        i += op.length;
      } else {
        out.push({ t: 'op', v: c });
        i++;
      }
    }
  }
  return out;
}

const SIMPLE_ESCAPES = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };

function escapeAt(src, j) {
  const e = src[j + 1];
  if (e in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[e], 2];
  if (e === 'x') return [String.fromCharCode(Number.parseInt(src.slice(j + 2, j + 4), 16)), 4];
  if (e === 'u') return [String.fromCodePoint(Number.parseInt(src.slice(j + 2, j + 6), 16)), 6];
  if (e === 'U') return [String.fromCodePoint(Number.parseInt(src.slice(j + 2, j + 10), 16)), 10];
  if (/[0-7]/.test(e)) return [String.fromCharCode(Number.parseInt(src.slice(j + 1, j + 4), 8)), 4];
  return [e, 2];
}

class Unevaluable extends Error {}

/** A recursive-descent reader of the expressions test tables use. */
class Reader {
  constructor(tokens, vars) {
    this.tk = tokens;
    this.vars = vars;
  }
  peek(k = 0) {
    return this.tk[this.pos + k];
  }
  is(v, k = 0) {
    const t = this.peek(k);
    return t !== undefined && t.t !== 'str' && t.v === v;
  }
  expect(v) {
    if (!this.is(v)) throw new Unevaluable(`expected ${v}`);
    this.pos++;
  }
  /** expr := unary ('+' unary)* */
  expr() {
    let v = this.unary();
    while (this.is('+')) {
      this.pos++;
      const r = this.unary();
      v = typeof v === 'number' && typeof r === 'number' ? v + r : String(v) + String(r);
    }
    return v;
  }
  unary() {
    const t = this.peek();
    if (t === undefined) throw new Unevaluable('end');
    if (t.t === 'str') {
      this.pos++;
      return t.v;
    }
    if (t.t === 'num') {
      this.pos++;
      return Number(t.v);
    }
    if (t.t === 'op' && t.v === '(') {
      this.pos++;
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (t.t === 'op' && t.v === '[') return this.sliceLiteral();
    if (t.t === 'id') return this.named();
    throw new Unevaluable(`token ${t.v}`);
  }
  /** `[]string{a, b}` or `[]string(nil)`-like forms; returns an array. */
  sliceLiteral() {
    this.expect('[');
    this.expect(']');
    const type = this.peek();
    if (type?.t !== 'id') throw new Unevaluable('slice type');
    this.pos++;
    if (this.is('.')) {
      this.pos += 2;
    }
    if (type.v !== 'string') throw new Unevaluable(`slice of ${type.v}`);
    this.expect('{');
    const items = [];
    while (!this.is('}')) {
      items.push(this.expr());
      if (this.is(',')) this.pos++;
      else break;
    }
    this.expect('}');
    return items;
  }
  named() {
    let name = this.peek().v;
    this.pos++;
    while (this.is('.') && this.peek(1)?.t === 'id') {
      name += `.${this.peek(1).v}`;
      this.pos += 2;
    }
    if (name === 'nil') return [];
    if (name === 'true' || name === 'false') return name === 'true';
    if (this.is('(')) {
      this.pos++;
      const args = [];
      while (!this.is(')')) {
        args.push(this.expr());
        if (this.is('...')) this.pos++;
        if (this.is(',')) this.pos++;
        else break;
      }
      this.expect(')');
      return call(name, args);
    }
    if (this.is('[')) throw new Unevaluable('index expression');
    return this.vars(name);
  }
}

function call(name, args) {
  switch (name) {
    case 'fmt.Sprintf':
      return sprintf(String(args[0]), args.slice(1));
    case 'strings.Repeat':
      return String(args[0]).repeat(Number(args[1]));
    case 'strings.Join':
      return [].concat(args[0]).join(String(args[1]));
    case 'strings.ToUpper':
      return String(args[0]).toUpperCase();
    case 'strings.ToLower':
      return String(args[0]).toLowerCase();
    case 'strings.TrimSpace':
      return String(args[0]).trim();
    case 'string':
      return String(args[0]);
    case 'append':
      return [].concat(...args.map((a) => [].concat(a)));
    default:
      throw new Unevaluable(`call ${name}`);
  }
}

function sprintf(format, args) {
  let n = 0;
  return format.replace(/%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([svdqxXt%])/g, (_, index, verb) => {
    if (verb === '%') return '%';
    const arg = index ? args[Number(index) - 1] : args[n++];
    if (arg === undefined) throw new Unevaluable('missing Sprintf argument');
    if (verb === 'q') return JSON.stringify(String(arg));
    if (verb === 'x') return Buffer.from(String(arg)).toString('hex');
    return Array.isArray(arg) ? `[${arg.join(' ')}]` : String(arg);
  });
}

/**
 * Simple assignments anywhere in the file (`name = expr`, `name := expr`, in `var`/`const` blocks
 * or function bodies), first one wins, evaluated lazily so that order does not matter.
 */
function collectVariables(tokens) {
  const starts = new Map();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.t !== 'id' || next.t !== 'op' || (next.v !== '=' && next.v !== ':=')) continue;
    const prev = tokens[i - 1];
    // `a.b = ` is a field, `x, y :=` a tuple: neither is a plain string variable.
    if (prev && prev.t === 'op' && (prev.v === '.' || prev.v === ',')) continue;
    if (!starts.has(t.v)) starts.set(t.v, i + 2);
  }
  const cache = new Map();
  const resolving = new Set();
  const lookup = (name) => {
    if (cache.has(name)) return cache.get(name);
    const at = starts.get(name);
    if (at === undefined || resolving.has(name)) throw new Unevaluable(`unknown ${name}`);
    resolving.add(name);
    try {
      const r = new Reader(tokens, lookup);
      r.pos = at;
      const v = r.expr();
      cache.set(name, v);
      return v;
    } finally {
      resolving.delete(name);
    }
  };
  return lookup;
}

/** The matching closing brace of the `{` at `open`, or -1. */
function closing(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.t !== 'op') continue;
    if (t.v === '{') depth++;
    else if (t.v === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Every `{ … input: X, … want: Y … }` literal of the file: `{ name, input, want }` with input a
 * string and want an array of strings (empty: the case is a negative), or `{ error }` when one of
 * them could not be evaluated.
 */
export function goCases(src) {
  const tokens = tokenize(src);
  const vars = collectVariables(tokens);
  const cases = [];
  for (let open = 0; open < tokens.length; open++) {
    if (tokens[open].t !== 'op' || tokens[open].v !== '{') continue;
    const close = closing(tokens, open);
    if (close < 0) break;
    // The keyed fields directly inside this literal.
    const fields = new Map();
    let depth = 0;
    for (let i = open + 1; i < close; i++) {
      const t = tokens[i];
      if (t.t === 'op' && (t.v === '{' || t.v === '(' || t.v === '[')) depth++;
      else if (t.t === 'op' && (t.v === '}' || t.v === ')' || t.v === ']')) depth--;
      else if (depth === 0 && t.t === 'id' && tokens[i + 1]?.t === 'op' && tokens[i + 1].v === ':') {
        if (tokens[i - 1]?.t === 'op' && tokens[i - 1].v !== ',' && tokens[i - 1].v !== '{') continue;
        fields.set(t.v, i + 2);
      }
    }
    const inputAt = fields.get('input') ?? fields.get('data');
    const wantAt = fields.get('want') ?? fields.get('wantResults') ?? fields.get('expected');
    if (inputAt === undefined || wantAt === undefined) continue;
    const evaluate = (at) => {
      const r = new Reader(tokens, vars);
      r.pos = at;
      return r.expr();
    };
    let name = '';
    try {
      const at = fields.get('name');
      if (at !== undefined) name = String(evaluate(at));
    } catch {}
    try {
      const input = evaluate(inputAt);
      const want = evaluate(wantAt);
      if (typeof input !== 'string' || !Array.isArray(want)) throw new Unevaluable('types');
      cases.push({ name, input, want: want.map(String) });
    } catch (error) {
      if (!(error instanceof Unevaluable)) throw error;
      cases.push({ name, error: error.message });
    }
  }
  return cases;
}

/** The index after the list element starting at `at`: its top-level `,` or the closing bracket. */
function elementEnd(tokens, at) {
  let depth = 0;
  for (let i = at; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.t !== 'op') continue;
    if (t.v === '{' || t.v === '(' || t.v === '[') depth++;
    else if (t.v === '}' || t.v === ')' || t.v === ']') {
      if (depth === 0) return i;
      depth--;
    } else if (t.v === ',' && depth === 0) return i;
  }
  return tokens.length;
}

/**
 * gitleaks' rule files: the literal strings of every `tps`/`fps` list (`x := []string{…}` and
 * `x = append(x, …)`), each with the RuleID of the rule it validates. Elements built by code
 * (generated secrets) are counted in `skipped`, not guessed.
 */
export function goSampleLists(src) {
  const tokens = tokenize(src);
  const vars = collectVariables(tokens);
  const samples = [];
  let skipped = 0;
  let ruleId = '';
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i];
    if (t.t === 'id' && t.v === 'RuleID' && tokens[i + 1].v === ':' && tokens[i + 2].t === 'str') ruleId = tokens[i + 2].v;
    if (t.t !== 'id' || (t.v !== 'tps' && t.v !== 'fps')) continue;
    const op = tokens[i + 1];
    if (op.t !== 'op' || (op.v !== ':=' && op.v !== '=')) continue;
    const kind = t.v === 'tps' ? 'positive' : 'negative';
    let at = i + 2;
    if (tokens[at]?.v === '[' && tokens[at + 1]?.v === ']' && tokens[at + 2]?.v === 'string' && tokens[at + 3]?.v === '{') at += 4;
    else if (tokens[at]?.v === 'append' && tokens[at + 1]?.v === '(') at = elementEnd(tokens, at + 2) + 1;
    else {
      skipped++;
      continue;
    }
    while (at < tokens.length && !(tokens[at].t === 'op' && (tokens[at].v === '}' || tokens[at].v === ')'))) {
      const end = elementEnd(tokens, at);
      try {
        const r = new Reader(tokens.slice(0, end), vars);
        r.pos = at;
        const v = r.expr();
        if (r.pos !== end || typeof v !== 'string') throw new Unevaluable('not one string');
        samples.push({ ruleId, kind, text: v });
      } catch (error) {
        if (!(error instanceof Unevaluable)) throw error;
        skipped++;
      }
      at = tokens[end]?.v === ',' ? end + 1 : end;
    }
    i = at;
  }
  return { samples, skipped };
}
