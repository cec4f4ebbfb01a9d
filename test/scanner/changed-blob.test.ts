import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { scanChangedBlob } from '../../src/scanner/changed-blob.js';
import { tokens } from '../helpers/tokens.js';

const catalogue = compileCatalogue(builtinRules);
const meta = { path: 'f.txt', source: 'staged' as const };
const lines = (r: ReturnType<typeof scanChangedBlob>) => r.findings.map((f) => [f.ruleId, f.startLine]);

describe('scanChangedBlob', () => {
  it('reports only secrets on added lines, with the lines around them as context', () => {
    const old = tokens.stripeLive();
    const blob = Buffer.from(`a=${old}\nmachine h.example.org\n  login bot\n  password ${tokens.awsSecret()}\nz\n`);
    // Line 4 (the password) was added; the old key on line 1 was not.
    expect(lines(scanChangedBlob(catalogue, blob, [4, 4], meta, false))).toEqual([['netrc-password', 4]]);
    // Only the login line changed: the password, unchanged, is not reported again.
    expect(lines(scanChangedBlob(catalogue, blob, [3, 3], meta, false))).toEqual([]);
  });

  it('maps git line numbers of a UTF-16 blob to decoded lines, also when a character holds a 0x0a byte', () => {
    // U+010A is 0a 01 in UTF-16LE: git sees a line break inside it; the decoded text has none.
    const text = `\u010a\u010a one\ntwo\nkey=${tokens.stripeLive()}\n`;
    const raw = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const gitLines = raw.toString('latin1').split('\n');
    // git's line holding the key: the one whose bytes contain "k\0e\0y\0".
    const keyLine = gitLines.findIndex((l) => l.includes('k\u0000e\u0000y\u0000')) + 1;
    expect(keyLine).toBeGreaterThan(3);
    expect(lines(scanChangedBlob(catalogue, raw, [keyLine, keyLine], meta, false))).toEqual([['stripe-secret-key', 3]]);
    expect(lines(scanChangedBlob(catalogue, raw, [1, 1], meta, false))).toEqual([]);
  });

  it('judges binary on the whole blob, not on the added lines', () => {
    const text = Buffer.from(`${'t'.repeat(9000)}\nx\u0000y\nk=${tokens.stripeLive()}\n`);
    expect(lines(scanChangedBlob(catalogue, text, [2, 3], meta, false))).toEqual([['stripe-secret-key', 3]]);
    const binary = Buffer.concat([Buffer.from([0, 1, 2, 10]), Buffer.from(`k=${tokens.stripeLive()}\n`)]);
    expect(scanChangedBlob(catalogue, binary, [2, 2], meta, false)).toMatchObject({ binary: true, findings: [] });
  });

  it('collects allow markers on added lines only', () => {
    const blob = Buffer.from('x = 1 // keyscan:allow\ny = 2\nz = 3 // keyscan:allow\n');
    expect(scanChangedBlob(catalogue, blob, [2, 3], meta, true).markerLines).toEqual([3]);
  });

  it('sees a longer rule through the wide context only where its keyword is near, and scans little around other changes', () => {
    const filler = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `const value${from + i} = compute(${from + i});`);
    // A one-line change among 600 lines of code: only the lines near it are scanned.
    const code = Buffer.from(`${filler(600).join('\n')}\n`);
    const quiet = scanChangedBlob(catalogue, code, [300, 300], meta, false);
    expect(quiet.findings).toEqual([]);
    expect(quiet.bytesScanned).toBeLessThan(4096);
    // A PEM body line replaced 10 KB below its unchanged BEGIN line: the private-key rule's
    // keyword is within its reach, so the change is scanned with that reach.
    // Each body line drawn anew: four lines repeated 40 times read as typed filler whenever they
    // hold a typed run such as `abcd` (then 40 times over), about once in 130 draws.
    const [begin, ...rest] = tokens.privateKey().split('\n');
    const body = Array.from({ length: 40 }, () => tokens.privateKey().split('\n').slice(1, 5)).flat();
    const key = Buffer.from(`${[...filler(1000), begin, ...body, rest[rest.length - 1], ...filler(300, 1000)].join('\n')}\n`);
    const changed = 1001 + 150;
    const found = scanChangedBlob(catalogue, key, [changed, changed], meta, false);
    expect(lines(found)).toEqual([['private-key', 1001]]);
    expect(found.bytesScanned).toBeGreaterThan(20_000);
    // A code line changed 30 KB above the key, beyond any rule's reach of it: narrow again.
    expect(scanChangedBlob(catalogue, key, [10, 10], meta, false).bytesScanned).toBeLessThan(4096);
  });
});
