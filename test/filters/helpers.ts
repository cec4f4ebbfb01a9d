import { sha256 } from '../../src/engine/fingerprint.js';
import type { Candidate } from '../../src/filters/candidate.js';
import { Secret } from '../../src/secret.js';
import type { Finding } from '../../src/types.js';

/** A candidate as the collector builds it, with just the fields a test cares about. */
export function candidate(over: Partial<Finding> & { secretText?: string; line?: string; contextLine?: number } = {}): Candidate {
  const secretText = over.secretText ?? 'value-0123456789';
  const { secretText: _s, line, contextLine, ...fields } = over;
  const finding: Finding = {
    ruleId: 'github-pat',
    severity: 'critical',
    message: 'm',
    path: 'src/a.ts',
    startLine: 3,
    startColumn: 1,
    endLine: 3,
    endColumn: 10,
    redacted: '****',
    secretHash: sha256(secretText),
    fingerprint: 'f',
    source: 'file',
    secret: new Secret(secretText),
    ...fields,
  };
  return {
    finding,
    context: line === undefined ? undefined : { text: new Secret(line), line: contextLine ?? finding.startLine },
  };
}
