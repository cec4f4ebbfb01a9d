import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../src/engine/scan-fragment.js';
import { Collector } from '../../src/pipeline/collector.js';

const finding = (i: number): RawFinding => ({
  ruleId: 'r',
  severity: 'high',
  message: 'm',
  path: 'many.txt',
  startLine: i + 1,
  startColumn: 1,
  endLine: i + 1,
  endColumn: 10,
  redacted: 'x',
  secretHash: String(i),
  fingerprint: String(i),
  source: 'file',
  secretText: `s${i}`,
});

describe('Collector', () => {
  it('takes and drops 150,000 findings and markers of one task without overflowing the stack', () => {
    // Above the ~130,000 items a spread (push(...list)) can pass on Node 20's default stack.
    const n = 150_000;
    const collector = new Collector(undefined, true);
    const task = { kind: 'fragments', fragments: [] } as const;
    collector.add(task, {
      findings: Array.from({ length: n }, (_, i) => ({ item: 0, finding: finding(i) })),
      markers: Array.from({ length: n }, (_, i) => ({ path: 'many.txt', line: i + 1 })),
      filesScanned: 1,
      bytesScanned: 1,
      skipped: [],
      errors: [],
    });
    collector.drop((f) => f.startLine % 2 === 0);
    const kept = collector.unfiltered();
    expect(kept).toHaveLength(n / 2);
    expect(kept.every((f) => f.startLine % 2 === 1)).toBe(true);
    let markers = 0;
    collector.filter((_candidates, m) => {
      markers = m?.length ?? 0;
      // Not a literal: later versions of the outcome carry more fields than this test needs.
      const outcome = { findings: [], suppressed: { inline: 0, allowlist: 0, baseline: 0 }, inlineAllows: [] };
      return outcome;
    });
    expect(markers).toBe(n);
  });
});
