/**
 * The one line that says what a scan found and how much it read ("1 secret found in 2 commits"),
 * for the CLI's stderr, `keyscan ci`'s log and the job summary alike.
 */
import type { ScanResult } from '../types.js';
import { foundSummary, plural } from './text.js';

/** "2 commits" for a commit scan, "3 files" for a file scan; what the history cache vouched for, when it did. */
export function scannedCount(stats: ScanResult['stats']): string {
  if (stats.commitsScanned === undefined) return plural(stats.filesScanned, 'file');
  const cached = stats.commitsFromCache ?? 0;
  const commits = plural(stats.commitsScanned, 'commit');
  return cached === 0 ? commits : `${commits} (${cached} of them not rescanned: found clean by an earlier audit, from the history cache)`;
}

/**
 * "1 secret found in 2 commits", or, when paths could not be scanned, a line that starts by saying
 * so: a count of what was read is never presented as a clean result. `where` says where the
 * unscanned paths are listed.
 */
export function foundLine(result: ScanResult, where?: string): string {
  const found = `${foundSummary(result.findings)} in ${scannedCount(result.stats)}`;
  if (result.errors.length === 0) return found;
  return `scan incomplete (${plural(result.errors.length, 'path')} could not be scanned${where === undefined ? '' : `; ${where}`}): ${found}`;
}
