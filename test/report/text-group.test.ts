import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../../src/types.js';
import { finding } from '../helpers/findings.js';

function text(findings: Finding[]): string {
  const result: ScanResult = {
    findings,
    stats: {
      filesScanned: 2,
      bytesScanned: 10,
      skipped: emptySkipCounts(),
      suppressed: { inline: 0, allowlist: 0, baseline: 0 },
      durationMs: 1,
    },
    errors: [],
    warnings: [],
  };
  return renderText({ result, rules: [], reveal: false, version: '0.0.0', color: false });
}

describe('the text report', () => {
  it('shows one secret found in two files by two rules once, with every location', () => {
    const out = text([
      finding({ path: 'a.env', secretHash: `1a2b3c${'0'.repeat(58)}`, ruleId: 'generic-api-key', redacted: '****' }),
      finding({ path: 'b/c.json', secretHash: `1a2b3c${'0'.repeat(58)}`, startLine: 7, startColumn: 2 }),
    ]);
    expect(out.match(/secret: /g)).toHaveLength(1);
    expect(out).toContain('secret: **** #1a2b3c');
    expect(out).toContain('also at: b/c.json:7:2 (github-pat)');
    expect(out).toContain('2 secrets found (2 critical) · 1 distinct secret');
  });

  it('tells redacted secrets apart by their tag', () => {
    const out = text([
      finding({ path: 'a.env', secretHash: `aaaaaa${'0'.repeat(58)}`, redacted: '****' }),
      finding({ path: 'a.env', startLine: 4, secretHash: `bbbbbb${'0'.repeat(58)}`, redacted: '****' }),
    ]);
    expect(out).toContain('secret: **** #aaaaaa');
    expect(out).toContain('secret: **** #bbbbbb');
    expect(out).not.toContain('distinct');
  });

  it('says where a secret is still live when the scan computed its refs', () => {
    const history = { source: 'commit' as const, commit: 'c'.repeat(40), date: '2024-03-02T00:00:00Z', author: 'Eve' };
    expect(text([finding({ ...history, liveAt: ['main', 'release-2.x'] })])).toContain(
      `introduced in ${'c'.repeat(12)} by Eve on 2024-03-02 · live on main, release-2.x`,
    );
    expect(text([finding({ ...history, liveAt: [], removedIn: 'd'.repeat(40), presentAtHead: false })])).toContain(
      `· only in history (removed in ${'d'.repeat(12)})`,
    );
    expect(text([finding({ ...history, presentAtHead: false })])).toContain('· no longer at HEAD (still in history)');
  });
});
