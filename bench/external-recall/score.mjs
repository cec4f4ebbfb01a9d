// Scoring: which targets keyscan's findings cover, per provider and per family, and how the
// missed cases look with their tokens taken out (shapes and contexts safe to write down).
import { isPlaceholder } from '../../dist/src/engine/placeholders.js';
import { familyOf, slug } from './families.mjs';
import { notDocumentedReason, notNegativeReason } from './top-providers.mjs';

/**
 * Whether a finding's secret covers a target (the same token, or one part of a composite one, or
 * a credential inside a base64 part: keyscan reports the key it finds in a decoded docker auth).
 */
export function covers(secret, target) {
  if (target === null) return true;
  if (secret.length < 8) return target === secret;
  if (target.includes(secret) || secret.includes(target)) return true;
  const parts = target.split(/[\s:;|,@"'=]+/).filter((p) => p.length >= 8);
  if (parts.some((p) => secret.includes(p) || p.includes(secret))) return true;
  const head = secret.slice(0, 64);
  return parts.some((p) => p.length >= 16 && /^[A-Za-z0-9+/]+$/.test(p) && Buffer.from(p, 'base64').toString('utf8').includes(head));
}

const GENERIC_RULE = /^(generic|jwt|private-key|env-)/;

/** Whether the case's text names the provider (its slug, or the slug's first 6 letters). */
function namesProvider(text, provider) {
  const s = slug(provider);
  const t = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return t.includes(s) || (s.length > 6 && t.includes(s.slice(0, 6)));
}

/**
 * Per-provider tallies. `findingsByCase` maps a case index to its findings ({ ruleId, secret }).
 * A positive target is found when a finding covers it, and found "by a provider rule" when that
 * finding's rule is not one of the catch-all generic ones. A target listed in not-documented.mjs
 * is not counted as a target: it goes to `notDocumented` with its reason and whether it was found.
 * A flagged negative listed in not-negative.mjs counts in `flagged` and in `flaggedApart`, with
 * its reason in `notNegative`; `flaggedBy` names the rules of the other flagged negatives only.
 * (`notNegative` looks a case up there; tests pass their own.)
 */
export function tally(cases, findingsByCase, notNegative = notNegativeReason) {
  const providers = new Map();
  for (const [i, c] of cases.entries()) {
    const key = `${c.source}/${c.provider}`;
    if (!providers.has(key)) {
      providers.set(key, {
        source: c.source,
        provider: c.provider,
        family: familyOf(c.provider),
        targets: 0,
        found: 0,
        foundSpecific: 0,
        negatives: 0,
        flagged: 0,
        flaggedApart: 0,
        notNegative: [],
        missed: [],
        missedNamed: 0,
        missedPlaceholder: 0,
        rules: new Set(),
        flaggedBy: new Set(),
        foundBy: [],
        notDocumented: [],
      });
    }
    const p = providers.get(key);
    const findings = findingsByCase.get(i) ?? [];
    if (!c.positive) {
      p.negatives++;
      if (findings.length === 0) continue;
      p.flagged++;
      const apart = notNegative(c);
      if (apart !== undefined) {
        p.flaggedApart++;
        p.notNegative.push({ reason: apart, rules: [...new Set(findings.map((f) => f.ruleId))] });
        continue;
      }
      for (const f of findings) p.flaggedBy.add(f.ruleId);
      continue;
    }
    for (const target of c.targets) {
      const hits = findings.filter((f) => covers(f.secret, target));
      const apart = notDocumentedReason(c, target);
      if (apart !== undefined) {
        p.notDocumented.push({ ...apart, found: hits.length > 0 });
        continue;
      }
      p.targets++;
      if (hits.length > 0) {
        p.found++;
        p.foundBy.push(hits.map((h) => h.ruleId));
        for (const h of hits) p.rules.add(h.ruleId);
        if (hits.some((h) => !GENERIC_RULE.test(h.ruleId))) p.foundSpecific++;
      } else {
        p.missed.push({ text: c.text, target });
        // A rule that needs the provider's name next to the value cannot see a case that never names it.
        if (namesProvider(c.text, c.provider)) p.missedNamed++;
        // keyscan drops typed filler and example values on purpose (0123456789…, EXAMPLE).
        if (target !== null && isPlaceholder(target)) p.missedPlaceholder++;
      }
    }
  }
  return [...providers.values()];
}

export function summarise(rows) {
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  const targets = sum('targets');
  const found = sum('found');
  const negatives = sum('negatives');
  const flagged = sum('flagged');
  const flaggedApart = sum('flaggedApart');
  const apart = rows.flatMap((r) => r.notDocumented);
  return {
    providers: new Set(rows.map((r) => slug(r.provider))).size,
    notDocumented: apart.length,
    notDocumentedFound: apart.filter((n) => n.found).length,
    targets,
    found,
    foundSpecific: sum('foundSpecific'),
    missedNamed: sum('missedNamed'),
    missedPlaceholder: sum('missedPlaceholder'),
    recall: targets ? found / targets : 0,
    negatives,
    flagged,
    flaggedApart,
    precision: found + flagged ? found / (found + flagged) : 1,
    // Negatives set apart as holding a credential after all (not-negative.mjs) are not counted against it.
    precisionApart: found + flagged - flaggedApart ? found / (found + flagged - flaggedApart) : 1,
  };
}

const ALPHABETS = [
  ['digits', /^[0-9]+$/],
  ['lowercase hex', /^[0-9a-f]+$/],
  ['uppercase hex', /^[0-9A-F]+$/],
  ['lowercase alnum', /^[0-9a-z]+$/],
  ['uppercase alnum', /^[0-9A-Z]+$/],
  ['alnum', /^[0-9A-Za-z]+$/],
  ['base64url', /^[0-9A-Za-z_-]+$/],
  ['base64', /^[0-9A-Za-z+/]+=*$/],
];

/** A token's shape without the token: its literal prefix (if any), then length and alphabet. */
export function shapeOf(token) {
  if (token === null) return 'unknown (the source only says the line is flagged)';
  const m = /^([A-Za-z]{1,12}[_-]|[A-Za-z]{2,5}\.)(?=.{12})/.exec(token);
  const prefix = m ? m[1] : '';
  const rest = token.slice(prefix.length);
  const alphabet = ALPHABETS.find(([, re]) => re.test(rest))?.[0] ?? 'mixed';
  return `${prefix ? `"${prefix}" + ` : ''}${rest.length} ${alphabet}`;
}

/** The line around a target with every token-like run replaced by its length. */
export function contextOf(text, target) {
  const at = target === null ? -1 : text.indexOf(target);
  let line;
  if (at >= 0) {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at + target.length);
    line = `${text.slice(start, at)}<TOKEN>${text.slice(at + target.length, end < 0 ? undefined : end)}`;
  } else line = text.split('\n').find((l) => /[A-Za-z0-9]{12}/.test(l)) ?? text.split('\n')[0] ?? '';
  // Plain words and identifiers stay (they show the assignment); anything else that long is masked.
  const word = /^(?:[A-Z]?[a-z]+(?:_[a-z]+)*|[A-Z]+(?:_[A-Z]+)+)$/;
  const masked = line.replace(/[A-Za-z0-9+/_.=-]{12,}/g, (run) => (run.length <= 30 && word.test(run) ? run : `<${run.length}>`));
  return masked.length > 110 ? `${masked.slice(0, 110)}…` : masked;
}
