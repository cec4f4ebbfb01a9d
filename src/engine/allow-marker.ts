/**
 * Inline allow markers: `keyscan:allow` in a comment silences findings on its line, and
 * `keyscan:allow rule-a rule-b` only those rules. Comment syntax is not parsed (the marker works
 * after `//`, `#`, `--`, `<!--`, `/*` alike), so a marker in a string counts too.
 */

export const ALLOW_MARKER = 'keyscan:allow';
const MARKER_BYTES = Buffer.from(ALLOW_MARKER);

/** Characters that continue a word: `keyscan:allowed` or `keyscan:allow-list` is not a marker. */
const WORD = /[A-Za-z0-9_-]/;

/** One marker in a text: where it is and which rules it names (empty: every rule). */
export interface AllowMarker {
  /** Offset of the marker in the text it was parsed from. */
  readonly offset: number;
  readonly rules: readonly string[];
}

/**
 * Finds the markers in `text` and the rule ids each names. After the marker come words
 * separated by spaces or commas; the leading words that are ids of known rules are its rules,
 * and the first word that is not ends the list. So `keyscan:allow test fixture` allows every
 * rule, and `keyscan:allow jwt sample token` allows only `jwt`.
 */
export function parseAllowMarkers(text: string, knownRuleIds: ReadonlySet<string>): AllowMarker[] {
  const markers: AllowMarker[] = [];
  for (let at = text.indexOf(ALLOW_MARKER); at !== -1; at = text.indexOf(ALLOW_MARKER, at + 1)) {
    let i = at + ALLOW_MARKER.length;
    if (i < text.length && WORD.test(text[i] as string)) continue;
    const rules: string[] = [];
    for (;;) {
      const word = /^[ \t,]+([a-z0-9]+(?:-[a-z0-9]+)*)(?![A-Za-z0-9_-])/.exec(text.slice(i, i + 200));
      if (word === null || !knownRuleIds.has(word[1] as string)) break;
      rules.push(word[1] as string);
      i += word[0].length;
    }
    markers.push({ offset: at, rules });
  }
  return markers;
}

/**
 * The 1-based lines (counted from `firstLine`) that hold a marker, in order. One `indexOf` pass
 * over the bytes, run only when unused markers are to be reported.
 */
export function findAllowMarkerLines(data: Buffer, firstLine = 1): number[] {
  const lines: number[] = [];
  let line = firstLine;
  let counted = 0;
  for (let at = data.indexOf(MARKER_BYTES); at !== -1; at = data.indexOf(MARKER_BYTES, at + 1)) {
    const next = data[at + MARKER_BYTES.length];
    if (next !== undefined && WORD.test(String.fromCharCode(next))) continue;
    for (let nl = data.indexOf(10, counted); nl !== -1 && nl < at; nl = data.indexOf(10, nl + 1)) {
      line++;
      counted = nl + 1;
    }
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}
