import { describe, expect, it } from 'vitest';
import { isGuessable, SecretHasher } from '../../src/hash/secret-hash.js';
import { tokens } from '../helpers/tokens.js';

describe('secret hashes', () => {
  it('are slow for passwords, generic values and low-entropy secrets, fast for random tokens', () => {
    expect(isGuessable('github-pat', ['vcs'], tokens.githubPat())).toBe(false);
    expect(isGuessable('stripe-secret-key', ['payments'], tokens.stripeLive())).toBe(false);
    expect(isGuessable('database-connection-password', ['database'], tokens.stripeLive())).toBe(true);
    expect(isGuessable('generic-secret-assignment', ['generic'], tokens.githubPat())).toBe(true);
    expect(isGuessable('env-template-value', undefined, 'x')).toBe(true);
    expect(isGuessable('acme-key', undefined, 'acme_short1')).toBe(true); // a user rule: by entropy
  });

  it('depend on the salt and on the construction, never on the run', async () => {
    const [a1, a2] = await new SecretHasher('a'.repeat(64)).hashAll([
      { secret: 'hunter22', slow: true },
      { secret: 'hunter22', slow: false },
    ]);
    const [again] = await new SecretHasher('a'.repeat(64)).hashAll([{ secret: 'hunter22', slow: true }]);
    const [other] = await new SecretHasher('b'.repeat(64)).hashAll([{ secret: 'hunter22', slow: true }]);
    expect(a1).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(a1);
    expect(a2).not.toBe(a1);
    expect(other).not.toBe(a1);
  });
});
