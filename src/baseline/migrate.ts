import { legacyHashOf } from '../hash/rehash.js';
import type { Finding } from '../types.js';
import { BASELINE_VERSION, type Baseline } from './format.js';

/**
 * A version 1 baseline (plain SHA-256 of each secret) as a version 2 one for the findings of a
 * scan: each entry whose secret this scan found gets that finding's keyed hash, so its reason and
 * acceptor carry over. Entries for secrets that are gone stay unmatched and drop out.
 */
export function migrateLegacy(old: Baseline, findings: readonly Finding[]): Baseline {
  const keyed = new Map<string, string>();
  for (const f of findings) keyed.set(`${f.ruleId}\0${legacyHashOf(f)}`, f.secretHash);
  const entries = old.entries.map((e) => {
    const secretHash = keyed.get(`${e.ruleId}\0${e.secretHash}`);
    return secretHash === undefined ? e : { ...e, secretHash };
  });
  return { version: BASELINE_VERSION, entries };
}
