/**
 * A provider's own names, prefixes and formats (`RuleSpec.owns`) applied to what a generic rule
 * found, with the reasoning of a format validator's refutation: a value under `MERAKI_API_KEY` that
 * is no 40 hex digits is no Meraki key, and `gloas-` with 32 hex digits is a cut copy of a GitLab
 * secret; being under a secret's name makes neither another kind of secret.
 */
import type { OwnedNames } from './catalogue.js';

const PASSWORD_NAME = /pass|pwd|salt/;

/** What may complete a cut token: a digit, or a letter of either case (a body's alphabet holds one of them). */
const FILLERS = ['0', 'a', 'A'];
/** The longest completion tried: the generic rule reads values of up to 300 characters. */
const MAX_FILL = 300;

/**
 * Whether `value` is the start of a value `format` matches: a token cut short. A longer or
 * otherwise different value after a provider's prefix is not refuted, since providers lengthen
 * their formats (GitLab's routable tokens, OpenAI's project keys) and a rule may not know the new
 * one yet; a shorter one cannot be a newer format. Runs only for a generic match that starts with
 * an owned prefix and fails its format, which is rare: at most 900 tests of an anchored pattern.
 */
function isCutShort(format: RegExp, value: string): boolean {
  for (const fill of FILLERS) {
    for (let n = 1; n <= MAX_FILL; n++) if (format.test(value + fill.repeat(n))) return true;
  }
  return false;
}

/**
 * True when a generic rule's value is owned by one or more provider rules and refuted: under one
 * of their names it has none of their documented formats or leaves their alphabet, or after one of
 * their prefixes it is a cut copy. A value one of the formats accepts stays reported (by that rule,
 * which wins over the generic one); an alphabet vouches for nothing.
 */
export function isDisowned(owned: readonly OwnedNames[], name: string, value: string): boolean {
  // A provider account's password is chosen by a person, in any alphabet: only its own rules judge it.
  const flat = PASSWORD_NAME.test(name) ? '' : name.replace(/_/g, '');
  let refuted = false;
  for (const o of owned) {
    const byName = flat !== '' && o.names.some((n) => flat.startsWith(n));
    const byPrefix = !byName && o.prefixes.some((p) => value.startsWith(p));
    if (!byName && !byPrefix) continue;
    if (o.value.test(value)) {
      if (!o.alphabetOnly) return false;
    } else if (byName || isCutShort(o.value, value)) refuted = true;
  }
  return refuted;
}
