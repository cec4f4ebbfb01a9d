import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

const catalogue = compileCatalogue(builtinRules);
const password = 'i&23GM~O02Cnr#jefP3B';

describe('secrets end and start on whole characters', () => {
  // Found by the engine fuzz: the pattern's \S stopped inside a no-break space (C2 A0), so the
  // secret held C2 alone, which decodes to U+FFFD, a text the file does not contain.
  it('a .netrc password followed by a no-break space is the password alone', () => {
    const data = Buffer.from(`machine github.com login ci-bot password ${password}\u00a0\n`, 'utf8');
    const found = scanFragment(catalogue, data, { path: '.netrc', source: 'file' });
    expect(found.map((f) => f.secretText)).toEqual([password]);
    expect(data.toString('utf8')).toContain(found[0]?.secretText);
  });
});
