import type { Catalogue, CompiledRule } from '../catalogue/compile.js';
import type { Finding, SourceKind } from '../types.js';
import { detect } from './detect.js';
import { fingerprintOf, sha256 } from './fingerprint.js';
import { Locator } from './locate.js';
import { redact } from './redact.js';

/** Where a fragment came from, as far as the engine needs to know. */
export interface FragmentMeta {
  /** POSIX, repository-relative. */
  readonly path: string;
  readonly source: SourceKind;
  /** Line number of the fragment's first line in its file (diff hunks start mid-file). */
  readonly firstLine?: number;
  /**
   * Byte range this fragment is responsible for when it carries context from overlapping
   * neighbours (stdin chunks): only secrets that start inside it are reported.
   */
  readonly owned?: readonly [number, number];
  /** The commit whose change this fragment is (range and history scans); part of the fingerprint. */
  readonly commit?: CommitInfo;
}

/** Who introduced a change, when: copied onto every finding in that change. */
export interface CommitInfo {
  readonly commit: string;
  readonly author: string;
  readonly authorEmail: string;
  readonly date: string;
}

/**
 * A finding that can cross a worker boundary: the secret is a plain string here and is wrapped
 * in a {@link Secret} as soon as it reaches the main thread.
 */
export type RawFinding = Omit<Finding, 'secret'> & { readonly secretText: string };

export function scanFragment(catalogue: Catalogue, data: Buffer, meta: FragmentMeta): RawFinding[] {
  const all = detect(catalogue, data);
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
    return {
      ruleId: rule.id,
      severity: rule.severity,
      message: rule.message,
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
      secretText: m.secret,
    };
  });
}
