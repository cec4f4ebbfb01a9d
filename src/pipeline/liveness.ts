/**
 * Whether a secret found in history is still live: which refs' tips still hold it at its path.
 * No second pass over history: per path with findings, the blob each ref's tip has there is
 * looked up (one `cat-file --batch-check` for all of them), each distinct blob is read once (one
 * `cat-file --batch`), and the secrets of that path are searched in it as the scan saw them:
 * literally, in a UTF-16 file's decoded text, or inside base64 (a docker `config.json`).
 */
import { blobIds, listRefTips, type RefTip, readBlobs } from '../git/ref-tips.js';
import type { Finding } from '../types.js';
import { heldIn } from './held-in.js';
import { removalCommits } from './removed-in.js';

export interface LivenessOptions {
  /** The revision `presentAtHead` is about: HEAD in a history scan, the range's head in a range scan. */
  readonly tip: string | undefined;
  /** The real path of a path reported redacted (a key in its name): files are read by their real names. */
  readonly realPath?: (path: string) => string;
  /** Findings in ref names: such a ref is listed with its name redacted as in those findings. */
  readonly refFindings?: readonly Finding[];
  /** The refs to check; default: every branch, remote-tracking branch and tag, and a detached HEAD. */
  readonly refs?: readonly RefTip[];
  /** Receives what the step did and what it cost (for `--debug`); never secrets. */
  readonly debug?: (message: string) => void;
}

/**
 * Marks each finding with `presentAtHead` (its file at `tip` still holds the secret) and `liveAt`
 * (the refs whose tips do). Paths holding a newline cannot be asked of git by name: their
 * findings count as not present (as before), which errs towards "rotate it" being said anyway.
 */
export async function markLiveness(repo: string, findings: readonly Finding[], options: LivenessOptions): Promise<Finding[]> {
  if (findings.length === 0) return [];
  const started = performance.now();
  const realPath = options.realPath ?? ((p: string) => p);
  const refs = options.refs ?? (await listRefTips(repo));
  // Many refs share a commit (a tag on a branch's tip): each commit is asked once.
  const commits = [...new Set([...(options.tip === undefined ? [] : [options.tip]), ...refs.map((r) => r.commit)])];
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    const path = realPath(f.path);
    if (path.includes('\n')) continue;
    const list = byPath.get(path);
    if (list === undefined) byPath.set(path, [f]);
    else list.push(f);
  }
  const paths = [...byPath.keys()];
  const queries = paths.flatMap((p) => commits.map((c) => `${c}:${p}`));
  const ids = await blobIds(repo, queries);
  // Per path, the blob each commit has there; per (path, blob), which of the path's findings it holds.
  const blobAt = new Map<string, Map<string, string>>();
  const wanted = new Map<string, string[]>();
  paths.forEach((path, p) => {
    const atCommit = new Map<string, string>();
    commits.forEach((commit, c) => {
      const id = ids[p * commits.length + c];
      if (id === undefined) return;
      atCommit.set(commit, id);
      const list = wanted.get(id);
      if (list === undefined) wanted.set(id, [path]);
      else if (!list.includes(path)) list.push(path);
    });
    blobAt.set(path, atCommit);
  });
  const holds = new Map<string, Set<Finding>>();
  await readBlobs(repo, [...wanted.keys()], (id, content) => {
    if (content === undefined) return;
    for (const path of wanted.get(id) ?? []) {
      const list = byPath.get(path) ?? [];
      const found = heldIn(content, list);
      holds.set(`${path}\0${id}`, new Set([...found].map((i) => list[i] as Finding)));
    }
  });
  const held = (f: Finding, commit: string | undefined): boolean => {
    if (commit === undefined) return false;
    const path = realPath(f.path);
    const id = blobAt.get(path)?.get(commit);
    return id !== undefined && holds.get(`${path}\0${id}`)?.has(f) === true;
  };
  const names = refNames(refs, options.refFindings ?? []);
  const marked = findings.map((f) => ({
    finding: f,
    presentAtHead: held(f, options.tip),
    liveAt: refs.filter((r) => held(f, r.commit)).map((r) => names.get(r) ?? r.name),
  }));
  const gone = marked.filter((m) => m.liveAt.length === 0 && !m.presentAtHead).map((m) => m.finding);
  const checked = performance.now();
  const removed = await removalCommits(repo, commits, gone, realPath);
  options.debug?.(
    `liveness: ${refs.length} refs (${commits.length} commits) × ${paths.length} paths, ${wanted.size} distinct blobs read in ${Math.round(checked - started)} ms; ${gone.length} only in history, ${removed.size} removals found in ${Math.round(performance.now() - checked)} ms`,
  );
  return marked.map(({ finding, presentAtHead, liveAt }) => {
    const commit = removed.get(finding);
    return { ...finding, presentAtHead, liveAt, ...(commit === undefined ? {} : { removedIn: commit }) };
  });
}

/** A ref whose name holds a secret is listed as that name's finding shows it: redacted. */
function refNames(refs: readonly RefTip[], refFindings: readonly Finding[]): Map<RefTip, string> {
  const names = new Map<RefTip, string>();
  const secrets = refFindings.filter((f) => f.source === 'ref').map((f) => ({ secret: f.secret.reveal(), redacted: f.redacted }));
  if (secrets.length === 0) return names;
  for (const ref of refs) {
    let name = ref.name;
    for (const { secret, redacted } of secrets) if (secret !== '' && name.includes(secret)) name = name.split(secret).join(redacted);
    if (name !== ref.name) names.set(ref, name);
  }
  return names;
}

/**
 * `--live-only`: the findings some ref still holds, and findings that are not about history
 * (files, names, messages). The rest are counted where the user looks, never dropped silently.
 */
export function liveOnly(
  findings: readonly Finding[],
  collector: { historyOnlyHidden: number | undefined; readonly warnings: string[] },
): Finding[] {
  const kept = findings.filter((f) => f.liveAt === undefined || f.liveAt.length > 0);
  const hidden = findings.length - kept.length;
  collector.historyOnlyHidden = hidden;
  if (hidden > 0) {
    collector.warnings.push(
      `--live-only: ${hidden} secret${hidden === 1 ? '' : 's'} found only in history (no branch or tag holds ${hidden === 1 ? 'it' : 'them'} any more) ${hidden === 1 ? 'is' : 'are'} not listed; ${hidden === 1 ? 'it' : 'they'} still need${hidden === 1 ? 's' : ''} revoking: run without --live-only to see them.`,
    );
  }
  return kept;
}
