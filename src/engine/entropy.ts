/** Shannon entropy in bits per character. Counts characters, never bytes, so the two never mix. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * The alphabet a value is drawn from. A random hex string can never exceed 4 bits per character
 * while a random base64 one approaches 6, so one threshold for all of them is either too lax for
 * base64 or too strict for hex: thresholds are set per alphabet.
 */
export type Charset = 'hex' | 'alnum' | 'base64' | 'other';

/** Minimum entropy (bits per character) per alphabet; a missing alphabet has no minimum. */
export type CharsetEntropy = Readonly<Partial<Record<Charset, number>>>;

export function charsetOf(value: string): Charset {
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 'hex';
  if (/^[A-Za-z0-9]+$/.test(value)) return 'alnum';
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return 'base64';
  return 'other';
}

/**
 * True when `value` is random enough for `minimum` (one number, or one per alphabet). A string
 * of n characters cannot exceed log2(n) bits per character, so per-alphabet thresholds are
 * capped just below that: a random 12-character value must not fail a threshold made for 40.
 */
export function meetsEntropy(value: string, minimum: number | CharsetEntropy | undefined): boolean {
  if (minimum === undefined) return true;
  if (typeof minimum === 'number') return shannonEntropy(value) >= minimum;
  const threshold = minimum[charsetOf(value)];
  return threshold === undefined || shannonEntropy(value) >= Math.min(threshold, Math.log2(value.length) - LENGTH_SLACK);
}

/**
 * How far below log2(length) the 2nd percentile of random alphanumeric / base64 values of 12–24
 * characters falls (simulated: 0.50–0.67 bits), so at most ~2% of random short values fail.
 */
const LENGTH_SLACK = 0.6;
