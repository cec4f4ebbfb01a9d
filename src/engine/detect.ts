import type { Catalogue, CompiledRule } from './catalogue.js';
import { keyMaterial } from './credential-values.js';
import { CARRIERS, type Carrier, CarrierCheck, carrierRuns, decodeRun, insideEncodedRun, MAX_DEPTH } from './encoded.js';
import { meetsEntropy } from './entropy.js';
import { isDocumentedExample } from './examples.js';
import { secretName } from './generic-value.js';
import { findKeywords } from './keywords.js';
import { isDisowned } from './owned-names.js';
import { type PathVerdicts, pathVerdicts } from './path-verdicts.js';
import { isPlaceholder } from './placeholders.js';

/** A rule match that survived every filter, located inside one fragment. */
export interface EngineMatch {
  readonly rule: number;
  /** Byte offsets of the secret in the fragment. */
  readonly start: number;
  readonly end: number;
  /** Byte offsets of the whole regex match (context included). */
  readonly matchStart: number;
  readonly matchEnd: number;
  readonly secret: string;
  /** Found inside base64: start/end locate the encoded text, `secret` is the decoded secret. */
  readonly encoded?: true;
  /** A documented example credential (rules/examples.ts): listed only with --include-examples. */
  readonly example?: true;
}

/**
 * Runs the catalogue over one fragment: path conditions → keyword prefilter → candidate rules on
 * windows around the keyword hits → secret group → entropy → placeholders → per-rule line
 * allowlist → generic rules yield to specific ones. Pure and synchronous: it runs the same in a
 * worker. `path` is the fragment's repository-relative POSIX path; without one (free text being
 * scrubbed), rules with a path condition do not run: they trust a file's format, and free text has none.
 */
export function detect(catalogue: Catalogue, data: Buffer, path?: string): EngineMatch[] {
  return detectAt(catalogue, data, pathVerdicts(catalogue, path), path, 0);
}

function detectAt(catalogue: Catalogue, data: Buffer, onPath: PathVerdicts, path: string | undefined, depth: number): EngineMatch[] {
  const carrierHits: number[] = [];
  const windows = collectWindows(catalogue, data, onPath, carrierHits);
  if (windows.size === 0 && carrierHits.length === 0) return [];
  const text = new Latin1(data, windowBytes(windows) >= data.length);
  const matches: EngineMatch[] = [];
  const refuted: Span[] = [];
  for (const [ruleIndex, spans] of windows) {
    const rule = catalogue.rules[ruleIndex] as CompiledRule;
    const seen = new Set<number>();
    for (let i = 0; i < spans.length; i += 2) {
      const a = Math.max(0, spans[i] as number);
      const b = Math.min(text.length, spans[i + 1] as number);
      for (const found of matchWindow(rule, text, a, b)) {
        const m = onCharBoundaries(data, found);
        if (m.end <= m.start) continue;
        const key = m.start * 65536 + (m.end - m.start);
        if (seen.has(key)) continue;
        seen.add(key);
        const lines = text.lines(m.matchStart, Math.max(m.matchEnd, m.end));
        const verdict = accept(rule, lines.text, shifted(m, -lines.base), path, catalogue);
        if (verdict === 'refuted') refuted.push(m);
        if (verdict === false || verdict === 'refuted') continue;
        const secret = data.toString('utf8', m.start, m.end);
        matches.push(verdict === 'example' ? { ...m, secret, example: true } : { ...m, secret });
      }
    }
  }
  if (carrierHits.length > 0 && depth < MAX_DEPTH)
    matches.push(...detectEncoded(catalogue, text.whole(), carrierHits, onPath, path, depth));
  return resolveOverlaps(catalogue, matches, refuted);
}

/**
 * The fragment's latin1 view (one byte, one character: offsets in it are byte offsets in the
 * data). Most fragments with keyword windows have no match in any of them (on the file bench,
 * 764 of 7,033): those decode only their windows, and the whole text, which a match's checks
 * read around it, is decoded at the first match. A fragment whose windows add up to its size is
 * decoded whole at once: window by window would copy more.
 */
class Latin1 {
  private text: string | undefined;
  /** Bytes decoded line by line so far (see lines). */
  private decoded = 0;
  /** The lines decoded last: [base, end) of the fragment (see lines). */
  private last: { readonly text: string; readonly base: number; readonly end: number } | undefined;
  readonly length: number;

  constructor(
    private readonly data: Buffer,
    eager: boolean,
  ) {
    this.length = data.length;
    if (eager) this.text = data.toString('latin1');
  }

  whole(): string {
    this.text ??= this.data.toString('latin1');
    return this.text;
  }

  /**
   * The whole lines that hold text[from, to), with the newline before them and the one after, and
   * the offset of their first character: what a match's checks read (accept, the value syntax).
   * Each of them looks at most to the ends of the match's lines, never past a newline, and sees a
   * newline or the text's own end where the lines end, as in the whole text. A match used to decode
   * the whole fragment (git/git: C files of hundreds of kB, each with a few generic matches; with
   * the carrier check, its audit took 22.8 s of CPU against 23.2). The whole text once the lines
   * decoded so far add up to half of it, or it is decoded already. test/engine/match-lines.test.ts.
   */
  lines(from: number, to: number): { readonly text: string; readonly base: number } {
    // A generic match's value syntax and then its checks ask for the same lines: decoded once.
    const last = this.last;
    if (last !== undefined && (last.base === 0 || from > last.base) && (to < last.end || last.end === this.length)) return last;
    if (this.text === undefined) {
      const before = from > 0 ? this.data.lastIndexOf(10, from - 1) : -1;
      const base = before === -1 ? 0 : before;
      const after = this.data.indexOf(10, to);
      const end = after === -1 ? this.length : after + 1;
      this.decoded += end - base;
      if (this.decoded <= this.length / 2) {
        this.last = { text: this.data.toString('latin1', base, end), base, end };
        return this.last;
      }
    }
    return { text: this.whole(), base: 0 };
  }

  /** text[a, b), without decoding the rest while nothing has matched. */
  slice(a: number, b: number): string {
    if (a === 0 && b === this.length) return this.whole();
    return this.text === undefined ? this.data.toString('latin1', a, b) : this.text.slice(a, b);
  }
}

/** Bytes of all windows together, overlaps between rules counted twice: what decoding them one by one copies. */
function windowBytes(windows: Map<number, number[]>): number {
  let total = 0;
  for (const spans of windows.values()) for (let i = 0; i < spans.length; i += 2) total += (spans[i + 1] as number) - (spans[i] as number);
  return total;
}

/**
 * Patterns run on the latin1 view, where `\s` and `\S` see the bytes of a UTF-8 character one by
 * one (a no-break space is C2 A0, and A0 is "space"): a secret must not end or start inside a
 * character, or it would hold half of one.
 */
function onCharBoundaries(data: Buffer, m: Span): Span {
  let { start, end } = m;
  while (start < end && ((data[start] as number) & 0xc0) === 0x80) start++;
  if (end < data.length && ((data[end] as number) & 0xc0) === 0x80) {
    while (end > start && ((data[end] as number) & 0xc0) === 0x80) end--;
  }
  return start === m.start && end === m.end ? m : { ...m, start, end };
}

/** Decodes the base64 that carriers point at and reports what is inside at the encoded span. */
function detectEncoded(
  catalogue: Catalogue,
  text: string,
  carrierHits: readonly number[],
  onPath: PathVerdicts,
  path: string | undefined,
  depth: number,
): EngineMatch[] {
  const found: EngineMatch[] = [];
  for (const run of carrierRuns(text, carrierHits)) {
    const decoded = decodeRun(text, run);
    if (decoded === undefined) continue;
    for (const inner of detectAt(catalogue, decoded, onPath, path, depth + 1)) {
      found.push({
        rule: inner.rule,
        start: run[0],
        end: run[1],
        matchStart: run[0],
        matchEnd: run[1],
        secret: inner.secret,
        encoded: true,
        ...(inner.example ? { example: true as const } : {}),
      });
    }
  }
  return found;
}

/**
 * Per candidate rule, merged [start, end) spans (flat pairs) around its keyword hits. Rules whose
 * path condition the fragment does not meet get none.
 */
function collectWindows(catalogue: Catalogue, data: Buffer, onPath: PathVerdicts, carrierHits: number[]): Map<number, number[]> {
  const windows = new Map<number, number[]>();
  const { rules, rulesByKeyword, keywords, carrierOf } = catalogue;
  const add = (ruleIndex: number, a: number, b: number): void => {
    let list = windows.get(ruleIndex);
    if (list === undefined) {
      list = [];
      windows.set(ruleIndex, list);
    }
    const n = list.length;
    if (n > 0 && a <= (list[n - 1] as number)) {
      list[n - 2] = Math.min(list[n - 2] as number, a);
      list[n - 1] = Math.max(list[n - 1] as number, b);
    } else {
      list.push(a, b);
    }
  };
  const carriers = new CarrierCheck(data);
  findKeywords(keywords, data, (keywordId, end) => {
    const carrier = carrierOf[keywordId];
    if (carrier !== undefined && carriers.mayCarry(CARRIERS[carrier] as Carrier, end)) carrierHits.push(carrier, end);
    const start = end - (keywords.keywords[keywordId] as string).length;
    for (const ruleIndex of rulesByKeyword[keywordId] as readonly number[]) {
      const rule = rules[ruleIndex] as CompiledRule;
      if (rule.pathGroup !== undefined && !onPath.has(rule.pathGroup)) continue;
      if (rule.exactKeywords !== undefined && !spelledAs(data, start, rule.exactKeywords.get(keywords.keywords[keywordId] as string)))
        continue;
      add(ruleIndex, start - rule.maxLength, end + rule.maxLength);
    }
  });
  for (const ruleIndex of catalogue.unconditional) {
    const group = (rules[ruleIndex] as CompiledRule).pathGroup;
    if (group === undefined || onPath.has(group)) add(ruleIndex, 0, data.length);
  }
  return windows;
}

/** Whether `data` holds one of `spellings` at `start`; no spellings: any case will do. */
function spelledAs(data: Buffer, start: number, spellings: readonly Uint8Array[] | undefined): boolean {
  if (spellings === undefined) return true;
  for (const word of spellings) {
    let i = 0;
    while (i < word.length && data[start + i] === word[i]) i++;
    if (i === word.length) return true;
  }
  return false;
}

type Span = Omit<EngineMatch, 'secret'>;

/**
 * Matches of `rule` inside text[a, b). A match that touches a window edge that is not the edge
 * of the text may have been cut short (or started by `\b` at the cut), so the window is widened
 * and matched again: the answer is always the one the whole text would give.
 */
function matchWindow(rule: CompiledRule, text: Latin1, a: number, b: number): Span[] {
  const sub = text.slice(a, b);
  const re = rule.regex;
  re.lastIndex = 0;
  const found: Span[] = [];
  for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
    const length = m[0].length;
    if (length === 0) {
      re.lastIndex++;
      continue;
    }
    if ((m.index === 0 && a > 0) || (m.index + length === sub.length && b < text.length)) {
      const grow = Math.max(b - a, 64);
      return matchWindow(rule, text, Math.max(0, a - grow), Math.min(text.length, b + grow));
    }
    const matchStart = a + m.index;
    if (rule.valueSyntax === undefined) {
      const [s, e] = secretSpan(rule, sub, m);
      found.push({ rule: rule.index, start: a + s, end: a + e, matchStart, matchEnd: matchStart + length });
      continue;
    }
    // The pattern ends with the value's first character; the value's syntax says where it ends.
    const at = matchStart + length - 1;
    const lines = text.lines(matchStart, at + 1);
    const read = rule.valueSyntax(lines.text, matchStart - lines.base, at - lines.base);
    if (read === undefined || read[1] - read[0] > rule.maxLength) continue;
    const [start, end] = [read[0] + lines.base, read[1] + lines.base];
    found.push({ rule: rule.index, start, end, matchStart, matchEnd: Math.max(matchStart + length, end) });
  }
  return found;
}

/** `m` with every offset moved by `by`. */
function shifted(m: Span, by: number): Span {
  return by === 0 ? m : { ...m, start: m.start + by, end: m.end + by, matchStart: m.matchStart + by, matchEnd: m.matchEnd + by };
}

/** Offsets of the `secret` group (or the whole match) of a match found at `m.index`. */
function secretSpan(rule: CompiledRule, text: string, m: RegExpExecArray): [number, number] {
  const whole: [number, number] = [m.index, m.index + m[0].length];
  if (m.groups?.secret === undefined) return whole;
  const locate = rule.locate();
  locate.lastIndex = m.index;
  const located = locate.exec(text);
  return located?.indices?.groups?.secret ?? whole;
}

/**
 * Whether a match is a finding. A documented example passes as `'example'` before the entropy and
 * placeholder checks (`foobared` is neither random nor a placeholder, only published). Compared
 * on the latin1 view: every listed example is ASCII.
 */
function accept(
  rule: CompiledRule,
  text: string,
  m: Span,
  path: string | undefined,
  catalogue: Catalogue,
): boolean | 'example' | 'refuted' {
  const secret = text.slice(m.start, m.end);
  if (secret.length === 0) return false;
  if (isDocumentedExample(secret)) return 'example';
  // Every check below is a pure test that must pass, so their order is only a matter of cost:
  // the validator goes first because it rejects most of what the generic rule matches (on the
  // file bench, 10.8k of its 12.3k matches by the value's length alone) for less than entropy
  // and placeholders cost.
  if (
    rule.validator !== undefined &&
    !rule.validator({ secret, before: textBefore(text, m), path, lineHead: lineHead(text, m.matchStart) })
  ) {
    return rule.refutes && !rule.generic ? 'refuted' : false;
  }
  if (!meetsEntropy(secret, rule.entropy)) return false;
  if (isPlaceholder(keyMaterial(secret))) return false;
  if (insideEncodedRun(text, m.start, m.end)) return false;
  if (matchesAny(rule.allowSecret, secret)) return false;
  if (rule.allowLine.length > 0) {
    if (matchesAny(rule.allowLine, lineAround(text, m.matchStart, m.matchEnd))) return false;
  }
  // Last: it is rare for a generic match to get this far, and rarer to be under a provider's name.
  // (So the catalogue's owned names, built on first read, are not built for most scans.)
  return !(rule.generic && isDisowned(catalogue.owned, secretName(textBefore(text, m)), secret));
}

/** The match up to its secret, and up to 48 characters of its line before it (the rest of a name). */
function textBefore(text: string, m: Span): string {
  // Looked for in the 48 characters only: a minified line is megabytes long.
  const from = Math.max(0, m.matchStart - 48);
  const lineStart = from + text.slice(from, m.matchStart).lastIndexOf('\n') + 1;
  return text.slice(Math.max(lineStart, from), m.start);
}

/** The line up to the match, at most 120 characters of it (a minified line is megabytes long). */
function lineHead(text: string, at: number): string {
  const from = Math.max(0, at - 120);
  for (let i = at - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return text.slice(i + 1, at);
  // Out of reach, the head is not the start of the line: NUL says so (no comment starts with it).
  return from === 0 ? text.slice(0, at) : `\u0000${text.slice(from, at)}`;
}

function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  for (const p of patterns) {
    p.lastIndex = 0;
    if (p.test(text)) return true;
  }
  return false;
}

/** The full lines that contain text[start, end). */
export function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to === -1 ? text.length : to);
}

/**
 * One finding per secret: where two rules matched the same secret, the one that saw more
 * context wins; a generic rule never reports a secret that a specific rule already did, and a
 * generic rule without a path condition yields to one with (the file's format vouches for it).
 * O(n log n): a file can hold thousands of matches (a decoded manifest, a minified bundle).
 */
function resolveOverlaps(catalogue: Catalogue, matches: EngineMatch[], refuted: readonly Span[]): EngineMatch[] {
  const ruleOf = (m: EngineMatch): CompiledRule => catalogue.rules[m.rule] as CompiledRule;
  const isGeneric = (m: EngineMatch): boolean => ruleOf(m).generic;
  // A value that a provider's format check refuted, or that carries a provider's literal prefix
  // without that provider's rule matching it, is no credential of any rule: a generic rule does
  // not report it either (`secret: "cfut_<one character short>"`, `TOKEN=sp=rqx&…&sig=…`).
  const overlapsRefuted = refuted.length === 0 ? () => false : specificOverlapTest([...refuted]);
  const claimed = claimedPrefixes(catalogue);
  matches = matches.filter((m) => !isGeneric(m) || !(claimed(m.secret) || overlapsRefuted(m)));
  if (matches.length < 2) return matches;
  const overlapsSpecific = specificOverlapTest(matches.filter((m) => !isGeneric(m)));
  const scoped = matches.filter((m) => isGeneric(m) && ruleOf(m).pathGroup !== undefined);
  const overlapsScoped = scoped.length === 0 ? () => false : specificOverlapTest(scoped);
  // Among matches of the same secret at the same span, the longest match wins, then the
  // earlier rule (identical span and secret only: one base64 run can hold several secrets).
  const best = new Map<string, EngineMatch>();
  for (const m of matches) {
    if (isGeneric(m) && overlapsSpecific(m)) continue;
    if (isGeneric(m) && ruleOf(m).pathGroup === undefined && overlapsScoped(m)) continue;
    const key = `${m.start}:${m.end}:${isGeneric(m)}:${m.secret}`;
    const held = best.get(key);
    const length = m.matchEnd - m.matchStart;
    const heldLength = held === undefined ? -1 : held.matchEnd - held.matchStart;
    if (held === undefined || length > heldLength || (length === heldLength && m.rule < held.rule)) best.set(key, m);
  }
  return [...best.values()].sort((x, y) => x.start - y.start || x.rule - y.rule);
}

/**
 * Literal prefixes of specific rules (their keywords that end in `_`, `-` or `.`, four characters
 * or more: `cfut_`, `glpat-`, `hrku-`, `pat.`), and a test of whether a value starts with one. A
 * value that carries one was issued in that provider's format or is none: when the provider's
 * rule did not match it and it holds a character outside every token alphabet, it is a broken
 * token (trufflehog's tests ship such values as negatives), not a password. `key-` and `secret-` are
 * words a made-up value starts with, not prefixes that say who issued it.
 */
const claimedCache = new WeakMap<Catalogue, (value: string) => boolean>();
const NOT_A_PREFIX = new Set(['key-', 'secret-', 'secret-live-', 'secret-test-', '1000.']);

/** The literal prefixes of {@link claimedPrefixes}. Exported for its test. */
export function claimedPrefixSet(catalogue: Catalogue): ReadonlySet<string> {
  const prefixes = new Set<string>();
  // From the keyword tables, not each rule's keywords: those are built on first read, and the
  // tables of the built-in catalogue are read from the bundle (catalogue/keyword-tables.ts).
  const { rules, rulesByKeyword } = catalogue;
  catalogue.keywords.keywords.forEach((k, id) => {
    if (k.length < 4 || !/^[a-z0-9][a-z0-9_.-]*[_.-]$/.test(k) || NOT_A_PREFIX.has(k)) return;
    if ((rulesByKeyword[id] ?? []).some((i) => rules[i]?.generic === false)) prefixes.add(k);
  });
  return prefixes;
}

function claimedPrefixes(catalogue: Catalogue): (value: string) => boolean {
  let test = claimedCache.get(catalogue);
  if (test !== undefined) return test;
  const prefixes = claimedPrefixSet(catalogue);
  const lengths = [...new Set([...prefixes].map((p) => p.length))];
  // Only a character no token alphabet has (`?`, `!`, `;`, `%`…) refutes the value: a prefixed value
  // of another length may be a format the provider's rule does not know yet, and other
  // scanners' tests ship such values as positives too.
  test = (value) =>
    /[^A-Za-z0-9_.+/=-]/.test(value) && lengths.some((n) => value.length > n && prefixes.has(value.slice(0, n).toLowerCase()));
  claimedCache.set(catalogue, test);
  return test;
}

/** Whether a span overlaps any of `specific` (sorted sweep with a running maximum of ends). */
function specificOverlapTest(specific: Span[]): (m: Span) => boolean {
  specific.sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const o of specific) maxEnd.push(Math.max(o.end, maxEnd[maxEnd.length - 1] ?? 0));
  return (m) => {
    // The last specific span that starts before m ends; any of those ending after m starts overlaps.
    let lo = 0;
    let hi = specific.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((specific[mid] as Span).start < m.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (maxEnd[lo - 1] as number) > m.start;
  };
}
