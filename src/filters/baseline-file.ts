import { type Candidate, type Partition, partition } from './candidate.js';

/** `keyscan baseline` writes this name by default (the config's DEFAULT_BASELINE_FILE). */
const DEFAULT_NAME = '.keyscan-baseline.json';

/**
 * A hash field of a baseline file: `"secretHash": "<64 hex>"` (also `fingerprint`, `salt`). The
 * generic rule would report these values (a random-looking value under a name with "secret").
 */
const HASH_FIELD = /"(?:secretHash|fingerprint|salt)"\s*:\s*"([0-9a-f]{64})"/g;

/**
 * Drops findings that are a hash value of a baseline file, and nothing else: a baseline is
 * scanned like any file (in every mode), so a key pasted into an entry's `reason` or
 * `acceptedBy`, a `path`, or any key a hand edit added is reported at that file. Only the 64-hex
 * values of its hash fields, on the file's own lines, are not findings. Baseline files are the
 * one in use (`files`, repository-relative) and any file with the default name.
 */
export function dropBaselineHashes(candidates: readonly Candidate[], files: ReadonlySet<string>): Partition {
  const isBaseline = (path: string): boolean => files.has(path) || path === DEFAULT_NAME || path.endsWith(`/${DEFAULT_NAME}`);
  return partition(candidates, (c) => isBaseline(c.finding.path) && isHashValue(c));
}

function isHashValue(c: Candidate): boolean {
  if (c.context === undefined) return false;
  const secret = c.finding.secret.reveal();
  if (secret === '' || !/^[0-9a-f]+$/.test(secret)) return false;
  for (const m of c.context.text.reveal().matchAll(HASH_FIELD)) if ((m[1] as string).includes(secret)) return true;
  return false;
}
