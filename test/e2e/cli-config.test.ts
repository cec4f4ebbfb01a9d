import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';
import { keyscanInProcess } from '../helpers/run-cli.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; severity: string }>;
  stats: { skipped: Record<string, number>; suppressed: Record<string, number> };
}
const json = (stdout: string): Report => JSON.parse(stdout) as Report;

describe('config discovery', () => {
  it.each(['.keyscan.yaml', '.keyscan.yml', '.keyscan.json'])('reads %s at the repository root, also from a subdirectory', async (name) => {
    const config = name.endsWith('.json') ? JSON.stringify({ exclude: ['vendor/**'] }) : '# comments are fine\nexclude:\n  - vendor/**\n';
    const dir = makeRepo({ [name]: config, 'vendor/lib.js': `t = "${tokens.githubPat()}"\n`, 'app/main.js': 'ok\n' });
    const r = await keyscan(['-f', 'json'], { cwd: `${dir}/app` });
    expect(r.code).toBe(0);
    expect(json(r.stdout).stats.skipped.excluded).toBe(0); // from app/, vendor/ is not listed at all
    const root = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(root.stdout).stats.skipped.excluded).toBe(1);
  });

  it('refuses two config files at once', async () => {
    const dir = makeRepo({ '.keyscan.yaml': 'exclude: []\n', '.keyscan.json': '{}' });
    const r = await keyscan([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.keyscan.yaml and .keyscan.json both exist');
  });

  it('reads --config PATH instead, and fails when it is missing', async () => {
    const dir = makeRepo({ 'ci/keyscan.yml': 'disable: [github-pat]\n', 'a.txt': tokens.githubPat() });
    expect((await keyscan(['-c', 'ci/keyscan.yml'], { cwd: dir })).code).toBe(0);
    const missing = await keyscan(['-c', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read config .*nope\.yaml: ENOENT/);
  });
});

describe('config keys', () => {
  it('disables rules by tag, changes severity and entropy, and sets the default format', async () => {
    const dir = makeRepo({
      '.keyscan.yaml': [
        'format: json',
        'disableTags: [generic]',
        'ruleOverrides:',
        '  github-pat: { severity: low }',
        '  npm-access-token: { entropy: 7.5 }', // no 36-character token reaches 7.5 bits: effectively off
      ].join('\n'),
      'settings.conf': `password = "${tokens.awsSecret()}"\nGH=${tokens.githubPat()}\nNPM=${tokens.npm()}\n`,
    });
    const r = await keyscan([], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings.map((f) => [f.ruleId, f.severity])).toEqual([['github-pat', 'low']]);
  });

  it('applies global and per-rule allowlists: paths, secret regexes, line regexes, stop-words', async () => {
    const dir = makeRepo({
      '.keyscan.yaml': [
        'allowlist:',
        '  stopwords: [zzsample]',
        '  lineRegexes: ["doc-example:"]',
        'ruleOverrides:',
        '  github-pat:',
        '    allowlist:',
        '      paths: ["test/**"]',
        '      secretRegexes: ["(?i)^ghp_0000"]',
      ].join('\n'),
      'test/a.js': `t = "${tokens.githubPat()}"\n`, // path allowlisted for github-pat
      'test/b.js': `t = "${tokens.npm()}"\n`, // ... but not for npm-access-token
      'src/c.js': `t = "${tokens.githubPat('0000')}"\n`, // secret regex
      'src/d.md': `doc-example: ${tokens.stripeLive()}\n`, // line regex
      'src/e.js': `k = "${tokens.npm('zzsample')}"\n`, // stop-word
      'src/f.js': `t = "${tokens.githubPat()}"\n`, // reported
    });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    const report = json(r.stdout);
    expect(report.findings.map((f) => f.path)).toEqual(['src/f.js', 'test/b.js']);
    expect(report.stats.suppressed).toEqual({ inline: 0, allowlist: 4, baseline: 0 });
  });

  it('adds a custom rule from YAML with its examples checked', async () => {
    const dir = makeRepo({
      '.keyscan.yaml': [
        'rules:',
        '  - id: acme-key',
        '    description: ACME key',
        '    regex: acme_(?<secret>[a-z0-9]{16})',
        '    keywords: [acme_]',
        '    tags: [internal]',
        '    examples:',
        '      positive: ["key = acme_{{lowalnum:16}}"]',
        '      negative: ["acme_short"]',
        // Matched in any case, but only a hit spelled ACMX_ opens its window (keywordsExact).
        '  - id: acmx-key',
        '    regex: (?i)acmx_[a-z0-9]{16}',
        '    keywordsExact: [ACMX_]',
        '    examples:',
        '      positive: ["ACMX_{{lowalnum:16}}"]',
      ].join('\n'),
      // Not a typed sequence (`0a1b2c3d…` counts up: filler, see placeholders.ts).
      'a.txt': 'k = acme_7q2k9x4m1z8p3v6w\n',
      'b.txt': 'k = ACMX_5r8t2w9q4m7x1z6v\n',
      'c.txt': 'k = acmx_5r8t2w9q4m7x1z6v\n',
    });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['acme-key a.txt', 'acmx-key b.txt']);
    const off = await keyscan(['-f', 'json', '-c', '.keyscan.yaml'], { cwd: dir });
    expect(off.code).toBe(1);
  });
});

describe('malformed configs', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['YAML syntax', '.keyscan.yaml', 'exclude: [a\n', /\.keyscan\.yaml: not valid YAML \(line \d+, column \d+: /],
    [
      'a duplicate YAML key',
      '.keyscan.yaml',
      'exclude: [a]\nexclude: [b]\n',
      /not valid YAML \(line 2, column 1: Map keys must be unique\)/,
    ],
    ['JSON syntax', '.keyscan.json', '{"exclude": ["a",]}', /\.keyscan\.json: not valid JSON \(Unexpected token '\]'\)/],
    [
      'an unknown key, with a suggestion',
      '.keyscan.yaml',
      'exlude: [a]\n',
      /\.keyscan\.yaml: exlude: unknown key \(did you mean "exclude"\?\)/,
    ],
    ['a wrong type', '.keyscan.yaml', 'exclude: vendor/**\n', /\.keyscan\.yaml: exclude: must be a list/],
    ['a wrong item type', '.keyscan.yaml', 'disable: [1]\n', /\.keyscan\.yaml: disable\[0\]: must be a string/],
    ['a bad glob', '.keyscan.yaml', 'exclude: ["src/{a,b"]\n', /exclude\[0\]: is not a valid glob: unbalanced "\{"/],
    [
      'an absolute glob',
      '.keyscan.yaml',
      'allowlist: { paths: [/etc/x] }\n',
      /allowlist\.paths\[0\]: must be relative to the repository root/,
    ],
    [
      'an invalid regex',
      '.keyscan.yaml',
      'allowlist: { secretRegexes: ["(abc"] }\n',
      /allowlist\.secretRegexes\[0\]: invalid regular expression: Unterminated group/,
    ],
    [
      'an unsafe regex',
      '.keyscan.yaml',
      'allowlist: { lineRegexes: ["^(\\\\w+\\\\s?)+$"] }\n',
      /allowlist\.lineRegexes\[0\]: unsafe regular expression: nested unbounded quantifiers/,
    ],
    [
      'an unsafe rule regex',
      '.keyscan.yaml',
      'rules: [{ id: slow-rule, regex: "slow_(?:x|x)*!", keywords: [slow_] }]\n',
      /rules\[0\] \(slow-rule\)\.regex: unsafe regular expression: .*catastrophic backtracking/,
    ],
    ['an unknown rule id', '.keyscan.yaml', 'disable: [github-pta]\n', /disable\[0\]: no rule has the id "github-pta"/],
    [
      'an unknown tag',
      '.keyscan.yaml',
      'disableTags: [generc]\n',
      /disableTags\[0\]: no rule has the tag "generc" \(known tags: .*generic/,
    ],
    [
      'an override of an unknown rule',
      '.keyscan.yaml',
      'ruleOverrides: { nope: { severity: low } }\n',
      /ruleOverrides\.nope: no rule has the id "nope"/,
    ],
    [
      'a bad severity',
      '.keyscan.yaml',
      'ruleOverrides: { jwt: { severity: urgent } }\n',
      /ruleOverrides\.jwt\.severity: must be one of critical, high, medium, low, info/,
    ],
    [
      'an entropy out of range',
      '.keyscan.yaml',
      'ruleOverrides: { jwt: { entropy: 12 } }\n',
      /ruleOverrides\.jwt\.entropy: must be from 0 to 8/,
    ],
    ['a custom rule without regex', '.keyscan.yaml', 'rules: [{ id: my-rule }]\n', /rules\[0\] \(my-rule\): "regex" is required/],
    [
      'a custom rule with a built-in id',
      '.keyscan.yaml',
      'rules: [{ id: jwt, regex: "x{3}" }]\n',
      /rules\[0\] \(jwt\)\.id: "jwt" is a built-in rule id/,
    ],
    [
      'an uppercase keyword',
      '.keyscan.yaml',
      'rules: [{ id: my-rule, regex: "X{3}", keywords: [XXX] }]\n',
      /rules\[0\] \(my-rule\)\.keywords\[0\]: must be lowercase/,
    ],
    [
      'a failing example',
      '.keyscan.yaml',
      'rules: [{ id: my-rule, regex: "ab[0-9]{4}", keywords: [ab], examples: { positive: [ab12] } }]\n',
      /rules\[0\] \(my-rule\)\.examples: positive\[0\] is not matched/,
    ],
    ['a bad format', '.keyscan.yaml', 'format: xml\n', /format: must be one of text, json, sarif/],
    ['a top level that is not a mapping', '.keyscan.yaml', '- exclude\n', /\(top level\): must be an object/],
  ];

  // A few as real processes; the whole table through run(), the CLI's entry, to keep the suite fast.
  const spawned = new Set(['YAML syntax', 'an unknown key, with a suggestion', 'an unsafe regex', 'a failing example']);
  it.each(cases)('exits 2 on %s, naming the file, the key and the problem', async (name, file, content, message) => {
    const dir = makeRepo({ [file]: content, 'a.txt': 'hello\n' });
    const r = await (spawned.has(name) ? keyscan : keyscanInProcess)([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('lists every problem at once, one per line', async () => {
    const dir = makeRepo({ '.keyscan.yaml': 'exclude: [/a]\ndisable: [1]\nfoo: 1\n' });
    const r = await keyscan([], { cwd: dir });
    expect(r.stderr.split('\n').filter((l) => l.includes('.keyscan.yaml: '))).toHaveLength(3);
  });

  it('never quotes a secret from a broken config', async () => {
    const secret = tokens.githubPat();
    for (const content of [`{"token": ${secret}}`, `{"allowlist": {"secretRegexes": ["(${secret}"]}}`]) {
      const dir = makeRepo({ '.keyscan.json': content });
      const r = await keyscan([], { cwd: dir });
      expect(r.code).toBe(2);
      for (const slice of slices(secretBody(secret))) expect(r.stderr).not.toContain(slice);
    }
  });
});

describe('keyscan config', () => {
  it('checks the config and summarises it', async () => {
    const dir = makeRepo({ '.keyscan.yml': 'disable: [jwt]\nexclude: [a/**]\n' });
    const r = await keyscan(['config'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\.keyscan\.yml is valid: \d+ rules of \d+ run/);
    expect((await keyscan(['config'], { cwd: makeRepo({ '.keyscan.yml': 'bogus: 1\n' }) })).code).toBe(2);
  });

  it('--print shows the effective config as a valid config, defaults filled in, secrets hidden', async () => {
    const secret = tokens.githubPat();
    const dir = makeRepo({
      '.keyscan.yaml': `disableTags: [generic]\nallowlist:\n  secretRegexes: ["^${secret}$"]\nbaseline: ci/baseline.json\n`,
    });
    const r = await keyscan(['config', '--print'], { cwd: dir });
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      format: 'text',
      exclude: [],
      disableTags: ['generic'],
      allowlist: { paths: [], secretRegexes: ['[REDACTED: github-pat]'], lineRegexes: [], stopwords: [] },
      placeholders: [],
      baseline: 'ci/baseline.json',
    });
    expect(r.stdout).not.toContain(secretBody(secret).slice(0, 8));
    expect(r.stderr).toContain('effective config from .keyscan.yaml');
    // The output is itself a config keyscan accepts.
    const again = makeRepo({ '.keyscan.json': r.stdout });
    expect((await keyscan(['config'], { cwd: again })).code).toBe(0);
  });
});
