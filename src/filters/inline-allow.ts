import { parseAllowMarkers } from '../engine/allow-marker.js';
import { type InlineAllow, METADATA_SOURCES } from '../types.js';
import { type Candidate, commitOf, lineKey, type Partition } from './candidate.js';

/** The result of {@link applyInlineAllows}: also which marker lines silenced something. */
export interface InlineResult extends Partition {
  /** {@link lineKey}s of the markers that silenced at least one finding. */
  readonly used: ReadonlySet<string>;
  /** One entry per silenced finding: the marker's line and the rule it silenced. */
  readonly allows: InlineAllow[];
}

/**
 * Silences findings whose line (any line of a multi-line secret, such as a PEM key) carries a
 * `keyscan:allow` marker that names no rule or names the finding's rule.
 */
export function applyInlineAllows(candidates: readonly Candidate[], knownRuleIds: ReadonlySet<string>): InlineResult {
  const used = new Set<string>();
  const kept: Candidate[] = [];
  const suppressed: Candidate[] = [];
  const allows: InlineAllow[] = [];
  for (const c of candidates) {
    // A name or a commit message cannot silence itself: a file named `… keyscan:allow` is still reported.
    const marker = c.context === undefined || METADATA_SOURCES.has(c.finding.source) ? undefined : matchingMarker(c, knownRuleIds);
    if (marker === undefined) {
      kept.push(c);
      continue;
    }
    suppressed.push(c);
    const commit = commitOf(c.finding);
    used.add(lineKey(c.finding.path, marker, commit));
    allows.push({ path: c.finding.path, line: marker, ruleId: c.finding.ruleId, ...(commit !== undefined ? { commit } : {}) });
  }
  return { kept, suppressed, used, allows };
}

/** The line of the first marker on the finding's lines that applies to its rule. */
function matchingMarker(c: Candidate, knownRuleIds: ReadonlySet<string>): number | undefined {
  const context = c.context as NonNullable<Candidate['context']>;
  const text = context.text.reveal();
  for (const marker of parseAllowMarkers(text, knownRuleIds)) {
    if (marker.rules.length > 0 && !marker.rules.includes(c.finding.ruleId)) continue;
    let line = context.line;
    for (let i = text.indexOf('\n'); i !== -1 && i < marker.offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  }
  return undefined;
}
