import { describe, expect, it } from 'vitest';
import { lineKey } from '../../src/filters/candidate.js';
import { applyInlineAllows } from '../../src/filters/inline-allow.js';
import { candidate } from './helpers.js';

const ids = new Set(['github-pat', 'jwt', 'npm-access-token']);

describe('applyInlineAllows', () => {
  it.each([
    ['JavaScript', 'const t = "X"; // keyscan:allow'],
    ['Python', 't = "X"  # keyscan:allow'],
    ['shell', 'export T=X # keyscan:allow'],
    ['SQL', "select 'X'; -- keyscan:allow"],
    ['HTML', '<meta content="X"> <!-- keyscan:allow -->'],
    ['C block', 'char *t = "X"; /* keyscan:allow */'],
  ])('silences a finding with a marker on its line (%s)', (_lang, line) => {
    const r = applyInlineAllows([candidate({ line })], ids);
    expect(r.suppressed).toHaveLength(1);
    expect([...r.used]).toEqual([lineKey('src/a.ts', 3, undefined)]);
  });

  it('limits a marker to the rules it names, and ignores ordinary words after it', () => {
    const only = (line: string, ruleId: string) => applyInlineAllows([candidate({ line, ruleId })], ids).suppressed.length;
    expect(only('x // keyscan:allow jwt', 'github-pat')).toBe(0);
    expect(only('x // keyscan:allow jwt, github-pat', 'github-pat')).toBe(1);
    expect(only('x // keyscan:allow jwt github-pat because docs', 'github-pat')).toBe(1);
    expect(only('x // keyscan:allow test fixture, see github-pat', 'github-pat')).toBe(1); // "test" is no rule: allows all
    expect(only('x // keyscan:allow jwt sample token github-pat', 'github-pat')).toBe(0); // the list ended at "sample"
  });

  it('does not take words that merely start with the marker', () => {
    expect(applyInlineAllows([candidate({ line: 'x // keyscan:allowed' })], ids).suppressed).toHaveLength(0);
    expect(applyInlineAllows([candidate({ line: 'x // keyscan:allow-list' })], ids).suppressed).toHaveLength(0);
  });

  it('accepts a marker on any line of a multi-line secret and records that line', () => {
    const pem = '-----BEGIN KEY-----\nAAAA\n-----END KEY-----`; // keyscan:allow';
    const r = applyInlineAllows([candidate({ line: pem, startLine: 10, endLine: 12, contextLine: 10 })], ids);
    expect([...r.used]).toEqual([lineKey('src/a.ts', 12, undefined)]);
  });

  it('keeps findings without a marker or without line context', () => {
    const r = applyInlineAllows([candidate({ line: 'const t = "X";' }), candidate()], ids);
    expect(r.kept).toHaveLength(2);
    expect(r.used.size).toBe(0);
  });
});
