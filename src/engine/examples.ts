import { createHmac } from 'node:crypto';
import { documentedExamples, EXAMPLE_HASH_KEY } from '../../rules/examples.js';

const HASHES = new Set(documentedExamples.map((e) => e.hash));
const LENGTHS = new Set(documentedExamples.map((e) => e.length));

/** The keyed hash rules/examples.ts stores for `value`. */
export function exampleHash(value: string): string {
  return createHmac('sha256', EXAMPLE_HASH_KEY).update(value, 'utf8').digest('hex').slice(0, 32);
}

/**
 * Answers remembered for candidates up to this long: a history judges the same file version after
 * version, so the same candidates come back, and a keyed hash per candidate cost a worker ~2% of
 * its time on axios's history (CPU profile). Longer candidates (a few examples are key blocks or
 * tokens of ~1,000 characters) are hashed each time, so the memo stays small.
 */
const REMEMBERED_LENGTH = 160;
const REMEMBERED = 4096;
const remembered = new Map<string, boolean>();

/** Whether `secret` is one of the documented example credentials (compared in full). */
export function isDocumentedExample(secret: string): boolean {
  if (!LENGTHS.has(secret.length)) return false;
  if (secret.length > REMEMBERED_LENGTH) return HASHES.has(exampleHash(secret));
  let known = remembered.get(secret);
  if (known === undefined) {
    if (remembered.size >= REMEMBERED) remembered.clear();
    known = HASHES.has(exampleHash(secret));
    remembered.set(secret, known);
  }
  return known;
}
