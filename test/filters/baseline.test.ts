import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/engine/fingerprint.js';
import { applyBaseline, type BaselineKey } from '../../src/filters/baseline.js';
import { candidate } from './helpers.js';

const secret = 'value-0123456789';
const entry = (path: string, ruleId = 'github-pat', s = secret): BaselineKey => ({ ruleId, path, secretHash: sha256(s) });
const gone =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('applyBaseline', () => {
  it('silences a finding with the same rule, secret and path, on any line', () => {
    const r = applyBaseline([candidate({ path: 'a.ts', startLine: 99 })], [entry('a.ts')], gone());
    expect(r.suppressed).toHaveLength(1);
  });

  it('reports the same secret under another rule, or another secret at the same place', () => {
    const r = applyBaseline(
      [candidate({ path: 'a.ts', ruleId: 'jwt' }), candidate({ path: 'a.ts', secretText: 'other' })],
      [entry('a.ts')],
      gone(),
    );
    expect(r.kept).toHaveLength(2);
  });

  it('follows a rename: the baselined path is gone and the secret is at a new path', () => {
    const r = applyBaseline([candidate({ path: 'lib/b.ts' })], [entry('src/a.ts')], gone('src/a.ts'));
    expect(r.suppressed).toHaveLength(1);
  });

  it('reports a paste: the baselined path still exists', () => {
    const r = applyBaseline([candidate({ path: 'src/a.ts' }), candidate({ path: 'src/copy.ts' })], [entry('src/a.ts')], gone());
    expect(r.kept.map((c) => c.finding.path)).toEqual(['src/copy.ts']);
  });

  it('lets one gone entry cover one new path: a move plus a copy reports the copy', () => {
    const r = applyBaseline(
      [candidate({ path: 'z/copy.ts' }), candidate({ path: 'b/moved.ts' }), candidate({ path: 'b/moved.ts', startLine: 9 })],
      [entry('old.ts')],
      gone('old.ts'),
    );
    expect(r.suppressed.map((c) => c.finding.path)).toEqual(['b/moved.ts', 'b/moved.ts']);
    expect(r.kept.map((c) => c.finding.path)).toEqual(['z/copy.ts']);
  });
});
