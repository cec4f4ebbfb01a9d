import type { Catalogue, CompiledRule, OwnedNames, PathTest } from '../engine/catalogue.js';
import { ISSUED_VALUE } from '../engine/generic-value.js';
import { compileKeywords } from '../engine/keywords.js';
import { FORMAT_VALIDATORS, VALIDATORS, VALUE_SYNTAX } from '../engine/validators.js';
import { KeyscanError } from '../errors.js';
import { keywordTables, offeredKeywordTables } from './keyword-tables.js';
import { literalsFor } from './path-literals.js';
import { isPrevalidated } from './prevalidated.js';
import { DEFAULT_MAX_MATCH, keywordsOf, type RuleSpec } from './spec.js';

/**
 * A pattern's source and flags, without the iteration flags (`g`, `y`, `d`) that the engine sets
 * itself; a leading `(?i)`, `(?im)`… in a string becomes flags.
 */
export function splitPattern(pattern: RegExp | string): { source: string; flags: string } {
  if (typeof pattern !== 'string') return { source: pattern.source, flags: pattern.flags.replace(/[gyd]/g, '') };
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  return { source: inline ? pattern.slice(inline[0].length) : pattern, flags: inline?.[1] ?? '' };
}

/**
 * Turns a pattern from the catalogue or a config file into a RegExp with the given extra flags
 * (`g` by default; `g`, `y` and `d` given by the pattern itself are dropped).
 * A leading `(?i)` (Go/PCRE style, as gitleaks configs use) becomes the `i` flag.
 */
export function toRegExp(pattern: RegExp | string, where: string, extra = 'g'): RegExp {
  const { source, flags: own } = splitPattern(pattern);
  const flags = [...new Set(`${own}${extra}`)].join('');
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new KeyscanError('E_RULE', `${where}: invalid regular expression: ${(e as Error).message}`, {
      hint: 'Fix the pattern; patterns use JavaScript regular expression syntax.',
      cause: e,
    });
  }
}

export function ruleMessage(spec: Pick<RuleSpec, 'description' | 'partner'>): string {
  return spec.partner ? `${spec.description}. ${spec.partner}` : spec.description;
}

/**
 * A compiled rule. A class, not an object literal with closures: the built-in catalogue compiles
 * ~900 of them at every start, and seven closures per rule (the lazy patterns, their getters) were
 * most of compileCatalogue's ~12 ms of a pre-commit run's CPU, measured. The patterns are built on
 * first read and kept (see {@link CompiledRule.regex}).
 */
class Compiled implements CompiledRule {
  readonly id: string;
  readonly severity: RuleSpec['severity'];
  readonly message: string;
  readonly exactKeywords: CompiledRule['exactKeywords'];
  readonly entropy: CompiledRule['entropy'];
  readonly validator: CompiledRule['validator'];
  readonly valueSyntax: CompiledRule['valueSyntax'];
  readonly maxLength: number;
  readonly generic: boolean;
  readonly refutes: boolean;
  #keywords: readonly string[] | undefined;
  #regex: RegExp | undefined;
  #locate: RegExp | undefined;
  #allowLine: readonly RegExp[] | undefined;
  #allowSecret: readonly RegExp[] | undefined;

  constructor(
    private readonly spec: RuleSpec,
    readonly index: number,
    readonly pathGroup: number | undefined,
  ) {
    this.id = spec.id;
    this.severity = spec.severity;
    this.message = ruleMessage(spec);
    this.exactKeywords = spec.keywordsExact?.length ? exactSpellings(spec.keywordsExact, spec.keywords) : undefined;
    this.entropy = spec.entropy;
    this.validator = spec.validator === undefined ? undefined : VALIDATORS[spec.validator];
    this.valueSyntax = spec.validator === undefined ? undefined : VALUE_SYNTAX[spec.validator];
    this.maxLength = spec.maxLength ?? DEFAULT_MAX_MATCH;
    this.generic = spec.tags?.includes('generic') ?? false;
    this.refutes = spec.validator !== undefined && FORMAT_VALIDATORS.has(spec.validator);
  }

  /** Read when a catalogue's keyword tables are computed, not when they are offered (keyword-tables.ts). */
  get keywords(): readonly string[] {
    this.#keywords ??= [...new Set(keywordsOf(this.spec).map((k) => k.toLowerCase()))];
    return this.#keywords;
  }

  locate(): RegExp {
    this.#locate ??= toRegExp(this.spec.regex, `rule ${this.spec.id}`, 'yd');
    return this.#locate;
  }

  get regex(): RegExp {
    this.#regex ??= toRegExp(this.spec.regex, `rule ${this.spec.id}`);
    return this.#regex;
  }

  get allowLine(): readonly RegExp[] {
    this.#allowLine ??= (this.spec.allowLine ?? []).map((p, i) => toRegExp(p, `rule ${this.spec.id} allowLine[${i}]`));
    return this.#allowLine;
  }

  get allowSecret(): readonly RegExp[] {
    this.#allowSecret ??= (this.spec.allowSecret ?? []).map((p, i) => toRegExp(p, `rule ${this.spec.id} allowSecret[${i}]`));
    return this.#allowSecret;
  }
}

/**
 * A rule's `owns`, its pattern built on first use: ~500 rules own names or prefixes, and a
 * pre-commit run that meets no generic match should not compile any of them.
 */
class Owned implements OwnedNames {
  readonly names: readonly string[];
  readonly prefixes: readonly string[];
  readonly alphabetOnly: boolean;
  #value: RegExp | undefined;

  constructor(
    private readonly id: string,
    private readonly owns: NonNullable<RuleSpec['owns']>,
  ) {
    this.names = (owns.names ?? []).map((n) => n.replace(/[_.-]/g, ''));
    this.prefixes = owns.prefixes ?? [];
    this.alphabetOnly = owns.value === undefined;
  }

  get value(): RegExp {
    this.#value ??= this.owns.value === undefined ? ISSUED_VALUE : toRegExp(`^(?:${this.owns.value})$`, `rule ${this.id} owns`, '');
    return this.#value;
  }
}

/** Per lowercase form of `exact`, its spellings there; a form that is also a plain keyword matches in any case. */
function exactSpellings(exact: readonly string[], plain: readonly string[]): Map<string, Uint8Array[]> {
  const out = new Map<string, Uint8Array[]>();
  const anyCase = new Set(plain.map((k) => k.toLowerCase()));
  for (const k of exact) {
    const key = k.toLowerCase();
    if (anyCase.has(key)) continue;
    const list = out.get(key) ?? [];
    list.push(Buffer.from(k, 'latin1'));
    out.set(key, list);
  }
  return out;
}

export function compileRule(spec: RuleSpec, index: number, pathGroup?: number): CompiledRule {
  const rule = new Compiled(spec, index, pathGroup);
  if (!isPrevalidated(spec)) void [rule.regex, rule.allowLine, rule.allowSecret];
  return rule;
}

/** A rule's path condition, without `g`/`y` (it is tested with `test`, which must not keep state). */
function pathRegExp(spec: RuleSpec): RegExp | undefined {
  return spec.path === undefined ? undefined : toRegExp(spec.path, `rule ${spec.id} path`, '');
}

/**
 * A path condition that first looks in the path for the literals its pattern cannot match without
 * (path-literals.ts), and runs the pattern only when one is there: most paths meet no condition,
 * and V8 compiles a pattern on its first run. A pre-commit run of a 10-file change spent 5-6 ms
 * compiling and running conditions (25 interleaved runs against none run at all, twice).
 */
class PathCondition implements PathTest {
  /** null: not read yet; undefined: none known, the pattern always runs. */
  #literals: readonly string[] | undefined | null = null;
  readonly #folds: boolean;

  constructor(readonly pattern: RegExp) {
    this.#folds = pattern.flags.includes('i');
  }

  get literals(): readonly string[] | undefined {
    if (this.#literals === null) this.#literals = literalsFor(this.pattern.source, this.pattern.flags);
    return this.#literals;
  }

  test(path: string): boolean {
    const literals = this.literals;
    if (literals !== undefined) {
      const text = this.#folds ? path.toLowerCase() : path;
      if (!literals.some((l) => text.includes(l))) return false;
    }
    return this.pattern.test(path);
  }
}

/** Compiles rules and their shared keyword automaton. Call once per thread. */
export function compileCatalogue(specs: readonly RuleSpec[]): Catalogue {
  const paths: PathCondition[] = [];
  const pathIds = new Map<string, number>();
  const rules = specs.map((spec, index) => {
    const path = pathRegExp(spec);
    let group: number | undefined;
    if (path !== undefined) {
      const key = `${path.flags}/${path.source}`;
      group = pathIds.get(key);
      if (group === undefined) {
        group = paths.push(new PathCondition(path)) - 1;
        pathIds.set(key, group);
      }
    }
    return compileRule(spec, index, group);
  });
  const { keywords, rulesByKeyword, unconditional, carrierOf } = offeredKeywordTables(specs) ?? keywordTables(rules);
  let owned: readonly OwnedNames[] | undefined;
  return {
    rules,
    keywords: compileKeywords(keywords),
    rulesByKeyword,
    unconditional,
    carrierOf,
    paths,
    // Read only for a generic match that passed every other check: most pre-commit runs have none.
    get owned(): readonly OwnedNames[] {
      owned ??= specs.flatMap((spec) => (spec.owns === undefined ? [] : [new Owned(spec.id, spec.owns)]));
      return owned;
    },
  };
}
