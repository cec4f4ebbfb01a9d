/**
 * A short stable tag for a finding, from its keyed secret hash: people can tell redacted findings
 * apart and refer to them without seeing the secret. Six hex digits of a keyed hash reveal nothing.
 */
export function secretTag(secretHash: string): string {
  return `#${secretHash.replace(/^[^:]*:/, '').slice(0, 6)}`;
}
