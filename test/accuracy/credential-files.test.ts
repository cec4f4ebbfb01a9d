import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { credentialFiles, KINDS } from '../../scripts/credential-files/kinds.js';
import { plantedSpans, positionAt, type Span, scoreKinds } from '../../scripts/credential-files/score.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

const catalogue = compileCatalogue(builtinRules);

/** Findings' spans per path, from the engine as the CLI runs it on each file. */
function scan(files: ReturnType<typeof credentialFiles>): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  for (const file of files) {
    const found = scanFragment(catalogue, Buffer.from(file.text), { path: file.path, source: 'file' });
    spans.set(
      file.path,
      found.map((f) => ({ start: { line: f.startLine, column: f.startColumn }, end: { line: f.endLine, column: f.endColumn } })),
    );
  }
  return spans;
}

describe('credential-file recall (one variant per kind; npm run bench:credential-files runs them all)', () => {
  const files = credentialFiles('keyscan-credential-files-test', { firstVariantOnly: true });

  it('generates one file per kind, each holding its secrets', () => {
    expect(files.map((f) => f.kind)).toEqual(Object.keys(KINDS));
    for (const f of files) expect(f.secrets.length, f.kind).toBeGreaterThan(0);
  });

  it('finds every kind', () => {
    const missed = scoreKinds(files, scan(files)).filter((s) => s.found < s.planted);
    expect(missed.map((s) => `${s.kind}: ${s.missed.join(', ')}`)).toEqual([]);
  });

  it('counts a secret as found only where a finding covers it', () => {
    const file = files.find((f) => f.secrets.length === 1) as (typeof files)[number];
    const [span] = plantedSpans(file) as [Span];
    const below = { start: { line: span.end.line + 1, column: 1 }, end: { line: span.end.line + 1, column: 9 } };
    expect(scoreKinds([file], new Map([[file.path, [below]]]))[0]?.found).toBe(0);
    expect(scoreKinds([file], new Map([[file.path, [span]]]))[0]?.found).toBe(1);
    expect(positionAt('a\nbc', 3)).toEqual({ line: 2, column: 2 });
  });
});
