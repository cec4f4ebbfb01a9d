import { describe, expect, it } from 'vitest';
import { describe as describeProgress, ProgressLine } from '../../src/cli/progress.js';

describe('progress line', () => {
  it('shows commits done, percentage, bytes, rate and ETA for history scans', () => {
    const line = describeProgress({ filesScanned: 0, bytesScanned: 12_500_000, commitsScanned: 250, commitsTotal: 1000 }, 5);
    expect(line).toBe('keyscan: 250/1000 commits (25.0%) · 12.5 MB · 50 commits/s · ETA 15s');
  });

  it('shows files and throughput for file scans', () => {
    expect(describeProgress({ filesScanned: 10, bytesScanned: 4_000_000, commitsScanned: 0, commitsTotal: undefined }, 2)).toBe(
      'keyscan: 10 files · 4.0 MB · 2 MB/s',
    );
  });

  it('rewrites one line and clears it at the end', () => {
    let out = '';
    const p = new ProgressLine({ write: (s: string) => (out += s) });
    p.update({ filesScanned: 1, bytesScanned: 1, commitsScanned: 0, commitsTotal: undefined });
    p.clear();
    expect(out.startsWith('\r\u001b[2Kkeyscan: 1 files')).toBe(true);
    expect(out.endsWith('\r\u001b[2K')).toBe(true);
  });
});
