import type { Finding, FragmentMeta } from '../types.js';
import type { Catalogue, CompiledRule } from './catalogue.js';
import { detect, type EngineMatch } from './detect.js';
import { fingerprintOf, sha256 } from './fingerprint.js';
import { Locator } from './locate.js';
import { redact } from './redact.js';

/**
 * The line(s) a finding is on, for allow comments and `lineRegexes`: from the start of the
 * match's first line to the end of its last line, cut at {@link CONTEXT_REACH} bytes either side
 * of the secret on very long (minified) lines. It holds the secret: it never leaves the process.
 */
export interface FindingContext {
  readonly text: string;
  /** 1-based line number of the first line of `text`. */
  readonly line: number;
}

export const CONTEXT_REACH = 1024;

/**
 * A finding that can cross a worker boundary: the secret is a plain string here and is wrapped
 * in a {@link Secret} as soon as it reaches the main thread.
 */
export type RawFinding = Omit<Finding, 'secret'> & { readonly secretText: string; readonly context?: FindingContext };

export function scanFragment(catalogue: Catalogue, data: Buffer, meta: FragmentMeta): RawFinding[] {
  // A file's name is text about the file, not its content: rules that trust a file's format by
  // its path (a vault password file is its first line) must not read the name as that content.
  const all = detect(catalogue, data, meta.source === 'path' ? undefined : meta.path);
  const owned = meta.owned;
  const matches = owned === undefined ? all : all.filter((m) => m.start >= owned[0] && m.start < owned[1]);
  if (matches.length === 0) return [];
  const locator = new Locator(data);
  const lineShift = (meta.firstLine ?? 1) - 1;
  return matches.map((m) => {
    const rule = catalogue.rules[m.rule] as CompiledRule;
    const from = locator.at(m.start);
    const to = locator.at(m.end);
    const secretHash = sha256(m.secret);
    const context = contextOf(data, m, from.line + lineShift);
    return {
      ruleId: rule.id,
      severity: rule.severity,
      message: `${rule.message}${m.encoded ? ' (base64-encoded)' : ''}${m.example ? ' (a documented example value)' : ''}`,
      path: meta.path,
      startLine: from.line + lineShift,
      startColumn: from.column,
      endLine: to.line + lineShift,
      endColumn: to.column,
      redacted: redact(m.secret, rule.keywords),
      secretHash,
      fingerprint: fingerprintOf(rule.id, meta.path, secretHash, meta.commit?.commit),
      source: meta.source,
      ...(meta.commit === undefined
        ? {}
        : { commit: meta.commit.commit, author: meta.commit.author, authorEmail: meta.commit.authorEmail, date: meta.commit.date }),
      ...(m.example ? { kind: 'example' as const } : {}),
      secretText: m.secret,
      context,
    };
  });
}

function contextOf(data: Buffer, m: EngineMatch, secretLine: number): FindingContext {
  const first = Math.min(m.matchStart, m.start);
  const last = Math.max(m.matchEnd, m.end);
  // Newlines are searched within the reach only: on one long line holding many secrets, a search
  // to the line's ends for each of them was quadratic.
  const low = Math.max(0, m.start - CONTEXT_REACH);
  const back = first > low ? data.subarray(low, first).lastIndexOf(10) : -1;
  const start = back === -1 ? low : low + back + 1;
  const high = Math.min(data.length, m.end + CONTEXT_REACH);
  const from = Math.max(first, last - 1); // a match may end with its newline
  const ahead = from < high ? data.subarray(from, high).indexOf(10) : -1;
  const end = ahead === -1 ? high : from + ahead;
  let line = secretLine;
  for (let i = data.indexOf(10, start); i !== -1 && i < m.start; i = data.indexOf(10, i + 1)) line--;
  return { text: data.toString('utf8', start, end), line };
}
