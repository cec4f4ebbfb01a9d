import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Identifies a finding across runs without its line number, so a moved line keeps its identity:
 * rule + path + secret hash, and the commit in history scans.
 */
export function fingerprintOf(ruleId: string, path: string, secretHash: string, commit?: string): string {
  const parts = commit === undefined ? [ruleId, path, secretHash] : [ruleId, path, secretHash, commit];
  return sha256(parts.join('\0'));
}
