/**
 * A user's pattern that V8's linear fallback cannot run (here a lookbehind) and that the load check
 * missed is bounded only by the worker pool's watchdog: small and --staged scans, which otherwise
 * run on the calling thread, must run it on the pool too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { scan } from '../../src/scan.js';
import { git, makeRepo } from '../helpers/repo.js';

/** Quadratic: from every digit, `[0-9]+` runs to the end of the digits and fails to find `x`. */
const slow: RuleSpec = {
  id: 'user-slow-rule',
  description: 'a user rule whose regex is quadratic on a run of digits',
  provider: 'Generic',
  severity: 'high',
  regex: '(?<![a-z])[0-9]+x',
  keywords: ['0'],
  maxLength: 1 << 20,
  remediation: { revoke: 'https://example.com', rotate: 'rotate it' },
  examples: { positive: [], negative: [] },
};

/** Minutes of backtracking on the calling thread; the watchdog stops it in seconds. */
const digits = `${'0'.repeat(400_000)}\n`;

describe('every scan is protected from a slow user pattern', () => {
  it('--staged stops with E_WORKER instead of hanging', async () => {
    const dir = makeRepo({ 'README.md': '# app\n' }, { commit: true });
    writeFileSync(join(dir, 'digits.txt'), digits);
    git(dir, 'add', 'digits.txt');
    const started = performance.now();
    await expect(scan({ cwd: dir, staged: true, rules: [...builtinRules, slow], stallMs: 500, env: false })).rejects.toMatchObject({
      code: 'E_WORKER',
    });
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a files scan of one file stops with E_WORKER instead of hanging', async () => {
    const dir = makeRepo({ 'digits.txt': digits });
    await expect(scan({ cwd: dir, paths: ['digits.txt'], rules: [...builtinRules, slow], stallMs: 500, env: false })).rejects.toMatchObject(
      {
        code: 'E_WORKER',
      },
    );
  });

  it('keeps small scans on the calling thread when every user pattern is bounded', async () => {
    const dir = makeRepo({ 'a.txt': 'hello\n' });
    for (const regex of ['[0-9]+x', '(?<![a-z])[0-9]{1,64}x']) {
      const notes: string[] = [];
      await scan({ cwd: dir, paths: ['a.txt'], rules: [...builtinRules, { ...slow, regex }], onDebug: (m) => notes.push(m) });
      expect({ regex, inline: notes.includes('scanning on the main thread') }).toEqual({ regex, inline: true });
    }
  });
});
