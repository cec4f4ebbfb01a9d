// The 100 most-used providers (top-providers.json) and the external cases set apart as "not a
// documented format" (not-documented.mjs): which provider a case's detector belongs to, and
// recall over those providers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NOT_DOCUMENTED } from './not-documented.mjs';
import { NOT_NEGATIVE } from './not-negative.mjs';

/** @returns {{ name: string, family: string, rules: string[], external: string[] }[]} */
export function loadTopProviders() {
  return JSON.parse(readFileSync(new URL('top-providers.json', import.meta.url), 'utf8')).providers;
}

/** Map "source/provider" → the top provider entry whose cases they are. */
export function topIndex(top) {
  const index = new Map();
  for (const p of top) for (const key of p.external) index.set(key, p);
  return index;
}

/**
 * A stable name for one target of one case that does not contain the token: the first 12 hex
 * digits of sha256(source, provider, text, target).
 */
export function targetKey(c, target) {
  return createHash('sha256')
    .update(`${c.source}\0${c.provider}\0${c.text}\0${target ?? ''}`)
    .digest('hex')
    .slice(0, 12);
}

const notDocumented = new Map(NOT_DOCUMENTED.map((n) => [`${n.case}#${n.key}`, { reason: n.reason, kind: n.kind }]));

/** Why ({ reason, kind }) a target is not a documented format of its provider, or undefined when it is one. */
export function notDocumentedReason(c, target) {
  return notDocumented.get(`${c.source}/${c.provider}#${targetKey(c, target)}`);
}

const notNegative = new Map(NOT_NEGATIVE.map((n) => [`${n.case}#${n.key}`, n.reason]));

/** Why a negative case holds a credential after all (not-negative.mjs), or undefined when it does not. */
export function notNegativeReason(c) {
  return notNegative.get(`${c.source}/${c.provider}#${targetKey(c, null)}`);
}

/**
 * One row per top provider, summed over the external rows that exercise it, with the targets
 * its own rules (not a generic rule) found. Providers no external case exercises have targets 0.
 */
export function topRows(top, rows) {
  const byKey = new Map(rows.map((r) => [`${r.source}/${r.provider}`, r]));
  return top.map((p) => {
    const parts = p.external.map((k) => byKey.get(k)).filter((r) => r !== undefined);
    const sum = (k) => parts.reduce((n, r) => n + r[k], 0);
    const targets = sum('targets');
    const found = sum('found');
    return {
      name: p.name,
      family: p.family,
      targets,
      found,
      foundOwn: parts.reduce((n, r) => n + r.foundBy.filter((ids) => ids.some((id) => p.rules.includes(id))).length, 0),
      recall: targets ? found / targets : 1,
      negatives: sum('negatives'),
      flagged: sum('flagged'),
      flaggedApart: sum('flaggedApart'),
      notDocumented: parts.flatMap((r) => r.notDocumented),
      missed: parts.flatMap((r) => r.missed.map((m) => ({ ...m, source: r.source, provider: r.provider }))),
    };
  });
}
