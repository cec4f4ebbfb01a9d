import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { keywordsOf } from '../../src/catalogue/spec.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { cpuMs } from '../helpers/cpu-time.js';

describe('regex safety', () => {
  it('runs the whole catalogue over a 1 MB minified line holding every keyword', () => {
    const keywords = [...new Set(builtinRules.flatMap(keywordsOf))];
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const part = `${keywords[i % keywords.length]}=a.b(c,"${'xY3_-+/='.repeat(3)}");`;
      parts.push(part);
      size += part.length;
    }
    const { ms } = cpuMs(() =>
      scanFragment(compileCatalogue(builtinRules), Buffer.from(parts.join('')), { path: 'min.js', source: 'file' }),
    );
    expect(ms).toBeLessThan(10_000);
  });
});

describe('backtracking fallback', () => {
  it('lets a catastrophic user pattern finish on hostile input', async () => {
    const { enableBacktrackingFallback } = await import('../../src/regex-guard.js');
    enableBacktrackingFallback();
    const catalogue = compileCatalogue([
      {
        id: 'nested-quantifiers',
        description: 'a pattern with nested quantifiers',
        provider: 'Test',
        severity: 'low',
        regex: '(?<secret>k(a+)+b)', // case-sensitive: the linear engine does not support the i flag
        keywords: ['ka'],
        remediation: { revoke: 'https://example.com', rotate: 'n/a' },
        examples: { positive: [], negative: [] },
      },
    ]);
    // Without the fallback this input takes longer than the age of the universe.
    const { ms } = cpuMs(() => scanFragment(catalogue, Buffer.from(`k${'a'.repeat(100)}!`), { path: 'hostile', source: 'file' }));
    expect(ms).toBeLessThan(2_000);
  });
});
