/**
 * How much of a changed file around its added lines a scan must see. A match of a rule lies
 * within the rule's `maxLength` of the added lines when its secret is on one, and so does the
 * keyword that opened its window. Most rules match within 512 bytes; a few (a PEM key, a
 * kubeconfig, a JWT, a Kubernetes Secret's base64) reach kilobytes. Widening every change by the
 * longest reach made each one-line change pay for the PEM rule. So the context is the base reach,
 * widened to a longer rule's reach only where that rule's keyword lies within the longest reach
 * of the change (one pass of a small automaton), or always where a rule without keywords applies.
 */

import type { Catalogue, CompiledRule } from '../engine/catalogue.js';
import { CARRIERS } from '../engine/encoded.js';
import { compileKeywords, findKeywords, type KeywordMatcher } from '../engine/keywords.js';
import { pathVerdicts } from '../engine/path-verdicts.js';

/** Rules whose matches are at most this long make the base reach. */
const BASE_MATCH = 512;

export interface Reach {
  /** Context either side of an added range for every rule up to BASE_MATCH long. */
  readonly base: number;
  /** The longest reach of any rule: where a longer rule's keyword is looked for. */
  readonly wide: number;
  /** What widens the context in a file at `path` (the longer rules that apply to it). */
  wideFor(path: string): Widening;
  /** The catalogue's keyword automaton, which also finds the keywords of longer rules. */
  readonly matcher: KeywordMatcher;
}

export interface Widening {
  /** The reach of the longest rule without keywords that applies (0: none). */
  readonly always: number;
  /** Whether any keyword of a longer rule (or of a manifest's carrier) applies here. */
  readonly hasKeywords: boolean;
  /** The context a hit of the catalogue's keyword `id` needs here (0: no more than the base). */
  need(id: number): number;
  /**
   * Keywords of the longer rules that apply, and of the carriers whose base64 is anywhere in a
   * region around them (a manifest); `reach[id]` is the context a hit of keyword `id` needs. A
   * carrier whose run follows its keyword needs no more: the run is on one line, which is an
   * added line when a finding inside it counts, and the keyword is just before it. Compiled on
   * first read (an automaton of its own: a history scan's look over whole blobs); a staged scan
   * looks near its changes with the catalogue's automaton and {@link Widening.need} instead.
   */
  readonly keywords: KeywordMatcher | undefined;
  readonly reach: readonly number[];
  /** No keyword holds a line break: each lies within one line (what carries between versions). */
  readonly withinLines: boolean;
}

const reaches = new WeakMap<Catalogue, Reach>();

export function reachOf(catalogue: Catalogue): Reach {
  let reach = reaches.get(catalogue);
  if (reach === undefined) {
    reach = computeReach(catalogue);
    reaches.set(catalogue, reach);
  }
  return reach;
}

/** The automaton of a path's longer keywords, with each one's reach (see Widening.keywords). */
interface Automaton {
  readonly keywords: KeywordMatcher | undefined;
  readonly reach: readonly number[];
  readonly withinLines: boolean;
}

/** Paths whose widening is remembered: the same paths come back commit after commit. */
const REMEMBERED_PATHS = 4096;

function computeReach(catalogue: Catalogue): Reach {
  const { rules, keywords, rulesByKeyword, carrierOf } = catalogue;
  // The keyword that opened a match's window is at most the match's length away from it.
  const margin = keywords.keywords.reduce((n, k) => Math.max(n, k.length), 0);
  let longest = 0;
  let baseMatch = 0;
  const longer: CompiledRule[] = [];
  for (const rule of rules) {
    longest = Math.max(longest, rule.maxLength);
    if (rule.maxLength <= BASE_MATCH) baseMatch = Math.max(baseMatch, rule.maxLength);
    else longer.push(rule);
  }
  const wide = longest + margin;
  // Per keyword id, what a hit needs whatever the path: flat pairs (reach, path group; -1 for a
  // rule without one, or a manifest's carrier), only for keywords of longer rules and carriers.
  // Building an automaton of those keywords per path condition cost a pre-commit run ~10 ms.
  const pairsOf: Array<number[] | undefined> = new Array<number[] | undefined>(keywords.keywords.length).fill(undefined);
  const candidates: number[] = [];
  let unconditional = false;
  let withinLinesAll = true;
  keywords.keywords.forEach((keyword, id) => {
    const pairs: number[] = [];
    for (const i of rulesByKeyword[id] ?? []) {
      const r = rules[i];
      if (r !== undefined && r.maxLength > BASE_MATCH) pairs.push(r.maxLength + margin, r.pathGroup ?? -1);
    }
    const carrier = carrierOf[id];
    if (carrier !== undefined && CARRIERS[carrier]?.region !== undefined) pairs.push(wide, -1);
    if (pairs.length === 0) return;
    pairsOf[id] = pairs;
    candidates.push(id);
    for (let k = 1; k < pairs.length; k += 2) if (pairs[k] === -1) unconditional = true;
    if (keyword.includes('\n')) withinLinesAll = false;
  });
  // The path conditions of longer rules: files that meet the same ones share one automaton.
  const groups = [...new Set(longer.flatMap((r) => (r.pathGroup === undefined ? [] : [r.pathGroup])))];
  const automata = new Map<string, Automaton>();
  const byPath = new Map<string, Widening>();

  const wideningFor = (path: string): Widening => {
    const onPath = pathVerdicts(catalogue, path);
    const applies = (group: number): boolean => group === -1 || onPath.has(group);
    const need = (id: number): number => {
      const pairs = pairsOf[id];
      if (pairs === undefined) return 0;
      let n = 0;
      for (let k = 0; k < pairs.length; k += 2) if ((pairs[k] as number) > n && applies(pairs[k + 1] as number)) n = pairs[k] as number;
      return n;
    };
    let always = 0;
    for (const r of longer)
      if (r.keywords.length === 0 && (r.pathGroup === undefined || onPath.has(r.pathGroup)))
        always = Math.max(always, r.maxLength + margin);
    let has: boolean | undefined;
    let automaton: Automaton | undefined;
    const compiled = (): Automaton => {
      if (automaton !== undefined) return automaton;
      const key = groups.filter((g) => onPath.has(g)).join(',');
      automaton = automata.get(key);
      if (automaton === undefined) {
        const list: string[] = [];
        const reach: number[] = [];
        for (const id of candidates) {
          const n = need(id);
          if (n === 0) continue;
          list.push(keywords.keywords[id] as string);
          reach.push(n);
        }
        const withinLines = list.every((k) => !k.includes('\n'));
        automaton = { keywords: list.length === 0 ? undefined : compileKeywords(list), reach, withinLines };
        automata.set(key, automaton);
      }
      return automaton;
    };
    return {
      always,
      get hasKeywords(): boolean {
        has ??= unconditional || candidates.some((id) => need(id) > 0);
        return has;
      },
      need,
      get keywords(): KeywordMatcher | undefined {
        return compiled().keywords;
      },
      get reach(): readonly number[] {
        return compiled().reach;
      },
      get withinLines(): boolean {
        return withinLinesAll || compiled().withinLines;
      },
    };
  };
  return {
    base: Math.min(wide, baseMatch + margin),
    wide,
    matcher: keywords,
    wideFor(path: string): Widening {
      let found = byPath.get(path);
      if (found === undefined) {
        found = wideningFor(path);
        if (byPath.size >= REMEMBERED_PATHS) byPath.clear();
        byPath.set(path, found);
      }
      return found;
    },
  };
}

/** The context that the changes in text[start, end) need: the base reach, widened by the hits there. */
export function neededReach(reach: Reach, widening: Widening, text: Uint8Array, start: number, end: number): number {
  let need = Math.max(reach.base, widening.always);
  if (!widening.hasKeywords || need >= reach.wide) return need;
  findKeywords(
    reach.matcher,
    text,
    (id) => {
      const n = widening.need(id);
      if (n > need) need = n;
    },
    start,
    end,
  );
  return need;
}
