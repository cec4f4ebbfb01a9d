import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { findAllowMarkerLines, parseAllowMarkers } from '../../src/engine/allow-marker.js';
import { CONTEXT_REACH, scanFragment } from '../../src/engine/scan-fragment.js';
import { tokens } from '../helpers/tokens.js';

const catalogue = compileCatalogue(builtinRules);

describe('allow markers', () => {
  it('finds marker lines in one pass, counting from the fragment’s first line', () => {
    const text = 'a\nb // keyscan:allow\nc\nd # keyscan:allow x # keyscan:allow\ne keyscan:allowed\n';
    expect(findAllowMarkerLines(Buffer.from(text))).toEqual([2, 4]);
    expect(findAllowMarkerLines(Buffer.from(text), 100)).toEqual([101, 103]);
  });

  it('parses the rule ids after a marker', () => {
    const ids = new Set(['jwt', 'github-pat']);
    expect(parseAllowMarkers('x keyscan:allow jwt,github-pat -->', ids)).toEqual([{ offset: 2, rules: ['jwt', 'github-pat'] }]);
    expect(parseAllowMarkers('keyscan:allow', ids)).toEqual([{ offset: 0, rules: [] }]);
  });
});

describe('finding context', () => {
  it('holds the whole line of a finding and its line number', () => {
    const secret = tokens.githubPat();
    const [f] = scanFragment(catalogue, Buffer.from(`one\nconst t = "${secret}"; // keyscan:allow\nthree\n`), {
      path: 'a',
      source: 'file',
    });
    expect(f?.context).toEqual({ text: `const t = "${secret}"; // keyscan:allow`, line: 2 });
  });

  it('holds every line of a multi-line key', () => {
    const key = tokens.privateKey();
    const [f] = scanFragment(catalogue, Buffer.from(`x\n${key}\ny\n`), { path: 'a', source: 'file', firstLine: 10 });
    expect(f?.context?.line).toBe(11);
    expect(f?.context?.text).toBe(key);
  });

  it('is cut on very long lines', () => {
    const secret = tokens.githubPat();
    const long = `${'a = 1; '.repeat(1000)}t = "${secret}"; ${'b = 2; '.repeat(1000)}`;
    const [f] = scanFragment(catalogue, Buffer.from(long), { path: 'a', source: 'file' });
    expect(f?.context?.text.length).toBe(secret.length + 2 * CONTEXT_REACH);
    expect(f?.context?.line).toBe(1);
  });
});
