import { describe, expect, it } from 'vitest';
import { unquoteGitPath } from '../../src/sources/cquote.js';
import { type DiffFragment, DiffParser } from '../../src/sources/diff.js';
import type { CommitHeader } from '../../src/types.js';

function parse(
  text: string,
  chunkSize = 7,
): { fragments: Array<DiffFragment & { commit?: string }>; binaries: string[]; commits: CommitHeader[] } {
  const fragments: Array<DiffFragment & { commit?: string }> = [];
  const binaries: string[] = [];
  const commits: CommitHeader[] = [];
  const parser = new DiffParser({
    onCommit: (c) => commits.push(c),
    onFragment: (f, c) => fragments.push({ ...f, ...(c ? { commit: c.commit } : {}) }),
    onBinary: (p) => binaries.push(p),
  });
  // Feed in small pieces: lines must survive being split across chunks.
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) parser.push(bytes.subarray(i, i + chunkSize));
  parser.end();
  return { fragments, binaries, commits };
}

const text = (f: DiffFragment | undefined) => f?.data.toString('utf8');

describe('diff parser', () => {
  it('yields added lines per hunk with new-file line numbers', () => {
    const { fragments } = parse(
      [
        'diff --git a/src/app.js b/src/app.js',
        'index 1111111..2222222 100644',
        '--- a/src/app.js',
        '+++ b/src/app.js',
        '@@ -3,0 +4,2 @@ function x() {',
        '+const a = 1;',
        '+const b = 2;',
        '@@ -10 +12 @@',
        '-old',
        '+new',
        '@@ -20,2 +22,0 @@',
        '-gone',
        '-gone too',
        '',
      ].join('\n'),
    );
    expect(fragments.map((f) => [f.path, f.firstLine, text(f)])).toEqual([
      ['src/app.js', 4, 'const a = 1;\nconst b = 2;\n'],
      ['src/app.js', 12, 'new\n'],
    ]);
  });

  it('reads commit headers and attributes fragments to them', () => {
    const { fragments, commits } = parse(
      [
        '\x1eabc123\x1fp1 p2\x1fAda Lovelace\x1fada@example.com\x1f2024-01-02T03:04:05+00:00',
        '',
        'diff --git a/x b/x',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/x',
        '@@ -0,0 +1 @@',
        '+hello',
        '\x1edef456\x1f\x1fB\x1fb@example.com\x1f2024-01-03T00:00:00Z',
        '',
      ].join('\n'),
    );
    expect(commits).toEqual([
      {
        commit: 'abc123',
        parents: ['p1', 'p2'],
        author: 'Ada Lovelace',
        authorEmail: 'ada@example.com',
        date: '2024-01-02T03:04:05+00:00',
      },
      { commit: 'def456', parents: [], author: 'B', authorEmail: 'b@example.com', date: '2024-01-03T00:00:00Z' },
    ]);
    expect(fragments).toMatchObject([{ path: 'x', firstLine: 1, commit: 'abc123' }]);
  });

  it('unquotes paths, drops the TAB git adds after names with spaces, and skips deletions', () => {
    const { fragments } = parse(
      [
        'diff --git "a/caf\\303\\251 \\"x\\".txt" "b/caf\\303\\251 \\"x\\".txt"',
        '--- /dev/null',
        '+++ "b/caf\\303\\251 \\"x\\".txt"',
        '@@ -0,0 +1 @@',
        '+one',
        'diff --git a/with space.txt b/with space.txt',
        '--- /dev/null',
        '+++ b/with space.txt\t',
        '@@ -0,0 +1 @@',
        '+two',
        'diff --git a/removed b/removed',
        'deleted file mode 100644',
        '--- a/removed',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-three',
        '',
      ].join('\n'),
    );
    expect(fragments.map((f) => f.path)).toEqual(['café "x".txt', 'with space.txt']);
  });

  it('keeps only what a merge added against every parent in a combined diff', () => {
    const { fragments } = parse(
      [
        'diff --cc f',
        'index a,b..c',
        '--- a/f',
        '+++ b/f',
        '@@@ -2,1 -2,1 +2,3 @@@',
        '- 2',
        '+ SIDE',
        '++EVIL',
        '++EVIL2',
        ' +from side',
        '',
      ].join('\n'),
    );
    expect(fragments.map((f) => [f.firstLine, text(f)])).toEqual([[3, 'EVIL\nEVIL2\n']]);
  });

  it('reports binary files and ignores "No newline" markers', () => {
    const { fragments, binaries } = parse(
      [
        'diff --git a/img.png b/img.png',
        'new file mode 100644',
        'Binary files /dev/null and b/img.png differ',
        'diff --git a/t b/t',
        '--- a/t',
        '+++ b/t',
        '@@ -1 +1 @@',
        '-a',
        '\\ No newline at end of file',
        '+b',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
    expect(binaries).toEqual(['img.png']);
    expect(fragments.map((f) => [f.path, f.firstLine, text(f)])).toEqual([['t', 1, 'b\n']]);
  });

  it('cuts very large hunks into fragments with correct line numbers, never inside a PEM block', () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `+line ${i} ${'x'.repeat(20)}`);
    lines.splice(40_000, 0, '+-----BEGIN PRIVATE KEY-----', ...Array.from({ length: 30 }, () => '+QUJD'), '+-----END PRIVATE KEY-----');
    const { fragments } = parse(
      ['diff --git a/big b/big', '--- /dev/null', '+++ b/big', '@@ -0,0 +1,60032 @@', ...lines, ''].join('\n'),
      65536,
    );
    expect(fragments.length).toBeGreaterThan(1);
    let expected = 1;
    for (const f of fragments) {
      expect(f.firstLine).toBe(expected);
      expected += (text(f)?.split('\n').length ?? 1) - 1;
      const t = text(f) ?? '';
      expect(t.includes('-----BEGIN') === t.includes('-----END')).toBe(true);
    }
    expect(expected).toBe(60_033);
  });
});

describe('unquoteGitPath', () => {
  it('decodes octal UTF-8 and C escapes', () => {
    expect(unquoteGitPath('"a\\tb\\\\c\\303\\274"')).toBe('a\tb\\cü');
    expect(unquoteGitPath('plain name')).toBe('plain name');
  });
});
