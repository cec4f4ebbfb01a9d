import { toScannableText } from '../sources/text.js';
import type { Finding } from '../types.js';
import { encodedNeedles } from './encoded-needles.js';
import { containedIn } from './history.js';

/**
 * Which findings' secrets `content` holds: the bytes as committed, the text a UTF-16 file decodes
 * to (as the scan read it), then, for the rest, their base64 forms (a finding inside base64 holds
 * the decoded secret, which the file never spells out).
 */
export function heldIn(content: Buffer, findings: readonly Finding[]): Set<number> {
  const secrets = findings.map((f) => f.secret.reveal());
  const found = containedIn(content, secrets);
  const text = toScannableText(content);
  const decoded = text === 'binary' || text.equals(content) ? undefined : text;
  if (decoded !== undefined) for (const i of containedIn(decoded, secrets)) found.add(i);
  const rest = secrets.map((s, i) => ({ s, i })).filter(({ i }) => !found.has(i));
  if (rest.length === 0) return found;
  const needles: string[] = [];
  const owner: number[] = [];
  for (const { s, i } of rest) {
    for (const n of encodedNeedles(s)) {
      needles.push(n);
      owner.push(i);
    }
  }
  for (const n of containedIn(content, needles)) found.add(owner[n] as number);
  return found;
}
