import { describe, expect, it } from 'vitest';
import { foundLine, scannedCount } from '../../src/report/found-line.js';
import { emptySkipCounts, type ScanResult } from '../../src/types.js';
import { finding } from '../helpers/findings.js';

function result(over: Partial<ScanResult> = {}, commits?: number): ScanResult {
  return {
    findings: [],
    errors: [],
    warnings: [],
    ...over,
    stats: {
      filesScanned: 3,
      bytesScanned: 10,
      durationMs: 1,
      skipped: emptySkipCounts(),
      suppressed: { inline: 0, allowlist: 0, baseline: 0 },
      ...(commits !== undefined ? { commitsScanned: commits } : {}),
    },
  };
}

describe('foundLine', () => {
  it('counts files for a file scan and commits for a commit scan', () => {
    expect(scannedCount(result().stats)).toBe('3 files');
    expect(scannedCount(result({}, 1).stats)).toBe('1 commit');
    expect(foundLine(result())).toBe('no secrets found in 3 files');
  });

  it('says how many commits the history cache vouched for instead of a rescan', () => {
    const r = result({}, 10);
    expect(foundLine({ ...r, stats: { ...r.stats, commitsFromCache: 8 } })).toBe(
      'no secrets found in 10 commits (8 of them not rescanned: found clean by an earlier audit, from the history cache)',
    );
    expect(scannedCount({ ...r.stats, commitsFromCache: 0 })).toBe('10 commits');
  });

  it('starts with the incomplete scan, never a bare count, when paths were not scanned', () => {
    const r = result({ findings: [finding()], errors: [{ path: 'a', message: 'permission denied', code: 'EACCES' }] }, 2);
    expect(foundLine(r, 'see the report')).toBe(
      'scan incomplete (1 path could not be scanned; see the report): 1 secret found in 2 commits',
    );
  });
});
