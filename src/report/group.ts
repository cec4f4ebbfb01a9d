/**
 * One entry per secret: a key committed to three files, or matched by two rules, is one thing to
 * revoke, so the human reports (text, HTML, markdown) show it once with all its locations. JSON
 * keeps every finding.
 */
import { type Finding, SEVERITIES, type Severity } from '../types.js';
import { findingLiveness, type Liveness } from './liveness.js';
import { secretTag } from './tag.js';

export interface SecretGroup {
  /** `#a3f9c1`: tells redacted secrets apart. */
  readonly tag: string;
  readonly secretHash: string;
  /** Every finding of this secret, in report order; the first is the one shown first. */
  readonly findings: readonly [Finding, ...Finding[]];
  /** The worst severity among its findings. */
  readonly severity: Severity;
  /** Distinct rule ids, in order of first appearance. */
  readonly ruleIds: readonly string[];
  /** Distinct paths, in order of first appearance. */
  readonly paths: readonly string[];
  /** The finding with the earliest author date (history and range scans), else undefined. */
  readonly introduced: Finding | undefined;
  readonly liveness: Liveness;
}

const RANK = new Map(SEVERITIES.map((s, i) => [s, i]));

/**
 * Groups findings by secret hash, keeping the order in which each secret first appears. Env-file
 * check findings hold no secret (their hash may be the hash of nothing), so each stays alone.
 */
export function groupFindings(findings: readonly Finding[]): SecretGroup[] {
  const byKey = new Map<string, Finding[]>();
  for (const [i, f] of findings.entries()) {
    const key = f.source === 'check' ? `check\0${i}` : `secret\0${f.secretHash}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [f]);
    else list.push(f);
  }
  return [...byKey.values()].map((list) => makeGroup(list as [Finding, ...Finding[]]));
}

function makeGroup(findings: [Finding, ...Finding[]]): SecretGroup {
  const first = findings[0];
  let severity = first.severity;
  let introduced: Finding | undefined;
  for (const f of findings) {
    if ((RANK.get(f.severity) ?? 0) < (RANK.get(severity) ?? 0)) severity = f.severity;
    if (f.date !== undefined && (introduced?.date === undefined || f.date < introduced.date)) introduced = f;
  }
  return {
    tag: secretTag(first.secretHash),
    secretHash: first.secretHash,
    findings,
    severity,
    ruleIds: distinct(findings.map((f) => f.ruleId)),
    paths: distinct(findings.map((f) => f.path)),
    introduced,
    liveness: groupLiveness(findings),
  };
}

/** A secret is live when any of its locations is; only in history when all are known to be gone. */
function groupLiveness(findings: readonly Finding[]): Liveness {
  const refs: string[] = [];
  let live = false;
  let unknown = false;
  let removedIn: string | undefined;
  for (const f of findings) {
    const one = findingLiveness(f);
    if (one === undefined) unknown = true;
    else if (one.live) {
      live = true;
      refs.push(...one.refs);
    } else removedIn ??= one.removedIn;
  }
  if (live) return { live: true, refs: distinct(refs) };
  if (unknown) return undefined;
  return removedIn === undefined ? { live: false } : { live: false, removedIn };
}

function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}
