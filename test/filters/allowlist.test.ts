import { describe, expect, it } from 'vitest';
import type { Allowlist } from '../../src/config/config.js';
import { EMPTY_ALLOWLIST } from '../../src/config/config.js';
import { allowlisted, applyAllowlists, compileAllowlist } from '../../src/filters/allowlist.js';
import { candidate } from './helpers.js';

const list = (over: Partial<Allowlist>) => compileAllowlist({ ...EMPTY_ALLOWLIST, ...over });

describe('allowlists', () => {
  it('match paths by picomatch glob, dotfiles included', () => {
    const l = list({ paths: ['test/**', '**/*.snap'] });
    expect(allowlisted(candidate({ path: 'test/fixtures/.env' }), l)).toBe(true);
    expect(allowlisted(candidate({ path: 'src/__snapshots__/a.snap' }), l)).toBe(true);
    expect(allowlisted(candidate({ path: 'src/test.ts' }), l)).toBe(false);
  });

  it('match the secret by regex (with (?i)) and by stop-word, case-insensitively', () => {
    expect(allowlisted(candidate({ secretText: 'TESTKEY-123' }), list({ secretRegexes: ['(?i)^testkey-'] }))).toBe(true);
    expect(allowlisted(candidate({ secretText: 'abcFAKEdef' }), list({ stopwords: ['fake'] }))).toBe(true);
    expect(allowlisted(candidate({ secretText: 'abcdef' }), list({ secretRegexes: ['^x'], stopwords: ['fake'] }))).toBe(false);
  });

  it('match the line, never the secret alone, with lineRegexes', () => {
    const l = list({ lineRegexes: ['example\\.com'] });
    expect(allowlisted(candidate({ line: 'curl https://example.com -H "X"' }), l)).toBe(true);
    expect(allowlisted(candidate({ line: 'curl https://api.acme.io -H "X"' }), l)).toBe(false);
    expect(allowlisted(candidate(), l)).toBe(false);
  });

  it('apply a rule’s own allowlist to that rule only, and the global one to all', () => {
    const byRule = new Map([['jwt', list({ paths: ['docs/**'] })]]);
    const global = list({ stopwords: ['sample'] });
    const r = applyAllowlists(
      [
        candidate({ ruleId: 'jwt', path: 'docs/a.md' }),
        candidate({ ruleId: 'github-pat', path: 'docs/a.md' }),
        candidate({ ruleId: 'github-pat', secretText: 'a-SAMPLE-b' }),
      ],
      global,
      byRule,
    );
    expect(r.kept.map((c) => c.finding.ruleId)).toEqual(['github-pat']);
    expect(r.suppressed).toHaveLength(2);
  });
});
