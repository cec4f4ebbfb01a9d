/**
 * Gives every finding of a scan its keyed hash ({@link SecretHasher}) on the main thread, once
 * the scan is done and before the filters run: the engine (in workers, pure and synchronous)
 * only attaches a placeholder that never leaves the process.
 */
import { fingerprintOf, sha256 } from '../engine/fingerprint.js';
import type { BaselineKey } from '../filters/baseline.js';
import type { Finding } from '../types.js';
import { isGuessable, type SecretHasher } from './secret-hash.js';

/** What a check finding hashed (it carries no secret): the offending value and its identity. */
const checkInputs = new WeakMap<Finding, { readonly value: string; readonly identity: string | undefined }>();

/** Called by the checks as they build a finding: the value is kept only until it is hashed. */
export function rememberHashInput(finding: Finding, value: string, identity: string | undefined): void {
  checkInputs.set(finding, { value, identity });
}

/** Keeps what `from` hashes when a copy of it replaces it. */
export function carryHashInput(from: Finding, to: Finding): Finding {
  const input = checkInputs.get(from);
  if (input !== undefined && to !== from) checkInputs.set(to, input);
  return to;
}

/** The value a finding's hash is made of. */
function hashInput(f: Finding): { value: string; identity: string | undefined } {
  return checkInputs.get(f) ?? { value: f.source === 'check' ? '' : f.secret.reveal(), identity: undefined };
}

/** The old format's hash of a finding: plain SHA-256 of its secret (of a check's value). */
export function legacyHashOf(f: Finding): string {
  return sha256(hashInput(f).value);
}

export interface Rehashed {
  readonly findings: Finding[];
  /** The old format's hash (plain SHA-256 of the secret) by rule → the keyed hash, for old baselines. */
  readonly legacy: ReadonlyMap<string, string>;
}

/** `findings` with keyed `secretHash` and `fingerprint`, in the same order. */
export async function rehash(
  findings: readonly Finding[],
  hasher: SecretHasher,
  tagsOf: (ruleId: string) => readonly string[] | undefined,
): Promise<Rehashed> {
  const inputs = findings.map((f) => {
    const { value, identity } = hashInput(f);
    return { secret: value, slow: isGuessable(f.ruleId, tagsOf(f.ruleId), value), identity };
  });
  const hashes = await hasher.hashAll(inputs);
  const legacy = new Map<string, string>();
  const out = findings.map((f, i) => {
    const input = inputs[i] as (typeof inputs)[number];
    const secretHash = hashes[i] as string;
    legacy.set(`${f.ruleId}\0${sha256(input.secret)}`, secretHash);
    const identity = input.identity === undefined ? secretHash : sha256(`${input.identity}\0${secretHash}`);
    const fingerprint = fingerprintOf(f.ruleId, f.path, identity, f.commit);
    const next: Finding = { ...f, secretHash, fingerprint };
    const check = checkInputs.get(f);
    if (check !== undefined) checkInputs.set(next, check);
    return next;
  });
  return { findings: out, legacy };
}

/**
 * Entries of an old-format baseline (plain SHA-256) with the keyed hashes of the findings they
 * name. An entry no finding of this scan has keeps its old hash, which matches nothing.
 */
export function translateLegacy<T extends BaselineKey>(entries: readonly T[], legacy: ReadonlyMap<string, string>): T[] {
  return entries.map((e) => {
    const keyed = legacy.get(`${e.ruleId}\0${e.secretHash}`);
    return keyed === undefined ? e : { ...e, secretHash: keyed };
  });
}
