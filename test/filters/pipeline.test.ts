import { describe, expect, it } from 'vitest';
import { EMPTY_ALLOWLIST } from '../../src/config/config.js';
import { sha256 } from '../../src/engine/fingerprint.js';
import { compileAllowlist } from '../../src/filters/allowlist.js';
import { runFilters } from '../../src/filters/pipeline.js';
import { candidate } from './helpers.js';

describe('runFilters', () => {
  it('applies allow comments, then allowlists, then the baseline, and counts each', () => {
    const out = runFilters(
      [
        candidate({ path: 'a.js', line: 'x // keyscan:allow' }),
        candidate({ path: 'fixtures/b.js', line: 'x' }),
        candidate({ path: 'c.js', secretText: 'accepted', line: 'x' }),
        candidate({ path: 'd.js', secretText: 'new-one', line: 'x' }),
      ],
      [
        { path: 'a.js', line: 3 },
        { path: 'e.js', line: 1 },
      ],
      {
        knownRuleIds: new Set(['github-pat']),
        allowlist: compileAllowlist({ ...EMPTY_ALLOWLIST, paths: ['fixtures/**'] }),
        ruleAllowlists: new Map(),
        baseline: { entries: [{ ruleId: 'github-pat', path: 'c.js', secretHash: sha256('accepted') }], isGone: () => false },
      },
    );
    expect(out.findings.map((f) => f.path)).toEqual(['d.js']);
    expect(out.suppressed).toEqual({ inline: 1, allowlist: 1, baseline: 1 });
    expect(out.unusedAllows).toEqual([{ path: 'e.js', line: 1 }]);
  });
});
