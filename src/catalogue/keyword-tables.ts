/**
 * What a compiled catalogue derives from its rules' keywords alone: the keyword list its automaton
 * is built from, and per keyword the rules it opens a window for. For the built-in catalogue these
 * are the same at every start, so the bundle ships them (dist/bundle/keyword-tables.bin, written by
 * scripts/bundle.mjs) beside the precompiled automaton, and a pre-commit run reads them instead of
 * lowercasing and indexing ~2,700 keywords of ~900 rules (~3 ms of its CPU, measured).
 */
import type { CompiledRule } from '../engine/catalogue.js';
import { CARRIERS } from '../engine/encoded.js';
import type { RuleSpec } from './spec.js';

export interface KeywordTables {
  /** Every keyword, lowercase, in the order of first use (the automaton's keyword ids). */
  readonly keywords: readonly string[];
  /** Per keyword id, the indexes of the rules it opens a window for. */
  readonly rulesByKeyword: readonly (readonly number[])[];
  /** Rules without keywords: scanned everywhere their path condition holds. */
  readonly unconditional: readonly number[];
  /** Per keyword id, the base64 carrier (engine/encoded.ts) it is the keyword of, if any. */
  readonly carrierOf: readonly (number | undefined)[];
}

/** The tables of `rules` (compiled from specs, in order), computed. */
export function keywordTables(rules: readonly CompiledRule[]): KeywordTables {
  const keywordIds = new Map<string, number>();
  const rulesByKeyword: number[][] = [];
  const unconditional: number[] = [];
  const idOf = (keyword: string): number => {
    let id = keywordIds.get(keyword);
    if (id === undefined) {
      id = keywordIds.size;
      keywordIds.set(keyword, id);
      rulesByKeyword.push([]);
    }
    return id;
  };
  for (const rule of rules) {
    if (rule.keywords.length === 0) unconditional.push(rule.index);
    for (const keyword of rule.keywords) {
      const list = rulesByKeyword[idOf(keyword)] as number[];
      if (!list.includes(rule.index)) list.push(rule.index);
    }
  }
  // Carriers of base64 share the one automaton, so looking for them costs no extra pass.
  const carrierOf: (number | undefined)[] = [];
  CARRIERS.forEach((carrier, index) => {
    carrierOf[idOf(carrier.keyword)] = index;
  });
  const keywords = [...keywordIds.keys()];
  return { keywords, rulesByKeyword, unconditional, carrierOf: Array.from(keywords, (_, id) => carrierOf[id]) };
}

/** How dist/bundle/keyword-tables.bin starts; a NUL makes the file binary to a secret scanner, as rules.bin. */
export const KEYWORD_TABLES_TAG = 'keyscan-keyword-tables\0';

/** The file's content for `tables`. */
export function serializeKeywordTables(tables: KeywordTables): string {
  const { keywords, rulesByKeyword, unconditional } = tables;
  const carrierOf = tables.carrierOf.map((c) => c ?? null);
  return `${KEYWORD_TABLES_TAG}${JSON.stringify({ keywords, rulesByKeyword, unconditional, carrierOf })}`;
}

/** The tables in a file's content, or undefined when it is not such a file. */
export function parseKeywordTables(data: string): KeywordTables | undefined {
  if (!data.startsWith(KEYWORD_TABLES_TAG)) return undefined;
  const read = JSON.parse(data.slice(KEYWORD_TABLES_TAG.length)) as {
    keywords: string[];
    rulesByKeyword: number[][];
    unconditional: number[];
    carrierOf: (number | null)[];
  };
  return { ...read, carrierOf: read.carrierOf.map((c) => c ?? undefined) };
}

interface Offer {
  readonly specs: readonly RuleSpec[];
  readonly read: () => KeywordTables | undefined;
  tables?: KeywordTables | undefined;
}
let offered: Offer | undefined;

/**
 * Offers the tables of exactly `specs`, read on first use: used for a list of the very same spec
 * objects in the same order (a config that disables nothing and overrides nothing), and ignored for any
 * other list (a user rule, a disabled one, an override, a copy in a worker), which is computed.
 */
export function offerKeywordTables(specs: readonly RuleSpec[], read: () => KeywordTables | undefined): void {
  offered = { specs, read };
}

/** The offered tables when `specs` are the specs they were offered for. */
export function offeredKeywordTables(specs: readonly RuleSpec[]): KeywordTables | undefined {
  if (offered === undefined || offered.specs.length !== specs.length) return undefined;
  for (let i = 0; i < specs.length; i++) if (specs[i] !== offered.specs[i]) return undefined;
  if (!('tables' in offered)) offered.tables = offered.read();
  return offered.tables;
}
