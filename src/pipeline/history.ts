import { readAtRevision } from '../git/history.js';
import type { Finding } from '../types.js';

/**
 * One finding per (rule, path, secret) across commits: the commit that first introduced it
 * (earliest author date; on a tie, the one further from the tips), with how many commits added it.
 * `order` gives each commit's position in the topological listing (children first).
 */
export function firstIntroduced(findings: readonly Finding[], order: ReadonlyMap<string, number>): Finding[] {
  const groups = new Map<string, { first: Finding; commits: Set<string> }>();
  for (const f of findings) {
    const key = `${f.ruleId}\0${f.path}\0${f.secretHash}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { first: f, commits: new Set([f.commit ?? '']) });
      continue;
    }
    group.commits.add(f.commit ?? '');
    if (older(f, group.first, order)) group.first = f;
  }
  return [...groups.values()].map(({ first, commits }) => ({ ...first, commitCount: commits.size }));
}

function older(a: Finding, b: Finding, order: ReadonlyMap<string, number>): boolean {
  const da = Date.parse(a.date ?? '');
  const db = Date.parse(b.date ?? '');
  if (da !== db) return da < db;
  const oa = order.get(a.commit ?? '') ?? -1;
  const ob = order.get(b.commit ?? '') ?? -1;
  if (oa !== ob) return oa > ob;
  return a.startLine < b.startLine;
}

/** Marks each finding with whether its file at `rev` still contains the secret. */
export async function markPresentAt(
  repo: string,
  rev: string | undefined,
  findings: readonly Finding[],
  realPath: (path: string) => string = (p) => p,
): Promise<Finding[]> {
  const present = new Set<string>();
  if (rev !== undefined && findings.length > 0) {
    const byPath = new Map<string, Finding[]>();
    // A path whose name holds a key is reported redacted; the file is read by its real name.
    for (const f of findings) byPath.set(realPath(f.path), [...(byPath.get(realPath(f.path)) ?? []), f]);
    await readAtRevision(repo, rev, [...byPath.keys()], (path, content) => {
      if (content === undefined) return;
      for (const f of byPath.get(path) ?? []) if (content.includes(f.secret.reveal())) present.add(f.fingerprint);
    });
  }
  return findings.map((f) => ({ ...f, presentAtHead: present.has(f.fingerprint) }));
}
