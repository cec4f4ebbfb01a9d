/**
 * Scores a scan of the credential-file set: a planted secret is found when a finding in its file
 * covers any part of it. Positions are compared as (line, column), 1-based, columns in UTF-16
 * code units with an exclusive end, as keyscan reports them.
 */
import type { CredentialFile } from './kinds.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Span {
  readonly start: Position;
  readonly end: Position;
}

export interface KindScore {
  readonly kind: string;
  planted: number;
  found: number;
  variants: number;
  /** Variants with a secret that nothing reported. */
  readonly missed: string[];
}

/** Where `text[index]` is. */
export function positionAt(text: string, index: number): Position {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

const lessThan = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.column < b.column);
const overlaps = (a: Span, b: Span): boolean => lessThan(a.start, b.end) && lessThan(b.start, a.end);

/**
 * The spans of the secrets planted in `file`: each secret's last occurrence, since in every format
 * here a value follows its name (`password=password` is scored at the value).
 */
export function plantedSpans(file: CredentialFile): Span[] {
  return file.secrets.map((secret) => {
    const at = file.text.lastIndexOf(secret);
    if (at === -1) throw new Error(`${file.kind}/${file.variant}: a secret is not in its file`);
    return { start: positionAt(file.text, at), end: positionAt(file.text, at + secret.length) };
  });
}

/** Per kind: secrets planted and found, given the findings' spans per file path. */
export function scoreKinds(files: readonly CredentialFile[], findings: ReadonlyMap<string, readonly Span[]>): KindScore[] {
  const kinds = new Map<string, KindScore>();
  for (const file of files) {
    let s = kinds.get(file.kind);
    if (s === undefined) {
      s = { kind: file.kind, planted: 0, found: 0, variants: 0, missed: [] };
      kinds.set(file.kind, s);
    }
    s.variants++;
    const reported = findings.get(file.path) ?? [];
    for (const span of plantedSpans(file)) {
      s.planted++;
      if (reported.some((r) => overlaps(r, span))) s.found++;
      else if (!s.missed.includes(file.variant)) s.missed.push(file.variant);
    }
  }
  return [...kinds.values()];
}
