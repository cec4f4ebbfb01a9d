/**
 * Secrets inside base64: a `.dockerconfigjson`, a Kubernetes Secret's `data:`, a docker
 * `config.json` `auth`, a kubeconfig `client-key-data`, an `Authorization: Basic` header. The
 * keyword prefilter also looks for these carriers (they cost nothing when absent); only after a
 * carrier is base64 near it decoded and scanned with the whole catalogue. Findings inside the
 * decoded bytes are reported at the encoded text's location, so the person fixing it finds it.
 */

/** [start, end) of a base64 run in the text. */
export type Run = readonly [number, number];

export interface Carrier {
  /** Lowercase literal that the keyword automaton finds. */
  readonly keyword: string;
  /** The base64 runs this carrier introduces, given the offset just past its keyword. */
  readonly runs?: (text: string, end: number) => Run[];
  /**
   * Or: the region around the keyword whose values are all candidates (a manifest). Regions
   * of all hits are merged before they are searched, so many hits cost one pass.
   */
  readonly region?: (text: string, end: number) => Run;
  /** The run starts right at the keyword's end (`runs` is {@link bare}): {@link CarrierCheck} runs the pattern and decodes on the run's bytes alone. */
  readonly runAtEnd?: true;
}

const B64 = '[A-Za-z0-9+/]';

/** A run that starts at `end` (after optional punctuation) and matches `pattern`'s group 1. */
function after(pattern: RegExp): (text: string, end: number) => Run[] {
  const sticky = new RegExp(pattern.source, 'yd');
  return (text, end) => {
    sticky.lastIndex = end;
    const m = sticky.exec(text);
    const span = m?.indices?.[1];
    return span === undefined ? [] : [[span[0], span[1]]];
  };
}

/** How far around a `kind: Secret` the manifest's values are looked for. */
const MANIFEST_REACH = 64 * 1024;
const YAML_VALUE = new RegExp(`^[ \\t]+[\\w.-]+:[ \\t]*["']?(${B64}{12,}={0,2})["']?[ \\t]*\\r?$`, 'gmd');
const JSON_VALUE = new RegExp(`"[\\w.-]+"\\s*:\\s*"(${B64}{12,}={0,2})"`, 'gd');

/** The YAML document (between `---` lines) or JSON around a `kind: Secret`, at most 64 KiB each way. */
function manifest(text: string, end: number): Run {
  const lo = Math.max(0, end - MANIFEST_REACH);
  const hi = Math.min(text.length, end + MANIFEST_REACH);
  // Searches are bounded to the reach, so each hit costs O(reach), never O(file).
  const before = text.slice(lo, end).lastIndexOf('\n---');
  const after = text.slice(end, hi).indexOf('\n---');
  return [before === -1 ? lo : lo + before, after === -1 ? hi : end + after];
}

/** Every base64 value (YAML `key: value` line or JSON `"key": "value"`) in text[from, to). */
function valuesIn(text: string, [from, to]: Run): Run[] {
  const region = text.slice(from, to);
  const runs: Run[] = [];
  for (const pattern of [YAML_VALUE, JSON_VALUE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(region); m !== null; m = pattern.exec(region)) {
      const span = m.indices?.[1];
      if (span !== undefined) runs.push([from + span[0], from + span[1]]);
    }
  }
  return runs;
}

const value = after(new RegExp(`["']?\\s*[:=]\\s*["']?(${B64}{16,}={0,2})(?![A-Za-z0-9+/=])`));
const quoted = after(new RegExp(`\\s*:\\s*"(${B64}{8,}={0,2})"`));
const literal = after(new RegExp(`\\s*[bu]?["'\`](${B64}{16,}={0,2})["'\`]`));
const bare = after(new RegExp(`(${B64}{8,}={0,2})(?![A-Za-z0-9+/=])`));

export const CARRIERS: readonly Carrier[] = [
  { keyword: '.dockerconfigjson', runs: value },
  { keyword: '.dockercfg', runs: value },
  { keyword: '"auth"', runs: quoted },
  { keyword: 'client-key-data', runs: value },
  { keyword: '_auth', runs: value },
  { keyword: 'basic ', runs: bare, runAtEnd: true },
  { keyword: 'b64decode(', runs: literal },
  { keyword: 'atob(', runs: literal },
  { keyword: 'kind: secret', region: manifest },
  { keyword: 'kind: "secret"', region: manifest },
  { keyword: '"kind": "secret"', region: manifest },
  { keyword: '"kind":"secret"', region: manifest },
];

/** The shortest base64 run that any carrier's pattern takes. */
const MIN_RUN = 8;

/** Bytes a carrier's pattern may read between its keyword and its run: blanks (`\\s` on the latin1 view, 0xA0 too), quotes, `:`, `=`. */
function isRunPrefix(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 34 || c === 39 || c === 96 || c === 58 || c === 61;
}

/**
 * Which carrier hits can introduce a base64 run at all, judged on the fragment's bytes: from its
 * keyword's end, each carrier's pattern reads only blanks, quotes, `:`, `=` and base64, and needs
 * {@link MIN_RUN} base64 characters in a row among them. A necessary condition only (the patterns
 * decide), so a fragment whose hits all fail it is not decoded whole for nothing: most `basic `
 * and `_auth` hits in code and prose. A manifest's region always can. Linear over a fragment's
 * hits in the order the automaton reports them (by end): a stretch read without a run is not read
 * again for a later hit inside it.
 */
export class CarrierCheck {
  /** Hits that end in [clearFrom, clearUntil) lie in a stretch already read without a run. */
  #clearFrom = 0;
  #clearUntil = 0;

  constructor(private readonly data: Uint8Array) {}

  mayCarry(carrier: Carrier, end: number): boolean {
    if (carrier.region !== undefined) return true;
    if (carrier.runAtEnd) return this.#decodesAt(carrier, end);
    if (end >= this.#clearFrom && end < this.#clearUntil) return false;
    const { data } = this;
    let run = 0;
    let i = end;
    for (; i < data.length; i++) {
      const c = data[i] as number;
      if (isRunChar(c)) {
        if (++run >= MIN_RUN) return true;
      } else if (isRunPrefix(c)) run = 0;
      else break;
    }
    this.#clearFrom = end;
    this.#clearUntil = i;
    return false;
  }

  /**
   * Whether the carrier's own pattern finds a run at `end` that {@link decodeRun} decodes to text,
   * as detectEncoded would: run on the latin1 of the base64 and `=` bytes from there alone, which is
   * all the pattern can take (the byte after them, whatever it is, passes its lookahead as the text's
   * end does). Most `basic ` in prose and code is followed by a word of 8 letters or more that is no
   * base64 of text.
   */
  #decodesAt(carrier: Carrier, end: number): boolean {
    const { data } = this;
    let i = end;
    while (i < data.length && (isRunChar(data[i] as number) || data[i] === 61)) i++;
    if (i - end < MIN_RUN) return false;
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1', end, i);
    return (carrier.runs?.(text, 0) ?? []).some((run) => decodeRun(text, run) !== undefined);
  }
}

/** `[A-Za-z0-9+/]`: a character of a carrier's base64 run. */
function isRunChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;
}

/** Nested encodings worth following: a `.dockerconfigjson` holds `auth`, which holds a token. */
export const MAX_DEPTH = 2;

/** Decodes a base64 run when the result is text (binary cannot hold a token we can read). */
export function decodeRun(text: string, run: Run): Buffer | undefined {
  const encoded = text.slice(run[0], run[1]);
  if (encoded.length % 4 === 1) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length < 8) return undefined;
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d) printable++;
  return printable / bytes.length >= 0.95 ? bytes : undefined;
}

/** The distinct runs that carrier hits (pairs of carrier index and keyword end) point at. */
export function carrierRuns(text: string, hits: readonly number[]): Run[] {
  const seen = new Set<number>();
  const runs: Run[] = [];
  const add = (run: Run): void => {
    if (seen.has(run[0])) return;
    seen.add(run[0]);
    runs.push(run);
  };
  const regions: Run[] = [];
  for (let i = 0; i < hits.length; i += 2) {
    const carrier = CARRIERS[hits[i] as number] as Carrier;
    const end = hits[i + 1] as number;
    if (carrier.region !== undefined) {
      // A hit inside the previous region adds nothing: the region is already searched.
      const last = regions[regions.length - 1];
      if (last === undefined || end > last[1]) regions.push(carrier.region(text, end));
    } else for (const run of carrier.runs?.(text, end) ?? []) add(run);
  }
  for (const region of mergeRuns(regions)) for (const run of valuesIn(text, region)) add(run);
  return runs;
}

function mergeRuns(runs: Run[]): Run[] {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** A run of base64 (or hex, its subset) at least this long is a blob, not a token's surroundings. */
const BLOB_RUN = 160;
/** …and it must go this far past the token: a long token alone is its own run. */
const BLOB_EXTRA = 40;

/** Base64 (standard or URL-safe) or hex, with padding. */
function isBase64Char(c: number): boolean {
  return isRunChar(c) || c === 61 || c === 95 || c === 45;
}

/**
 * Whether text[start, end) sits inside a longer run of base64 or hex (a wasm or font blob, a
 * hash list, a minified data URI): a token-shaped stretch of such a run is chance, not a token.
 * Looks at most {@link BLOB_RUN} characters either way, so each call is O(1).
 */
export function insideEncodedRun(text: string, start: number, end: number): boolean {
  let from = start;
  const low = Math.max(0, start - BLOB_RUN);
  while (from > low && isBase64Char(text.charCodeAt(from - 1))) from--;
  let to = end;
  const high = Math.min(text.length, end + BLOB_RUN);
  while (to < high && isBase64Char(text.charCodeAt(to))) to++;
  return to - from >= BLOB_RUN && to - from - (end - start) >= BLOB_EXTRA;
}
