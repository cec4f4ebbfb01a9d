/**
 * `--redact=N` (show N characters of each secret, as gitleaks users type it) next to the boolean
 * `--redact` / `--no-redact`. yargs reads `--redact=20` on a boolean flag as false, which would
 * print every secret in full; so the numeric form is rewritten to its own flag before parsing,
 * and any other value is refused.
 */
import { KeyscanError } from '../errors.js';

export const REDACT_PREFIX_FLAG = 'redact-prefix';

/** `argv` with `--redact=N` as `--redact-prefix=N`; everything after `--` is left alone. */
export function rewriteRedact(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) => {
    if (end !== -1 && i > end) return arg;
    const value = /^--redact=(.*)$/s.exec(arg)?.[1];
    if (value === undefined || value === 'true' || value === 'false') return arg;
    if (/^\d{1,4}$/.test(value)) return `--${REDACT_PREFIX_FLAG}=${value}`;
    // The value is not quoted: whatever was typed there might be a secret.
    throw new KeyscanError('E_USAGE', '--redact takes no value, or the number of characters of each secret to show', {
      hint: 'Use --redact=4 to show the first 4 characters of each secret, or --no-redact to show them in full.',
    });
  });
}
