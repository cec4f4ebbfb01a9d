import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { code, escapeText, renderSummary } from '../../src/github/summary.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../../src/types.js';
import { finding } from '../helpers/findings.js';

function result(findings: Finding[]): ScanResult {
  return {
    findings,
    errors: [],
    warnings: [],
    stats: {
      filesScanned: 0,
      commitsScanned: 2,
      bytesScanned: 10,
      durationMs: 1,
      skipped: emptySkipCounts(),
      suppressed: { inline: 0, allowlist: 0, baseline: 0 },
    },
  };
}

const base = { rules: builtinRules, scope: 'the commits of pull request #1', notes: [], version: '1.2.3', sarifPath: 'keyscan.sarif' };

describe('job summary', () => {
  it('tabulates findings with links to the line and the commit, redacted, and says what to do', () => {
    const f = finding({ secretText: 'ghp_NOTSHOWNNOTSHOWN', commit: 'c'.repeat(40), presentAtHead: false, path: 'dir/my file.ts' });
    const md = renderSummary({ ...base, result: result([f]), repoUrl: 'https://github.com/o/r', headSha: 'd'.repeat(40) });
    expect(md).toContain('## keyscan: 1 secret found');
    expect(md).toContain('Scanned the commits of pull request #1: 2 commits.');
    expect(md).toContain(
      `| critical | <code>github-pat</code> GitHub personal access token (classic) | [<code>dir/my file.ts:3</code>](https://github.com/o/r/blob/${'c'.repeat(40)}/dir/my%20file.ts#L3) | <code>ghp_****</code> | [<code>cccccccccccc</code>](https://github.com/o/r/commit/${'c'.repeat(40)}) (removed later, still in history) |`,
    );
    expect(md).toContain('**Revoke the key first.**');
    expect(md).toContain('- <code>github-pat</code>: revoke at <https://github.com/settings/tokens>.');
    expect(md).not.toContain('NOTSHOWN');
  });

  it('says so when nothing was found, with the notes of what was fetched', () => {
    const md = renderSummary({
      ...base,
      result: result([]),
      notes: ['Fetched to depth 20 from the remote.'],
      repoUrl: undefined,
      headSha: undefined,
    });
    expect(md).toContain('## keyscan: no secrets found');
    expect(md).toContain('> Fetched to depth 20 from the remote.');
    expect(md).not.toContain('| Severity');
  });

  it('escapes what comes from the repository: no cell breaks, links or HTML', () => {
    expect(code('a|b`<img src=x>')).toBe('<code>a&#124;b&#96;&lt;img src=x&gt;</code>');
    expect(escapeText('[x](javascript:alert(1)) | <b>\nnext')).toBe('\\[x\\](javascript:alert(1)) \\| \\<b\\> next');
    const md = renderSummary({ ...base, result: result([finding({ path: 'a|b.ts' })]), repoUrl: undefined, headSha: undefined });
    const row = md.split('\n').find((l) => l.startsWith('| critical'));
    expect(row?.split(' | ')).toHaveLength(5);
  });
});
