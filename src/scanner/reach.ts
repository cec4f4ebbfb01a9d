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

/** Rules whose matches are at most this long make the base reach. */
const BASE_MATCH = 512;

export interface Reach {
  /** Context either side of an added range for every rule up to BASE_MATCH long. */
  readonly base: number;
  /** The longest reach of any rule: where a longer rule's keyword is looked for. */
  readonly wide: number;
  /** What widens the context in a file at `path` (the longer rules that apply to it). */
  wideFor(path: string): Widening;
}

export interface Widening {
  /** The reach of the longest rule without keywords that applies (0: none). */
  readonly always: number;
  /**
   * Keywords of the longer rules that apply, and of the carriers whose base64 is anywhere in a
   * region around them (a manifest); `reach[id]` is the context a hit of keyword `id` needs. A
   * carrier whose run follows its keyword needs no more: the run is on one line, which is an
   * added line when a finding inside it counts, and the keyword is just before it.
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

function computeReach(catalogue: Catalogue): Reach {
  const { rules, keywords, rulesByKeyword, carrierOf, paths } = catalogue;
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
  // The path conditions of longer rules: files that meet the same ones widen alike.
  const groups = [...new Set(longer.flatMap((r) => (r.pathGroup === undefined ? [] : [r.pathGroup])))];
  const byVerdicts = new Map<string, Widening>();
  const widening = (onPath: ReadonlySet<number>): Widening => {
    const applies = (r: CompiledRule): boolean => r.pathGroup === undefined || onPath.has(r.pathGroup);
    let always = 0;
    for (const r of longer) if (r.keywords.length === 0 && applies(r)) always = Math.max(always, r.maxLength + margin);
    const list: string[] = [];
    const reach: number[] = [];
    keywords.keywords.forEach((keyword, id) => {
      let need = 0;
      for (const i of rulesByKeyword[id] ?? []) {
        const r = rules[i];
        if (r !== undefined && r.maxLength > BASE_MATCH && applies(r)) need = Math.max(need, r.maxLength + margin);
      }
      const carrier = carrierOf[id];
      if (carrier !== undefined && CARRIERS[carrier]?.region !== undefined) need = wide;
      if (need === 0) return;
      list.push(keyword);
      reach.push(need);
    });
    const withinLines = list.every((k) => !k.includes('\n'));
    return { always, keywords: list.length === 0 ? undefined : compileKeywords(list), reach, withinLines };
  };
  return {
    base: Math.min(wide, baseMatch + margin),
    wide,
    wideFor(path: string): Widening {
      const onPath = new Set(groups.filter((g) => paths[g]?.test(path) === true));
      const key = [...onPath].join(',');
      let found = byVerdicts.get(key);
      if (found === undefined) {
        found = widening(onPath);
        byVerdicts.set(key, found);
      }
      return found;
    },
  };
}

/** The context that the changes in text[start, end) need: the base reach, widened by the hits there. */
export function neededReach(reach: Reach, widening: Widening, text: Uint8Array, start: number, end: number): number {
  let need = Math.max(reach.base, widening.always);
  if (widening.keywords === undefined || need >= reach.wide) return need;
  findKeywords(
    widening.keywords,
    text,
    (id) => {
      need = Math.max(need, widening.reach[id] as number);
    },
    start,
    end,
  );
  return need;
}
