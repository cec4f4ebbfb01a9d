/**
 * Where a secret that no ref holds any more left its file: the first commit after the one that
 * introduced it whose version of the file no longer holds it. One path-limited `git log --raw`
 * for all such paths (blob ids only), then only the versions that descend from one that held
 * the secret are read, in rounds of one `cat-file --batch` each.
 */

import { isNoFile, type PathChange, pathChanges } from '../git/path-changes.js';
import { blobIds, readBlobs } from '../git/ref-tips.js';
import type { Finding } from '../types.js';
import { heldIn } from './held-in.js';

/** Paths per `git log` (each is one walk of the history; the command line stays short). */
const PATHS_PER_WALK = 500;
/** Rounds of reading versions that keep the secret; a longer chain of edits leaves `removedIn` unknown. */
const MAX_ROUNDS = 32;

/**
 * `removedIn` for each finding of `gone` (findings with a commit that no ref holds), keyed by the
 * finding; findings whose removal is not found (a merge dropped it, a path git cannot be asked
 * by name, a long chain of edits) are absent.
 */
export async function removalCommits(
  repo: string,
  tips: readonly string[],
  gone: readonly Finding[],
  realPath: (path: string) => string,
): Promise<Map<Finding, string>> {
  const removed = new Map<Finding, string>();
  const askable = gone.filter((f) => f.commit !== undefined && !realPath(f.path).includes('\n'));
  if (askable.length === 0) return removed;
  // The version each finding was introduced with: it holds the secret by construction.
  const introduced = await blobIds(
    repo,
    askable.map((f) => `${f.commit}:${realPath(f.path)}`),
  );
  const paths = [...new Set(askable.map((f) => realPath(f.path)))];
  const changes = new Map<string, PathChange[]>();
  for (let i = 0; i < paths.length; i += PATHS_PER_WALK) {
    for await (const c of pathChanges(repo, tips, paths.slice(i, i + PATHS_PER_WALK))) {
      const list = changes.get(c.path);
      if (list === undefined) changes.set(c.path, [c]);
      else list.push(c);
    }
  }
  // Per finding, the versions known to hold its secret and those known not to.
  const holding = new Map<Finding, Set<string>>();
  askable.forEach((f, i) => {
    const id = introduced[i];
    if (id !== undefined) holding.set(f, new Set([id]));
  });
  const lacking = new Map<Finding, Set<string>>();
  let unjudged = new Set<Finding>();
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    // Versions that follow a holding one and are not judged yet, with the findings that ask.
    const ask = new Map<string, Set<Finding>>();
    for (const [f, held] of holding) {
      const no = lacking.get(f);
      for (const c of changes.get(realPath(f.path)) ?? []) {
        if (!held.has(c.before) || isNoFile(c.after) || held.has(c.after) || no?.has(c.after)) continue;
        const askers = ask.get(c.after);
        if (askers === undefined) ask.set(c.after, new Set([f]));
        else askers.add(f);
      }
    }
    unjudged = new Set([...ask.values()].flatMap((askers) => [...askers]));
    if (ask.size === 0 || round === MAX_ROUNDS) break;
    await readBlobs(repo, [...ask.keys()], (id, content) => {
      const askers = [...(ask.get(id) ?? [])];
      const found = content === undefined ? new Set<number>() : heldIn(content, askers);
      askers.forEach((f, i) => {
        const into = found.has(i) ? holding : lacking;
        const set = into.get(f);
        if (set === undefined) into.set(f, new Set([id]));
        else set.add(id);
      });
    });
  }
  for (const [f, held] of holding) {
    // A version not judged yet could be an earlier removal than any found.
    if (unjudged.has(f)) continue;
    const no = lacking.get(f);
    const c = (changes.get(realPath(f.path)) ?? []).find((c) => held.has(c.before) && (isNoFile(c.after) || no?.has(c.after) === true));
    if (c !== undefined) removed.set(f, c.commit);
  }
  return removed;
}
