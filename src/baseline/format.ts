/**
 * The baseline file: findings a team has accepted, identified by rule, path and secret hash,
 * never by the secret or a line number. Written sorted, one key per line, without timestamps, so
 * it diffs and merges cleanly; `git log -p` / `git blame` on it say who accepted what and when.
 */
import { fingerprintOf } from '../engine/fingerprint.js';
import { KeyscanError } from '../errors.js';
import { keyOf } from '../filters/baseline.js';
import { newSalt } from '../hash/secret-hash.js';
import type { Finding } from '../types.js';

/**
 * 2: keyed hashes (HMAC-SHA-256, and scrypt for guessable secrets) with the file's own `salt`.
 * 1 (read, never written): plain SHA-256 of each secret; it still applies, with a warning, and
 * `keyscan baseline` rewrites it as version 2 keeping every reason.
 */
export const BASELINE_VERSION = 2;
export const LEGACY_BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly ruleId: string;
  /** Repository-relative POSIX path where the secret was accepted. */
  readonly path: string;
  /** Keyed hash (hex) of the secret, made with the baseline's salt (plain SHA-256 in version 1). */
  readonly secretHash: string;
  /** Rule + path + secret hash, as in reports (without the commit, so it is the same in every mode). */
  readonly fingerprint: string;
  /** Why it is acceptable (a test fixture, revoked on …): free text, kept when the file is regenerated. */
  readonly reason?: string;
  /** Who accepted it. */
  readonly acceptedBy?: string;
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION | typeof LEGACY_BASELINE_VERSION;
  /** The project's salt for keyed hashes: 256 random bits, hex (absent in version 1). */
  readonly salt?: string;
  readonly entries: readonly BaselineEntry[];
}

const TOP_KEYS = ['version', 'description', 'salt', 'entries'];
const ENTRY_KEYS = ['ruleId', 'path', 'secretHash', 'fingerprint', 'reason', 'acceptedBy'];
const DESCRIPTION =
  'keyscan baseline: accepted findings, by rule, path and a keyed hash of the secret (salted with "salt"; slow for guessable secrets). Regenerate with `keyscan baseline`; edit reasons freely.';
const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Parses and validates a baseline file. Lenient where it is harmless (any entry order, duplicate
 * entries merged), strict where a mistake would silently hide or show findings (unknown keys,
 * malformed hashes, a fingerprint that does not match its entry). Errors are E_CONFIG, exit 2.
 */
export function parseBaseline(text: string, file: string): Baseline {
  const fail = (key: string, problem: string): never => {
    throw new KeyscanError('E_CONFIG', `${file}: ${key}: ${problem}`, {
      hint: 'Restore the file from git, or delete it and run `keyscan baseline` to write a new one.',
    });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the file, and a damaged file is not worth quoting.
    return fail('(top level)', text.trim() === '' ? 'the file is empty' : 'not valid JSON (truncated or damaged?)');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('(top level)', 'must be an object');
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!TOP_KEYS.includes(key)) fail(key, `unknown key (known keys: ${TOP_KEYS.join(', ')})`);
  const version = obj.version;
  if (version !== BASELINE_VERSION && version !== LEGACY_BASELINE_VERSION)
    return fail('version', `must be ${BASELINE_VERSION} (this keyscan reads baseline versions 1 and 2)`);
  if (version === BASELINE_VERSION && (typeof obj.salt !== 'string' || !HEX64.test(obj.salt)))
    fail('salt', 'must be 64 lowercase hex characters (the salt `keyscan baseline` wrote); without it no hash can match');
  if (version === LEGACY_BASELINE_VERSION && obj.salt !== undefined) fail('salt', 'a version 1 baseline has no salt');
  if (!Array.isArray(obj.entries)) return fail('entries', 'must be a list');
  const byKey = new Map<string, BaselineEntry>();
  obj.entries.forEach((raw: unknown, i) => {
    const entry = parseEntry(raw, `entries[${i}]`, fail);
    const key = keyOf(entry);
    const earlier = byKey.get(key);
    byKey.set(key, earlier === undefined ? entry : mergeNotes(earlier, entry));
  });
  const entries = sortEntries([...byKey.values()]);
  return version === BASELINE_VERSION ? { version, salt: obj.salt as string, entries } : { version, entries };
}

function parseEntry(raw: unknown, at: string, fail: (key: string, problem: string) => never): BaselineEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(at, 'must be an object');
  const e = raw as Record<string, unknown>;
  for (const key of Object.keys(e))
    if (!ENTRY_KEYS.includes(key)) fail(`${at}.${key}`, `unknown key (known keys: ${ENTRY_KEYS.join(', ')})`);
  for (const key of ['ruleId', 'path'] as const) {
    if (typeof e[key] !== 'string' || e[key] === '') fail(`${at}.${key}`, 'must be a non-empty string');
  }
  for (const key of ['secretHash', 'fingerprint'] as const) {
    if (typeof e[key] !== 'string' || !HEX64.test(e[key])) fail(`${at}.${key}`, 'must be 64 lowercase hex characters (a hash)');
  }
  for (const key of ['reason', 'acceptedBy'] as const) {
    if (e[key] !== undefined && typeof e[key] !== 'string') fail(`${at}.${key}`, 'must be a string');
  }
  const entry = e as unknown as BaselineEntry;
  if (entry.fingerprint !== fingerprintOf(entry.ruleId, entry.path, entry.secretHash)) {
    fail(`${at}.fingerprint`, 'does not match ruleId, path and secretHash (edited by hand?)');
  }
  return entry;
}

function mergeNotes(a: BaselineEntry, b: BaselineEntry): BaselineEntry {
  const reason = a.reason ?? b.reason;
  const acceptedBy = a.acceptedBy ?? b.acceptedBy;
  return { ...a, ...(reason !== undefined ? { reason } : {}), ...(acceptedBy !== undefined ? { acceptedBy } : {}) };
}

/** The file's text: fixed key order, sorted entries, two-space indent, trailing newline. Always version 2. */
export function serializeBaseline(baseline: Baseline): string {
  if (baseline.version !== BASELINE_VERSION || baseline.salt === undefined) {
    throw new KeyscanError('E_CONFIG', 'a baseline is written in version 2, with its salt');
  }
  const entries = sortEntries(baseline.entries).map((e) => {
    const out: Record<string, string> = { ruleId: e.ruleId, path: e.path, secretHash: e.secretHash, fingerprint: e.fingerprint };
    if (e.reason !== undefined) out.reason = e.reason;
    if (e.acceptedBy !== undefined) out.acceptedBy = e.acceptedBy;
    return out;
  });
  return `${JSON.stringify({ version: BASELINE_VERSION, description: DESCRIPTION, salt: baseline.salt, entries }, null, 2)}\n`;
}

function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.secretHash, b.secretHash));
}

/** What regenerating a baseline changed. */
export interface BaselineChanges {
  readonly added: number;
  readonly kept: number;
  readonly removed: number;
}

/**
 * The baseline for `findings`: one entry per rule + path + secret. Reasons and acceptors carry
 * over from `previous`: from the same entry, or from the entry of a moved secret (same rule and
 * secret, at a path that is gone). New entries get `notes`. `salt` must be the one the findings
 * were hashed with (default: the previous baseline's, else a new one).
 */
export function buildBaseline(
  findings: readonly Pick<Finding, 'ruleId' | 'path' | 'secretHash'>[],
  previous: Baseline | undefined,
  isGone: (path: string) => boolean,
  notes: { readonly reason?: string; readonly acceptedBy?: string } = {},
  salt: string = previous?.salt ?? newSalt(),
): { baseline: Baseline; changes: BaselineChanges } {
  const old = new Map((previous?.entries ?? []).map((e) => [keyOf(e), e]));
  const movedFrom = new Map<string, BaselineEntry[]>();
  for (const e of previous?.entries ?? []) {
    if (!isGone(e.path)) continue;
    const list = movedFrom.get(`${e.ruleId}\0${e.secretHash}`) ?? [];
    movedFrom.set(`${e.ruleId}\0${e.secretHash}`, [...list, e]);
  }
  const entries = new Map<string, BaselineEntry>();
  let added = 0;
  for (const f of [...findings].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const key = keyOf(f);
    if (entries.has(key)) continue;
    const before = old.get(key) ?? movedFrom.get(`${f.ruleId}\0${f.secretHash}`)?.shift();
    if (before === undefined) added++;
    const source = before ?? notes;
    entries.set(key, {
      ruleId: f.ruleId,
      path: f.path,
      secretHash: f.secretHash,
      fingerprint: fingerprintOf(f.ruleId, f.path, f.secretHash),
      ...(source.reason !== undefined ? { reason: source.reason } : {}),
      ...(source.acceptedBy !== undefined ? { acceptedBy: source.acceptedBy } : {}),
    });
  }
  const kept = entries.size - added;
  return {
    baseline: { version: BASELINE_VERSION, salt, entries: sortEntries([...entries.values()]) },
    changes: { added, kept, removed: (previous?.entries.length ?? 0) - kept },
  };
}
