import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cores, encodedNeedles } from '../../src/pipeline/encoded-needles.js';

describe('encodedNeedles', () => {
  it('finds a secret inside base64 whatever bytes surround it, at every alignment', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 10 }),
        fc.string({ minLength: 16, maxLength: 60 }),
        fc.uint8Array({ maxLength: 10 }),
        (before, secret, after) => {
          const encoded = Buffer.concat([before, Buffer.from(secret, 'utf8'), after]).toString('base64');
          expect(cores(Buffer.from(secret, 'utf8')).some((core) => encoded.includes(core))).toBe(true);
        },
      ),
    );
  });

  it('finds it inside base64 inside base64 (a .dockerconfigjson holding an auth)', () => {
    const secret = 'npm_abcdefghijklmnopqrstuvwxyz0123456789';
    const inner = JSON.stringify({ auths: { r: { auth: Buffer.from(`ci:${secret}`).toString('base64') } } });
    const outer = `  .dockerconfigjson: ${Buffer.from(inner).toString('base64')}\n`;
    expect(encodedNeedles(secret).some((n) => outer.includes(n))).toBe(true);
    // Another secret (one character changed mid-way) is not found.
    expect(encodedNeedles('npm_abcdefghijklmnopqrsTuvwxyz0123456789').some((n) => outer.includes(n))).toBe(false);
  });
});
