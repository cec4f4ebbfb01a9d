/**
 * Which design scans a `--history`'s content: patches (one `git log -p` per batch, modes/commits.ts)
 * or blobs (each unique blob once, then patches only where a blob was flagged, history-blobs.ts).
 * Both report the same findings; they differ in cost. `KEYSCAN_HISTORY_DESIGN=patches|blobs`
 * forces one (tests, benchmarks); `auto` (the default) chooses.
 */
import { KeyscanError } from '../errors.js';

export type HistoryDesign = 'patches' | 'blobs';

/** The design the environment forces, or undefined for `auto`. */
export function forcedDesign(env: NodeJS.ProcessEnv = process.env): HistoryDesign | undefined {
  const value = env.KEYSCAN_HISTORY_DESIGN;
  if (value === undefined || value === '' || value === 'auto') return undefined;
  if (value === 'patches' || value === 'blobs') return value;
  throw new KeyscanError('E_USAGE', `KEYSCAN_HISTORY_DESIGN is "${value}"`, {
    hint: 'Set it to patches, blobs or auto (or unset it).',
  });
}

/** What the choice looks at: cheap facts known before any content is read. */
export interface DesignFacts {
  readonly commits: number;
  /** Commits an earlier scan remembered clean (the cache): only the rest are scanned. */
  readonly cached: number;
  /** A `--shard` scan: each shard scans its own commits as patches. */
  readonly sharded: boolean;
}

export function chooseDesign(facts: DesignFacts, forced: HistoryDesign | undefined): HistoryDesign {
  if (facts.sharded) return 'patches';
  if (forced !== undefined) return forced;
  if (facts.cached > 0) return 'patches';
  return 'patches';
}
