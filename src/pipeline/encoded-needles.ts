/**
 * How a secret looks inside base64, so a file can be searched for it without decoding the file.
 *
 * Base64 turns every 3 bytes into 4 characters, so the characters a secret becomes depend on where
 * it starts within a 3-byte group (3 alignments) and, at both ends, on its neighbours. The
 * characters whose 6 bits all come from the secret are the same whatever surrounds it: that core,
 * for each alignment, is what the file must contain. Nested base64 (a `.dockerconfigjson` whose
 * `auth` is base64 again) is the core of a core: 3 × 3 more needles. A core leaves out at most
 * a few bits at either end of the secret (a byte or two, nested): a file holding another secret
 * that differs only there, at the same path, would count as holding this one.
 */

/** Depth of nesting searched: as deep as the engine decodes (src/engine/encoded.ts MAX_DEPTH). */
const DEPTH = 2;

/** A core shorter than this could turn up by chance in unrelated base64. */
const MIN_CORE = 12;

/** The base64 cores of `secret` at each alignment, and of those cores again, down to {@link DEPTH}. */
export function encodedNeedles(secret: string): string[] {
  const out: string[] = [];
  let level: Buffer[] = [Buffer.from(secret, 'utf8')];
  for (let depth = 0; depth < DEPTH; depth++) {
    const next: Buffer[] = [];
    for (const bytes of level) {
      for (const core of cores(bytes)) {
        if (core.length < MIN_CORE) continue;
        out.push(core);
        next.push(Buffer.from(core, 'latin1'));
      }
    }
    level = next;
  }
  return out;
}

/** For `bytes` starting at offset 0, 1 and 2 of a 3-byte group: the characters only they decide. */
export function cores(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    // Character j carries bits [6j, 6j + 6) of the stream; the secret's bits are [8k, 8(k + n)).
    const first = Math.ceil((8 * k) / 6);
    const last = Math.floor((8 * (k + bytes.length) - 6) / 6);
    if (last >= first) out.push(encoded.slice(first, last + 1));
  }
  return out;
}
