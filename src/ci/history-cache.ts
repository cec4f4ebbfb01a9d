/**
 * `keyscan ci --cache-dir`: scheduled history audits keep the history cache (src/cache/) between
 * runs in a directory the CI restores and saves (actions/cache, GitLab's `cache:`). Only a history
 * audit uses it; the job's log and summary say what it vouched for, so a run that rescanned little
 * never reads as a full audit.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { trackedPaths } from '../git/env-files.js';
import { toPosix } from '../sources/paths.js';
import type { ScanResult } from '../types.js';

/** The cache directory of a history audit, absolute; undefined without --cache-dir. */
export function historyCacheDir(given: string | undefined, cwd: string): string | undefined {
  if (given === undefined || given.trim() === '') return undefined;
  return isAbsolute(given) ? given : resolve(cwd, given);
}

/** The line the log and the job summary show about the cache. */
export function historyCacheNote(result: ScanResult, dir: string): string {
  const total = result.stats.commitsScanned ?? 0;
  const cached = result.stats.commitsFromCache ?? 0;
  const metadata = result.stats.metadataFromCache ?? 0;
  if (cached === 0 && metadata === 0) {
    return `History cache ${dir}: nothing usable in it (first audit, or other rules or settings); all ${total} commits were scanned, and the cache was written for the next run.`;
  }
  return `History cache ${dir}: ${cached} of ${total} commits were not rescanned, and ${metadata} commits' messages, identities and file names not read again, because an earlier audit with the same rules found them clean; ${total - cached} commits were scanned. Whoever can write this cache decides what is skipped: keep it scoped to this repository and written only by this audit.`;
}

/**
 * Why the cache in `dir` must not be used, or undefined. A cache inside the checkout that git
 * tracks came with the repository, not from the CI's cache: anyone who can push a commit could
 * have written it to hide the history from the audit (GitLab caches only paths inside the project
 * directory, so the directory there is inside the work tree).
 */
export async function committedCache(root: string, dir: string): Promise<string | undefined> {
  const rel = relative(root, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const tracked = await trackedPaths(root, [toPosix(rel)]);
  if (tracked.size === 0) return undefined;
  return `the history cache directory ${toPosix(rel)} holds files committed to the repository: a cache from a commit is not trusted, so this audit scanned every commit and wrote no cache. Choose a --cache-dir that is not tracked (add it to .gitignore and remove the committed files).`;
}
