import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/checks/env-parse.js';

const pairs = (text: string): Array<[string, string]> => parseEnv(text).map((e) => [e.key, e.value]);

describe('parseEnv', () => {
  it('reads KEY=value, spaces around =, export, KEY: value, and skips comments and junk', () => {
    const text = [
      '# a comment',
      '',
      'A=1',
      'B = two words ',
      'export C=3',
      '  export   D=4',
      'E: five',
      'not an assignment',
      'F=',
      'G=value # inline comment',
      'H=a#b',
      'I= # only a comment',
      'J=#not-a-value',
    ].join('\n');
    expect(pairs(text)).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', '3'],
      ['D', '4'],
      ['E', 'five'],
      ['F', ''],
      ['G', 'value'],
      ['H', 'a#b'],
      ['I', ''],
      ['J', ''],
    ]);
  });

  it('reads single, double and backtick quotes, with comments after them', () => {
    const text = `A='single # not a comment'\nB="double \\" quote"  # comment\nC=\`tick\`\nD="unclosed\nE=after`;
    expect(pairs(text)).toEqual([
      ['A', 'single # not a comment'],
      ['B', 'double \\" quote'],
      ['C', 'tick'],
      ['D', '"unclosed'],
      ['E', 'after'],
    ]);
  });

  it('reads multi-line quoted values with their start and end positions', () => {
    const entries = parseEnv('FIRST=1\nKEY="line one\nline two\nend"\nLAST=2\n');
    expect(entries.map((e) => e.key)).toEqual(['FIRST', 'KEY', 'LAST']);
    expect(entries[1]).toMatchObject({ value: 'line one\nline two\nend', quote: '"', line: 2, valueColumn: 6, endLine: 4, endColumn: 4 });
    expect(entries[2]).toMatchObject({ line: 5 });
  });

  it('handles CRLF and lone CR line endings', () => {
    expect(pairs('A=1\r\nB="x\r\ny"\r\nC=3\r\n')).toEqual([
      ['A', '1'],
      ['B', 'x\ny'],
      ['C', '3'],
    ]);
    expect(pairs('A=1\rB=2')).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });

  it('ignores a byte-order mark and counts columns without it', () => {
    const [entry] = parseEnv('\uFEFFAPI_KEY=abc');
    expect(entry).toMatchObject({ key: 'API_KEY', value: 'abc', line: 1, keyColumn: 1, valueColumn: 9, endColumn: 12 });
  });

  it('gives the key column after export and indentation', () => {
    expect(parseEnv('  export x=1')[0]).toMatchObject({ key: 'x', keyColumn: 10, valueColumn: 12 });
  });
});
