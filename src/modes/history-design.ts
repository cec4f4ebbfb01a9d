/**
 * Which design scans a `--history`'s content: patches (one `git log -p` per batch, modes/commits.ts)
 * or blobs (each unique blob once, then patches only where a blob was flagged, history-blobs.ts).
 * Both report the same findings; they differ in cost. `KEYSCAN_HISTORY_DESIGN=patches|blobs`
 * forces one (tests, benchmarks); `auto` (the default) chooses.
 *
 * Measured (bench/history-designs.mjs, CPU seconds with git's children, on a loaded 2-core
 * machine): git/git 85k commits 135 s by blobs against 169 s by patches, axios 10.7 s against
 * 22.8 s, express 9.8 s against 11.4 s. The blob design costs a listing of every blob and one
 * `git log --raw` up front, which a short history does not earn back, and a repeat audit with the
 * cache scans only new commits, where patches read only what is new.
 *
 * Nor do patches win on the part of a small-commit history that looks made for them: express's
 * changelog is 1,125 versions (85 MB of its 212 MB of blobs) against 1.8 MB of patches, yet
 * sending every blob of such churned paths (64+ versions averaging 16 KB+: 2,911 blobs, 128 MiB)
 * to the second pass as patches gave the same report at 6.9 CPU seconds against 4.5 (axios 11.6
 * against 6.7; one run each against the base build's median of five, same hour): a patch reads each changed blob whole too, and costs more per commit than
 * judging the blob does. So the choice stays per history, on the commit count.
 */
import { KeyscanError } from '../errors.js';

export type HistoryDesign = 'patches' | 'blobs';

/** The design the environment forces, or undefined for `auto`. */
export function forcedDesign(env: NodeJS.ProcessEnv = process.env): HistoryDesign | undefined {
  const value = env.KEYSCAN_HISTORY_DESIGN;
  if (value === undefined || value === '' || value === 'auto') return undefined;
  if (value === 'patches' || value === 'blobs') return value;
  throw new KeyscanError('E_USAGE', `KEYSCAN_HISTORY_DESIGN is "${value}", which is not patches, blobs or auto`, {
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

/** Below this many commits to scan, patches: the blob design's listings cost more than they save. */
export const BLOB_DESIGN_MIN_COMMITS = 1_000;

export function chooseDesign(facts: DesignFacts, forced: HistoryDesign | undefined): HistoryDesign {
  if (facts.sharded) return 'patches';
  if (forced !== undefined) return forced;
  if (facts.cached > 0) return 'patches';
  return facts.commits >= BLOB_DESIGN_MIN_COMMITS ? 'blobs' : 'patches';
}
