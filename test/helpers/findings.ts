import { Secret } from '../../src/secret.js';
import type { Finding } from '../../src/types.js';

/** A finding as the scanner would make it, for reporter tests; the secret is whatever the test passes. */
export function finding(over: Partial<Finding> & { secretText?: string } = {}): Finding {
  const { secretText, ...rest } = over;
  return {
    ruleId: 'github-pat',
    severity: 'critical',
    message: 'GitHub personal access token (classic)',
    path: 'src/app.ts',
    startLine: 3,
    startColumn: 15,
    endLine: 3,
    endColumn: 55,
    redacted: 'ghp_****',
    secretHash: 'a'.repeat(64),
    fingerprint: 'b'.repeat(64),
    source: 'file',
    secret: new Secret(secretText ?? 'not-a-real-secret-value'),
    ...rest,
  };
}
