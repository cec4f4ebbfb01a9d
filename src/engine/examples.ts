import { createHmac } from 'node:crypto';
import { documentedExamples, EXAMPLE_HASH_KEY } from '../../rules/examples.js';

const HASHES = new Set(documentedExamples.map((e) => e.hash));
const LENGTHS = new Set(documentedExamples.map((e) => e.length));

/** The keyed hash rules/examples.ts stores for `value`. */
export function exampleHash(value: string): string {
  return createHmac('sha256', EXAMPLE_HASH_KEY).update(value, 'utf8').digest('hex').slice(0, 32);
}

/** Whether `secret` is one of the documented example credentials (compared in full). */
export function isDocumentedExample(secret: string): boolean {
  return LENGTHS.has(secret.length) && HASHES.has(exampleHash(secret));
}
