import { describe, expect, it } from 'vitest';
import { addHookLine, runsKeyscan } from '../../src/setup/hook.js';

describe('the pre-commit hook edit', () => {
  it('creates a husky 9 hook, or a husky 8 one with its preamble', () => {
    const v9 = addHookLine(undefined);
    expect(v9.changed).toBe(true);
    expect(v9.text).toMatch(/^# Block commits that add secrets.*--no-verify\nkeyscan --staged\n$/);
    expect(addHookLine(undefined, { huskyV8: true }).text).toMatch(
      /^#!\/usr\/bin\/env sh\n\. "\$\(dirname -- "\$0"\)\/_\/husky.sh"\n\n# Block/,
    );
  });

  it('keeps every existing line, adds keyscan once, and changes nothing the second time', () => {
    const first = addHookLine('npx lint-staged\nnpm test\n');
    expect(first.text).toBe(
      'npx lint-staged\nnpm test\n\n# Block commits that add secrets (keyscan). Bypass, when you are sure: git commit --no-verify\nkeyscan --staged\n',
    );
    expect(addHookLine(first.text)).toEqual({ text: first.text, changed: false });
  });

  it('goes before a top-level exit, and keeps CRLF line ends', () => {
    expect(addHookLine('npm test\nexit 0\n').text).toMatch(/npm test\n# Block.*\nkeyscan --staged\nexit 0\n$/);
    expect(addHookLine('npm test\r\n').text).toBe(
      'npm test\r\n\r\n# Block commits that add secrets (keyscan). Bypass, when you are sure: git commit --no-verify\r\nkeyscan --staged\r\n',
    );
  });

  it('recognises keyscan in any spelling, but not in a comment', () => {
    for (const line of [
      'npx keyscan --staged',
      'node bin/keyscan.js --staged',
      'npx --no-install keyscan --staged --threads 0',
      'cd app && keyscan --staged',
    ]) {
      expect(runsKeyscan(`${line}\n`)).toBe(true);
    }
    for (const text of ['# keyscan --staged\n', 'keyscan --history\n', 'npx keyscan-secrets-old --staged\n'])
      expect(runsKeyscan(text)).toBe(false);
  });
});
