/**
 * Env-file check of range and history scans (env-file-committed): every env file that a scanned
 * commit added, reported once per path with the commit that first added it, how many commits
 * added it, and whether it is still tracked at the tip.
 */

import { firstIntroduced } from '../filters/first-introduced.js';
import { type AddedLister, addedFiles, commitAddedLines, pathsAt } from '../git/env-files.js';
import { readAtRevision } from '../git/history.js';
import { toScannableText } from '../sources/text.js';
import type { Finding } from '../types.js';
import { gitignoreLine, shellQuote } from './env-names.js';
import { checkFinding } from './finding.js';
import type { EnvChecks } from './options.js';
import { ENV_FILE_COMMITTED, ENV_TEMPLATE_VALUE } from './rules.js';
import { templateValueFindings } from './template.js';

/**
 * `commits` as the scan lists them (children first); `tip` is HEAD (history) or the range's
 * head, undefined in an empty repository.
 */
export async function checkCommitted(
  root: string,
  commits: readonly string[],
  tip: string | undefined,
  checks: EnvChecks,
  isExcluded: (path: string) => boolean,
  list: AddedLister = (c, keep, filter) => addedFiles(root, c, keep, filter),
): Promise<Finding[]> {
  if (!checks.enabled(ENV_FILE_COMMITTED.id)) return [];
  const added = await list(commits, (p) => checks.names.kind(p) === 'env' && !isExcluded(p));
  if (added.length === 0) return [];
  const each = added.flatMap(({ commit, paths }) =>
    paths.map((path) => checkFinding({ rule: ENV_FILE_COMMITTED, path, message: '', commit })),
  );
  const first = firstIntroduced(each, new Map(commits.map((c, i) => [c, i])));
  const present = tip === undefined ? new Set<string>() : await pathsAt(root, tip, [...new Set(first.map((f) => f.path))]);
  return first.map((f) => {
    const still = present.has(f.path);
    return { ...f, message: committedMessage(f.path, f.commitCount ?? 1, still), presentAtHead: still };
  });
}

/** What an env-file-committed finding says (also when `keyscan merge` adds up shards' counts). */
export function committedMessage(path: string, commitCount: number, still: boolean): string {
  const times = commitCount > 1 ? ` (added by ${commitCount} commits)` : '';
  const where = `${path} is an env file that was committed to git history${times}`;
  const what = still
    ? `it is still tracked: untrack it (git rm --cached ${shellQuote(path)}) and add ${gitignoreLine(path)} to .gitignore`
    : 'it is no longer tracked, but every value it held is still in git history';
  return `${where}; ${what}. Rotate its credentials`;
}

/**
 * env-template-value in range and history scans, as strict as the pre-commit hook: every version
 * of an env template that a scanned commit added or changed is judged by the lines that commit
 * added, one finding per variable and commit (the scan keeps the first commit of each, like a
 * secret). Templates change rarely, so one small git process per changed template is cheap.
 */
export async function checkTemplatesCommitted(
  root: string,
  commits: readonly string[],
  checks: EnvChecks,
  isExcluded: (path: string) => boolean,
  list: AddedLister = (c, keep, filter) => addedFiles(root, c, keep, filter),
): Promise<Finding[]> {
  if (!checks.enabled(ENV_TEMPLATE_VALUE.id)) return [];
  const changed = await list(commits, (p) => checks.names.kind(p) === 'template' && !isExcluded(p), 'AM');
  const findings: Finding[] = [];
  for (const { commit, paths } of changed) {
    const added = new Map<string, Array<[number, number]>>();
    for (const path of paths) added.set(path, await commitAddedLines(root, commit.commit, path));
    await readAtRevision(root, commit.commit, paths, (path, content) => {
      const text = content === undefined ? 'binary' : toScannableText(content);
      if (text === 'binary') return;
      findings.push(...templateValueFindings(path, text.toString('utf8'), checks.placeholders, added.get(path) ?? [], commit));
    });
  }
  return findings;
}
