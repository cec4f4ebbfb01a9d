import type { Catalogue, CompiledRule } from '../catalogue/compile.js';
import { shannonEntropy } from './entropy.js';
import { findKeywords } from './keywords.js';
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
}

/**
 * Runs the catalogue over one fragment: keyword prefilter → candidate rules on windows around
 * the keyword hits → secret group → entropy → placeholders → per-rule line allowlist →
 * generic rules yield to specific ones. Pure and synchronous: it runs the same in a worker.
 */
export function detect(catalogue: Catalogue, data: Buffer): EngineMatch[] {
  const windows = collectWindows(catalogue, data);
  if (windows.size === 0) return [];
  // One byte, one character: offsets in the text are byte offsets in `data`.
  const text = data.toString('latin1');
  const matches: EngineMatch[] = [];
  for (const [ruleIndex, spans] of windows) {
    const rule = catalogue.rules[ruleIndex] as CompiledRule;
    const seen = new Set<number>();
    for (let i = 0; i < spans.length; i += 2) {
      const a = Math.max(0, spans[i] as number);
      const b = Math.min(text.length, spans[i + 1] as number);
      for (const m of matchWindow(rule, text, a, b)) {
        const key = m.start * 65536 + (m.end - m.start);
        if (seen.has(key)) continue;
        seen.add(key);
        if (accept(rule, text, m)) matches.push({ ...m, secret: data.toString('utf8', m.start, m.end) });
      }
    }
  }
  return resolveOverlaps(catalogue, matches);
}

/** Per candidate rule, merged [start, end) spans (flat pairs) around its keyword hits. */
function collectWindows(catalogue: Catalogue, data: Buffer): Map<number, number[]> {
  const windows = new Map<number, number[]>();
  const { rules, rulesByKeyword, keywords } = catalogue;
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
  findKeywords(keywords, data, (keywordId, end) => {
    const start = end - (keywords.keywords[keywordId] as string).length;
    for (const ruleIndex of rulesByKeyword[keywordId] as readonly number[]) {
      const reach = (rules[ruleIndex] as CompiledRule).maxLength;
      add(ruleIndex, start - reach, end + reach);
    }
  });
  for (const ruleIndex of catalogue.unconditional) add(ruleIndex, 0, data.length);
  return windows;
}

type Span = Omit<EngineMatch, 'secret'>;

/**
 * Matches of `rule` inside text[a, b). A match that touches a window edge that is not the edge
 * of the text may have been cut short (or started by `\b` at the cut), so the window is widened
 * and matched again: the answer is always the one the whole text would give.
 */
function matchWindow(rule: CompiledRule, text: string, a: number, b: number): Span[] {
  const sub = a === 0 && b === text.length ? text : text.slice(a, b);
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
    const [s, e] = secretSpan(rule, sub, m);
    found.push({ rule: rule.index, start: a + s, end: a + e, matchStart: a + m.index, matchEnd: a + m.index + length });
  }
  return found;
}

/** Offsets of the `secret` group (or the whole match) of a match found at `m.index`. */
function secretSpan(rule: CompiledRule, text: string, m: RegExpExecArray): [number, number] {
  const whole: [number, number] = [m.index, m.index + m[0].length];
  if (m.groups?.secret === undefined) return whole;
  rule.locate.lastIndex = m.index;
  const located = rule.locate.exec(text);
  return located?.indices?.groups?.secret ?? whole;
}

function accept(rule: CompiledRule, text: string, m: Span): boolean {
  const secret = text.slice(m.start, m.end);
  if (secret.length === 0) return false;
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (isPlaceholder(secret)) return false;
  if (matchesAny(rule.allowSecret, secret)) return false;
  if (rule.allowLine.length > 0) {
    if (matchesAny(rule.allowLine, lineAround(text, m.matchStart, m.matchEnd))) return false;
  }
  return true;
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
 * context wins; a generic rule never reports a secret that a specific rule already did.
 */
function resolveOverlaps(catalogue: Catalogue, matches: EngineMatch[]): EngineMatch[] {
  if (matches.length < 2) return matches;
  const ruleOf = (m: EngineMatch): CompiledRule => catalogue.rules[m.rule] as CompiledRule;
  const specific = matches.filter((m) => !ruleOf(m).generic);
  const kept: EngineMatch[] = [];
  for (const m of matches) {
    const overlaps = (o: EngineMatch): boolean => o !== m && o.start < m.end && m.start < o.end;
    if (ruleOf(m).generic && specific.some(overlaps)) continue;
    const rival = matches.find(
      (o) =>
        o !== m &&
        o.start === m.start &&
        o.end === m.end &&
        ruleOf(o).generic === ruleOf(m).generic &&
        (o.matchEnd - o.matchStart > m.matchEnd - m.matchStart ||
          (o.matchEnd - o.matchStart === m.matchEnd - m.matchStart && o.rule < m.rule)),
    );
    if (rival === undefined) kept.push(m);
  }
  return kept.sort((x, y) => x.start - y.start || x.rule - y.rule);
}
