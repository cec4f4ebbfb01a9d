/**
 * How keyscan hashes a secret for `secretHash`, SARIF fingerprints, baselines and de-duplication.
 *
 * A plain SHA-256 of the secret lets anyone holding a report test a guess with one hash: a weak
 * password falls to a word list in milliseconds. So every hash is keyed, and slow where the
 * secret could be guessed:
 *
 * - key = HMAC-SHA-256("keyscan secret hash v2", salt), where the salt is the project's: a random
 *   256-bit value stored in the baseline file (`keyscan baseline` writes it), or, without a
 *   baseline, {@link PUBLIC_SALT}. Baselines match across machines and runs because the salt
 *   travels with them.
 * - fast (high-entropy tokens, which no one can guess): HMAC-SHA-256(key, "fast" NUL secret).
 * - slow (passwords, generic values, short or low-entropy secrets): HMAC-SHA-256(key, "slow" NUL
 *   scrypt(secret, key, N=2^9, r=8, p=1)), 512 KiB and about a millisecond of CPU per guess.
 *
 * Which one applies depends only on the rule and the secret, so it is the same on every run.
 */
import { createHmac, randomBytes, scrypt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { shannonEntropy } from '../engine/entropy.js';

/**
 * The salt of a scan without a baseline: public (it is in keyscan's source), so it only stops
 * tables precomputed for other tools. With it, a report lets anyone test a guess at the cost of
 * one slow hash per low-entropy finding. A baseline's random salt is what makes a report alone
 * useless for testing guesses.
 */
export const PUBLIC_SALT = 'keyscan-public-salt-v2';

/** scrypt cost: 512 KiB of memory and ~1.1 ms of CPU per hash (measured; see bench/hash-cost.mjs). */
export const SCRYPT = { N: 1 << 9, r: 8, p: 1, maxmem: 32 * 1024 * 1024 } as const;

/** Below this many estimated bits (length × Shannon entropy per character), a secret is hashed slowly. */
export const SLOW_BELOW_BITS = 128;

/** Rules whose secrets people choose (passwords) or whose values have no structure: always slow. */
const GUESSABLE_RULE = /password|passwd|credential|basic-auth|generic|secret-assignment|template-value/;
const GUESSABLE_TAGS = new Set(['generic', 'database']);

/** A fresh project salt: 256 random bits, hex. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}

/** Whether a secret gets the slow construction: guessable by kind of rule, or by measured entropy. */
export function isGuessable(ruleId: string, tags: readonly string[] | undefined, secret: string): boolean {
  if (GUESSABLE_RULE.test(ruleId) || tags?.some((t) => GUESSABLE_TAGS.has(t))) return true;
  return secret.length * shannonEntropy(secret) < SLOW_BELOW_BITS;
}

/** One project's hashes, with a cache: a secret found many times is hashed once. */
export class SecretHasher {
  readonly #salt: string;
  #derived: Buffer | undefined;
  readonly #cache = new Map<string, string>();

  constructor(salt: string) {
    this.#salt = salt;
  }

  /** Derived on first use: a scan with no findings never loads node:crypto (pre-commit start-up). */
  get #key(): Buffer {
    this.#derived ??= createHmac('sha256', 'keyscan secret hash v2').update(this.#salt, 'utf8').digest();
    return this.#derived;
  }

  /** The hashes of `inputs`, in order. Slow ones run in parallel on libuv's thread pool. */
  async hashAll(inputs: ReadonlyArray<{ readonly secret: string; readonly slow: boolean }>): Promise<string[]> {
    const pending = new Map<string, { secret: string; slow: boolean }>();
    for (const i of inputs) {
      const id = cacheId(i.secret, i.slow);
      if (!this.#cache.has(id)) pending.set(id, i);
    }
    const queue = [...pending.entries()];
    const lanes = Math.max(1, Math.min(availableParallelism(), 8));
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
          const [id, { secret, slow }] = next;
          this.#cache.set(id, slow ? await this.#slow(secret) : this.#mac('fast', Buffer.from(secret, 'utf8')));
        }
      }),
    );
    return inputs.map((i) => this.#cache.get(cacheId(i.secret, i.slow)) as string);
  }

  #mac(kind: 'fast' | 'slow', value: Buffer): string {
    return createHmac('sha256', this.#key).update(`${kind}\0`).update(value).digest('hex');
  }

  #slow(secret: string): Promise<string> {
    return new Promise((resolve, reject) => {
      scrypt(secret, this.#key, 32, SCRYPT, (e, derived) => (e ? reject(e) : resolve(this.#mac('slow', derived))));
    });
  }
}

function cacheId(secret: string, slow: boolean): string {
  return `${slow ? 's' : 'f'}${secret}`;
}
