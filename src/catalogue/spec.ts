import type { CharsetEntropy } from '../engine/entropy.js';
import type { ValidatorName } from '../engine/validators.js';
import type { Severity } from '../types.js';

/** How to get rid of a leaked credential of this kind. */
export interface Remediation {
  /** The provider's page where the credential is revoked (a URL). */
  readonly revoke: string;
  /** How to issue a replacement and roll it out. */
  readonly rotate: string;
}

/**
 * One detector, as plain data: the same shape for the built-in catalogue, `keyscan rules --json`,
 * SARIF rule metadata, worker messages and (as JSON/YAML) users' own rules.
 */
export interface RuleSpec {
  /** kebab-case and never renamed: baselines, allow comments and SARIF depend on it. */
  readonly id: string;
  readonly description: string;
  /** Who issues the credential (e.g. `GitHub`), or `Generic`. */
  readonly provider: string;
  readonly severity: Severity;
  /**
   * The detector. A named group `secret` marks the credential inside the match; without it the
   * whole match is the secret. RegExp literals in the catalogue, strings in user config.
   * Patterns run against text where every byte is one character (latin1 view of UTF-8).
   */
  readonly regex: RegExp | string;
  /** Lowercase literals, at least one of which occurs in (or near) every match: the prefilter. */
  readonly keywords: readonly string[];
  /**
   * Keywords in their case: a hit opens a window only when the text has exactly this spelling.
   * For literals short and common as letters in any case, where the pattern and validator accept
   * one case only (the three characters that begin a Discord bot token's base64, `MTA`…`OTk`,
   * are `nte`, `ode`, `ota` in every other word): a hit in another case can never be a match,
   * and the windows of those hits cost more than the rule's whole share of matching.
   */
  readonly keywordsExact?: readonly string[];
  /**
   * Minimum Shannon entropy (bits per character) of the secret: one number, or one per alphabet
   * the secret is drawn from (`{ hex: 3, alnum: 3.5, base64: 4, other: 3 }`), since a random hex
   * string tops out at 4 bits per character and a base64 one near 6.
   */
  readonly entropy?: number | CharsetEntropy;
  /**
   * A named check in the engine (`src/engine/validators.ts`) that a regex cannot express: a
   * checksum (`github-checksum`), a decoding (`basic-auth`, `jwt`), or the generic rule's filters.
   */
  readonly validator?: ValidatorName;
  /**
   * Upper bound on the length of a match in bytes. The regex runs on windows of this size around
   * keyword hits; matches longer than it are not seen. Default {@link DEFAULT_MAX_MATCH}.
   */
  readonly maxLength?: number;
  /**
   * Where the rule applies: a regular expression tested once per fragment against its
   * repository-relative POSIX path (`(^|/)\.netrc$`). A rule with a path runs only on files it
   * matches, so it can trust the context (a `.pgpass` line needs no entropy) and may have no
   * keywords (a Rails `master.key` is nothing but the key). Without it, every file.
   */
  readonly path?: RegExp | string;
  /** A match whose line also matches one of these is not a finding (e.g. a comment in docs). */
  readonly allowLine?: readonly (RegExp | string)[];
  /** A secret that matches one of these is not a finding (well-known defaults, stop-words). */
  readonly allowSecret?: readonly (RegExp | string)[];
  readonly remediation: Remediation;
  /** The provider's documentation of the format. */
  readonly references?: readonly string[];
  readonly tags?: readonly string[];
  /**
   * Where the provider's credentials are the only thing: under these names (lowercase words that
   * start the name: `meraki` owns `MERAKI_API_KEY` and `merakiToken`) or after these literal
   * prefixes (`cfut_`). With `value`, the one format the provider documents for all of them: a
   * value there in another shape is none of its credentials (a typo, a truncated or corrupted
   * copy), so the generic rules do not report it either; any such value goes unreported, so only
   * for formats documented as the only one. Without `value`, only that they are credentials the
   * provider issues: a value with a character no issuer uses is refuted, any other proves nothing.
   */
  readonly owns?: { readonly names?: readonly string[]; readonly prefixes?: readonly string[]; readonly value?: string };
  /** Said in the finding when the credential only works together with another value. */
  readonly partner?: string;
  /**
   * Examples the test suite runs. `{{class:n}}` expands to n random characters of that class
   * (see `catalogue/examples.ts`), so no token-shaped text is committed.
   */
  readonly examples: {
    readonly positive: readonly string[];
    readonly negative: readonly string[];
    /** The path the examples are scanned under: required when the rule has a `path`. */
    readonly path?: string;
  };
}

export const DEFAULT_MAX_MATCH = 512;

/** Every keyword of a rule as written: the plain ones, then those matched in their case. */
export function keywordsOf(spec: Pick<RuleSpec, 'keywords' | 'keywordsExact'>): string[] {
  return [...spec.keywords, ...(spec.keywordsExact ?? [])];
}

/**
 * A token prefix that names one provider: four characters or more, ending in a separator
 * (`cfut_`, `xai-`, `pat.`). `sk-`, `pk_`, `AKIA`-like letter runs and `eyJ` are shared or mean
 * an encoding, not a provider.
 */
export function isDistinctivePrefix(prefix: string): boolean {
  return prefix.length >= 4 && /^[A-Za-z0-9][A-Za-z0-9_.&-]*[_.-]$/.test(prefix);
}
