import { toRegExp } from '../catalogue/compile.js';
import type { Allowlist } from '../config/config.js';
import { compileGlobs } from '../config/glob.js';
import { type Candidate, type Partition, partition } from './candidate.js';

/** An allowlist ready to test findings against. */
export interface CompiledAllowlist {
  readonly paths: ((path: string) => boolean) | undefined;
  readonly secretRegexes: readonly RegExp[];
  readonly lineRegexes: readonly RegExp[];
  readonly stopwords: readonly string[];
}

export function compileAllowlist(list: Allowlist): CompiledAllowlist {
  const compile = (patterns: readonly string[], key: string): RegExp[] =>
    patterns.map((p, i) => {
      const re = toRegExp(p, `allowlist ${key}[${i}]`);
      return new RegExp(re.source, re.flags.replace(/[gd]/g, '')); // tested once each: no state
    });
  return {
    paths: list.paths.length > 0 ? compileGlobs(list.paths) : undefined,
    secretRegexes: compile(list.secretRegexes, 'secretRegexes'),
    lineRegexes: compile(list.lineRegexes, 'lineRegexes'),
    stopwords: list.stopwords.map((w) => w.toLowerCase()),
  };
}

/** True when the allowlist covers the candidate: its path, its secret, a stop-word in it, or its line. */
export function allowlisted(c: Candidate, list: CompiledAllowlist): boolean {
  if (list.paths?.(c.finding.path)) return true;
  if (list.secretRegexes.length > 0 || list.stopwords.length > 0) {
    const secret = c.finding.secret.reveal();
    if (list.secretRegexes.some((re) => re.test(secret))) return true;
    const lower = secret.toLowerCase();
    if (list.stopwords.some((w) => lower.includes(w))) return true;
  }
  if (list.lineRegexes.length > 0 && c.context !== undefined) {
    const line = c.context.text.reveal();
    if (list.lineRegexes.some((re) => re.test(line))) return true;
  }
  return false;
}

/** Silences candidates covered by the global allowlist or by their own rule's. */
export function applyAllowlists(
  candidates: readonly Candidate[],
  global: CompiledAllowlist | undefined,
  byRule: ReadonlyMap<string, CompiledAllowlist>,
): Partition {
  return partition(candidates, (c) => {
    if (global !== undefined && allowlisted(c, global)) return true;
    const own = byRule.get(c.finding.ruleId);
    return own !== undefined && allowlisted(c, own);
  });
}
