import { describe, expect, it } from 'vitest';
import { escapeControl, neutraliseCommands, safeLines } from '../../src/report/escape.js';

describe('escapeControl', () => {
  it('writes every C0, DEL, C1 and bidi control as a visible escape, and leaves other text alone', () => {
    expect(escapeControl('a\nb\r\tc\u0000\u001b[2K\u007f\u0085\u009b')).toBe('a\\nb\\r\\tc\\x00\\x1b[2K\\x7f\\x85\\x9b');
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029']) {
      expect(escapeControl(`x${c}y`)).toBe(`x\\u${c.charCodeAt(0).toString(16)}y`);
    }
    expect(escapeControl('naïve ünïcode 🔑 path/to/file.ts')).toBe('naïve ünïcode 🔑 path/to/file.ts');
  });
});

describe('safeLines', () => {
  it('keeps line breaks and tabs but no other control, and no line a runner would run', () => {
    expect(safeLines('one\n\ttwo\u001b[1A\r')).toBe('one\n\ttwo\\x1b[1A\\r');
    expect(safeLines('keyscan: error: x\n::add-mask::y\n   ::error::z\nok ::not-a-command::')).toBe(
      'keyscan: error: x\n\\::add-mask::y\n   \\::error::z\nok ::not-a-command::',
    );
    expect(neutraliseCommands('a ##[set-output name=x;]y')).toBe('a #\\#[set-output name=x;]y');
  });
});
