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
  /** Part of the fingerprint in history scans. */
  readonly commit?: string;
}

/**
 * A finding that can cross a worker boundary: the secret is a plain string here and is wrapped
 * in a {@link Secret} as soon as it reaches the main thread.
 */
export type RawFinding = Omit<Finding, 'secret'> & { readonly secretText: string };

export function scanFragment(catalogue: Catalogue, data: Buffer, meta: FragmentMeta): RawFinding[] {
  const matches = detect(catalogue, data);
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
      message: m.encoded ? `${rule.message} (base64-encoded)` : rule.message,
      path: meta.path,
      startLine: from.line + lineShift,
      startColumn: from.column,
      endLine: to.line + lineShift,
      endColumn: to.column,
      redacted: redact(m.secret, rule.keywords),
      secretHash,
      fingerprint: fingerprintOf(rule.id, meta.path, secretHash, meta.commit),
      source: meta.source,
      secretText: m.secret,
    };
  });
}
