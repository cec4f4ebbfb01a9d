/**
 * Masks a secret for display: keeps the rule's literal prefix (`ghp_`, `sk_live_`, `AKIA`) so a
 * person can tell which key it is, and never more than a third of the secret. The mask has a fixed
 * width so it does not reveal the length either.
 */
export function redact(secret: string, keywords: readonly string[]): string {
  const lower = secret.toLowerCase();
  let keep = 0;
  for (const k of keywords) {
    if (k.length > keep && k.length * 3 <= secret.length && lower.startsWith(k)) keep = k.length;
  }
  return `${secret.slice(0, keep)}****`;
}

/**
 * `--redact=N`: the first `keep` characters and the same fixed mask, opted into by the user. Still
 * never more than a third of the secret, so a short password is never shown whole.
 */
export function redactPrefix(secret: string, keep: number): string {
  return `${secret.slice(0, Math.max(0, Math.min(Math.floor(keep), Math.floor(secret.length / 3))))}****`;
}
