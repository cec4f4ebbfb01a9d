import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTarget } from '../../src/sources/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'keyscan-read-file-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readTarget', () => {
  it('reads a file whole, whatever its size against the read size', () => {
    for (const size of [0, 1, 4095, 4096, 65_536, 1_000_003]) {
      const content = Buffer.alloc(size, 'a');
      const outcome = readTarget(file(`f${size}.txt`, content), 2_000_000);
      expect(outcome.kind, String(size)).toBe('text');
      if (outcome.kind === 'text') {
        expect(outcome.bytes).toBe(size);
        expect(outcome.data.equals(content)).toBe(true);
      }
    }
  });

  it('reads a file of exactly the size limit, and skips one a byte over it', () => {
    expect(readTarget(file('at.txt', 'x'.repeat(100)), 100).kind).toBe('text');
    expect(readTarget(file('over.txt', 'x'.repeat(101)), 100)).toEqual({ kind: 'skip', reason: 'tooLarge' });
  });

  it('drops a UTF-8 byte-order mark and counts the bytes read', () => {
    const outcome = readTarget(file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('k = v\n')])), 100);
    expect(outcome).toMatchObject({ kind: 'text', bytes: 9 });
    if (outcome.kind === 'text') expect(outcome.data.toString()).toBe('k = v\n');
  });

  it('skips binary files, symlinks, directories and missing files', () => {
    expect(readTarget(file('bin.dat', Buffer.from([1, 0, 2])), 100)).toEqual({ kind: 'skip', reason: 'binary' });
    symlinkSync(file('target.txt', 'x'), join(dir, 'link'));
    expect(readTarget(join(dir, 'link'), 100)).toEqual({ kind: 'skip', reason: 'symlink' });
    mkdirSync(join(dir, 'sub'));
    expect(readTarget(join(dir, 'sub'), 100)).toEqual({ kind: 'skip', reason: 'submodule' });
    expect(readTarget(join(dir, 'gone.txt'), 100)).toEqual({ kind: 'skip', reason: 'deleted' });
  });
});
