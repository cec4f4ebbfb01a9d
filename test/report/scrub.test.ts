import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/report/scrub.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

describe('scrub', () => {
  it('masks every secret in free text and leaves the rest alone', () => {
    const a = tokens.githubPat();
    const b = tokens.stripeLive();
    const out = scrub(`SyntaxError: Unexpected token in "${a}" near key=${b}; see line 3`);
    expect(out).toBe('SyntaxError: Unexpected token in "ghp_****" near key=sk_live_****; see line 3');
    for (const s of [a, b]) for (const slice of slices(secretBody(s))) expect(out).not.toContain(slice);
  });

  it('returns text without secrets unchanged', () => {
    expect(scrub('git log failed in /tmp/x: fatal: bad object')).toBe('git log failed in /tmp/x: fatal: bad object');
  });
});
