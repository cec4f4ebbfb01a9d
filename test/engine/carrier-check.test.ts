import { describe, expect, it } from 'vitest';
import { CARRIERS, CarrierCheck, carrierRuns, decodeRun } from '../../src/engine/encoded.js';

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Base64 of a made-up `user:password`, built here so that no credential-shaped literal is in the source. */
const B64_RUN = Buffer.from(`${'u'.repeat(5)}:${'p'.repeat(7)}`).toString('base64');

// What the carriers' patterns read or stop at: base64, its padding, blanks (0xA0 is `\s` on the latin1 view), quotes, `:`, `=`, and others.
const ALPHABET = ['A', 'b', 'u', 'Z', '9', '+', '/', '=', ':', '"', "'", '`', ' ', '\t', '\n', '\u00a0', '_', '-', '.', ',', '('];

const PREFIXES = ['', '=', ': ', '":"', '" : "', ' = "', '("', "(b'", '(`', '\n  ', ':\n "', '\u00a0=\u00a0', "'='"];

describe('the carrier check', () => {
  it('never rules out a hit where a carrier pattern finds a run that decodes to text (30,000 random texts, every carrier)', () => {
    let runs = 0;
    let ruledOut = 0;
    for (let seed = 1; seed <= 30_000; seed++) {
      const next = random(seed);
      const carrierIndex = seed % CARRIERS.length;
      const carrier = CARRIERS[carrierIndex] as (typeof CARRIERS)[number];
      const head = Array.from({ length: Math.floor(next() * 4) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
      // Often one of the shapes the patterns take before a run, then mostly base64, so that runs of every length show up.
      const lead = next() < 0.7 ? (PREFIXES[Math.floor(next() * PREFIXES.length)] as string) : '';
      // Base64 of text (what detectEncoded looks for), or of nothing in particular.
      const printable = Array.from({ length: 4 + Math.floor(next() * 30) }, () => String.fromCharCode(32 + Math.floor(next() * 95))).join(
        '',
      );
      const noise = Array.from({ length: Math.floor(next() * 12) }, () =>
        next() < 0.7 ? BASE64[Math.floor(next() * BASE64.length)] : ALPHABET[Math.floor(next() * ALPHABET.length)],
      ).join('');
      const body = next() < 0.6 ? `${Buffer.from(printable).toString('base64')}${next() < 0.5 ? noise : ''}` : `${noise}${noise}${noise}`;
      const tail = `${lead}${body}`;
      const text = `${head}${carrier.keyword}${tail}`;
      const end = head.length + carrier.keyword.length;
      // What detectEncoded goes on with: a run that decodes to text.
      const found = carrierRuns(text, [carrierIndex, end]).some((run) => decodeRun(text, run) !== undefined);
      const may = new CarrierCheck(Buffer.from(text, 'latin1')).mayCarry(carrier, end);
      if (found) {
        runs++;
        if (!may) expect.fail(`seed ${seed}: ${JSON.stringify(text)} has a run the check ruled out`);
      } else if (!may) ruledOut++;
    }
    // Both kinds occur: the test means something either way.
    expect(runs).toBeGreaterThan(500);
    expect(ruledOut).toBeGreaterThan(1_000);
  });

  it('rules out hits without eight base64 characters in a row before anything a pattern cannot read', () => {
    const basic = CARRIERS.find((c) => c.keyword === 'basic ') as (typeof CARRIERS)[number];
    const check = (text: string, end: number) => new CarrierCheck(Buffer.from(text, 'latin1')).mayCarry(basic, end);
    expect(check(`Authorization: basic ${B64_RUN}`, 21)).toBe(true);
    expect(check('the basic usage, in short', 10)).toBe(false);
    // A word of 8 letters or more is base64, but not of text.
    expect(check('the basic functionality', 10)).toBe(false);
    expect(check(`basic ${B64_RUN}x`, 6)).toBe(false); // the run does not end there
    expect(check('basic abc_defghijk', 6)).toBe(false);
    // A manifest's region is always searched.
    const manifest = CARRIERS.find((c) => c.region !== undefined) as (typeof CARRIERS)[number];
    expect(new CarrierCheck(Buffer.from('kind: secret')).mayCarry(manifest, 12)).toBe(true);
  });

  it('reads a stretch once for the hits inside it, and again for a hit outside it', () => {
    const basic = CARRIERS.find((c) => c.keyword === 'basic ') as (typeof CARRIERS)[number];
    const text = `basic basic basic ab. basic ${B64_RUN}`;
    const check = new CarrierCheck(Buffer.from(text, 'latin1'));
    expect([6, 12, 18].map((end) => check.mayCarry(basic, end))).toEqual([false, false, false]);
    expect(check.mayCarry(basic, text.length - B64_RUN.length)).toBe(true);
    // Earlier than the stretch read last: read anew, not taken from it.
    expect(check.mayCarry(basic, 0)).toBe(false);
  });
});
