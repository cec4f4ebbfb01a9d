/**
 * The compiled catalogue: the form of the rules that the engine runs. The engine owns this shape;
 * src/catalogue/ builds it from rule specs (so the engine never imports the catalogue).
 */
import type { Severity } from '../types.js';
import type { CharsetEntropy } from './entropy.js';
import type { KeywordMatcher } from './keywords.js';
import type { Validator, ValueSyntax } from './validators.js';

/** The parts of a rule the engine needs, with its patterns compiled once per thread. */
export interface CompiledRule {
  readonly index: number;
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly keywords: readonly string[];
  /**
   * Per keyword that comes from `keywordsExact` only (lowercase, as in {@link CompiledRule.keywords}),
   * the spellings a hit must have, byte for byte, to open a window for this rule.
   */
  readonly exactKeywords: ReadonlyMap<string, readonly Uint8Array[]> | undefined;
  /**
   * The scanning pattern: flags always include `g`, never `d` (see {@link CompiledRule.locate}).
   * Built on first use for a prevalidated spec (the built-in catalogue, see catalogue/prevalidated.ts).
   */
  readonly regex: RegExp;
  /**
   * The same pattern, sticky and with `d`, run only at a position where `regex` matched to find the
   * `secret` group's offsets. Scanning without `d` keeps V8's linear-engine fallback available
   * (it does not support `d`). Built on first use: most rules never match.
   */
  readonly locate: () => RegExp;
  readonly entropy: number | CharsetEntropy | undefined;
  readonly validator: Validator | undefined;
  /** Reads the real extent of the value that starts at the `secret` group (the generic rule). */
  readonly valueSyntax: ValueSyntax | undefined;
  readonly maxLength: number;
  readonly allowLine: readonly RegExp[];
  readonly allowSecret: readonly RegExp[];
  /** Generic rules yield to a specific rule that matched the same secret. */
  readonly generic: boolean;
  /**
   * Its validator checks the value's documented format (a checksum, a decoding, the parameters
   * the provider accepts), so a value it rejects is no credential of that shape: a generic rule
   * does not report it either (`FORMAT_VALIDATORS`).
   */
  readonly refutes: boolean;
  /** Index into {@link Catalogue.paths} of the rule's path condition; undefined: every file. */
  readonly pathGroup: number | undefined;
}

/** Names and prefixes a provider's rule owns, and the format of every credential under them (`RuleSpec.owns`). */
export interface OwnedNames {
  /** The names without separators (`meraki`, `keenmaster`): a snake_cased name starting with one is owned. */
  readonly names: readonly string[];
  /** Literal prefixes: a value starting with one is owned. */
  readonly prefixes: readonly string[];
  /** The whole value. */
  readonly value: RegExp;
  /** `value` is an alphabet, not a format: it refutes, never vouches. */
  readonly alphabetOnly: boolean;
}

/** A path condition: a rule's `path` pattern (compiled without `g`/`y`, so testing keeps no state). */
export interface PathTest {
  test(path: string): boolean;
}

export interface Catalogue {
  readonly rules: readonly CompiledRule[];
  readonly keywords: KeywordMatcher;
  /** keyword id → rule indexes that the keyword triggers. */
  readonly rulesByKeyword: readonly (readonly number[])[];
  /** Rules without keywords: run on every fragment (only user rules may be like this). */
  readonly unconditional: readonly number[];
  /** keyword id → index in `CARRIERS` when the keyword introduces base64 worth decoding. */
  readonly carrierOf: readonly (number | undefined)[];
  /**
   * The distinct path conditions of the rules (rules that share one share its entry), so a
   * fragment's path is tested once per condition, not once per rule.
   */
  readonly paths: readonly PathTest[];
  /** What the provider rules say their names hold: a generic rule reports no other value under them. */
  readonly owned: readonly OwnedNames[];
}
