import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { shannonEntropy } from '../../src/engine/entropy.js';
import { isPlaceholder } from '../../src/engine/placeholders.js';
import { redact } from '../../src/engine/redact.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { tokens } from '../helpers/tokens.js';

const catalogue = compileCatalogue(builtinRules);
const scan = (text: string) => scanFragment(catalogue, Buffer.from(text), { path: 'f', source: 'file' });

const rule = (over: Partial<RuleSpec>): RuleSpec => ({
  id: 'test-rule',
  description: 'test',
  provider: 'Test',
  severity: 'high',
  regex: /x/,
  keywords: [],
  remediation: { revoke: 'https://example.com', rotate: 'rotate' },
  examples: { positive: [], negative: [] },
  ...over,
});

describe('detect', () => {
  it('reports exact positions for several secrets on several lines', () => {
    const a = tokens.githubPat();
    const b = tokens.npm();
    const found = scan(`first\n  x = "${a}"; y = '${b}'\n`);
    expect(found.map((f) => [f.ruleId, f.startLine, f.startColumn, f.endColumn])).toEqual([
      ['github-pat', 2, 8, 48],
      ['npm-access-token', 2, 56, 96],
    ]);
  });

  it('finds a match that a keyword window would have cut, by widening the window', () => {
    // The keyword sits at the end of a long match: the first window around it is too small.
    const spec = rule({ regex: /(?<secret>[a-z]{10,2000}zzkey)/, keywords: ['zzkey'], maxLength: 16 });
    const cat = compileCatalogue([spec]);
    const body = 'thequickbrownfoxjumpsoverthelazydog'.repeat(20);
    const found = scanFragment(cat, Buffer.from(`== ${body}zzkey ==`), { path: 'f', source: 'file' });
    expect(found).toHaveLength(1);
    expect(found[0]?.secretText).toBe(`${body}zzkey`);
    expect(found[0]?.startColumn).toBe(4);
  });

  it('does not let a window edge fake a word boundary', () => {
    const spec = rule({ regex: /\b(?<secret>abc[0-9]{6})\b/, keywords: ['abc'], maxLength: 8 });
    const cat = compileCatalogue([spec]);
    // "xabc123456" has no boundary before "abc"; the window starting at "abc" must not invent one.
    expect(scanFragment(cat, Buffer.from(`${'y'.repeat(50)}xabc123456 `), { path: 'f', source: 'file' })).toEqual([]);
  });

  it('lets a specific rule win over the generic rule for the same secret', () => {
    const found = scan(`password = "${tokens.stripeLive()}"\n`);
    expect(found.map((f) => f.ruleId)).toEqual(['stripe-secret-key']);
  });

  it('applies entropy minimums and placeholders', () => {
    expect(scan('ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toEqual([]);
    // AWS's documented example key is an `example` finding (shown only with --include-examples).
    expect(scan('AKIAIOSFODNN7EXAMPLE').map((f) => [f.ruleId, f.kind])).toEqual([['aws-access-key-id', 'example']]);
    expect(scan('password = "${DB_PASSWORD}"')).toEqual([]);
  });

  it('runs a rule with a path condition only on fragments whose path matches', () => {
    const cat = compileCatalogue([
      rule({ id: 'keyed', regex: /pw (?<secret>[a-z0-9]{6})/, keywords: ['pw '], path: /(?:^|\/)\.pgpass$/ }),
      rule({ id: 'whole-file', regex: /^(?<secret>[0-9a-f]{32})\s*$/, path: '(?:^|/)master\\.key$' }),
    ]);
    const at = (text: string, path: string) => scanFragment(cat, Buffer.from(text), { path, source: 'file' }).map((f) => f.ruleId);
    expect(at('pw abc123', 'deploy/.pgpass')).toEqual(['keyed']);
    expect(at('pw abc123', 'deploy/pgpass.md')).toEqual([]);
    // A random key: a typed one such as 0123abcd repeated is filler (src/engine/placeholders.ts).
    const key = randomBytes(16).toString('hex');
    expect(at(key, 'config/master.key')).toEqual(['whole-file']);
    expect(at(key, 'config/master.key.md')).toEqual([]);
  });

  it('lets a generic rule with a path condition win over one without for the same secret', () => {
    const generic = { tags: ['generic'], keywords: ['secret='] };
    const cat = compileCatalogue([
      rule({ ...generic, id: 'anywhere', regex: /secret=(?<secret>\w{6,})/ }),
      rule({ ...generic, id: 'in-env', regex: /^secret=(?<secret>\w{6,})$/m, path: /(?:^|\/)\.env$/ }),
    ]);
    const at = (path: string) => scanFragment(cat, Buffer.from('secret=q7Zr2Lp9Xw\n'), { path, source: 'file' }).map((f) => f.ruleId);
    expect(at('.env')).toEqual(['in-env']);
    expect(at('app.py')).toEqual(['anywhere']);
  });

  it('runs rules without keywords on every fragment', () => {
    const cat = compileCatalogue([rule({ regex: /(?<secret>zz[0-9]{4})/ })]);
    expect(scanFragment(cat, Buffer.from('a zz1234 b'), { path: 'f', source: 'file' })).toHaveLength(1);
  });

  it('gives the same answer for a fragment however it is embedded in a large file', () => {
    const secret = tokens.githubPat();
    const filler = 'const token = computeToken(x);\n'.repeat(20_000);
    const found = scan(`${filler}t = "${secret}"\n${filler}`);
    expect(found).toHaveLength(1);
    expect(found[0]?.startLine).toBe(20_001);
  });
});

describe('entropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
  });
});

describe('placeholders', () => {
  it.each([
    '${API_KEY}',
    '{{ secrets.TOKEN }}',
    '<YOUR_TOKEN>',
    'your_api_key_here',
    'process.env.STRIPE_KEY',
    'xxxxxxxxxxxxxxxx',
    '****************',
    'sk_live_xxxxxxxxxxxxxxxxxxxx',
    'changeme',
    'AKIAIOSFODNN7EXAMPLE',
    '0123456789abcdef',
    '%(password)s',
  ])('recognises %s', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it('does not treat random tokens as placeholders', () => {
    for (let i = 0; i < 2000; i++) {
      expect(isPlaceholder(tokens.githubPat())).toBe(false);
      expect(isPlaceholder(tokens.awsSecret())).toBe(false);
    }
  });
});

describe('redact', () => {
  it('keeps the rule prefix only and hides the length', () => {
    expect(redact('ghp_abcdefghijklmnopqrstuvwxyz0123456789', ['ghp_'])).toBe('ghp_****');
    expect(redact('supersecretpassword', ['password'])).toBe('****');
    expect(redact('short', ['sho'])).toBe('****');
  });
});
