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
    if (isOlder(f, group.first, order)) group.first = f;
  }
  return [...groups.values()].map(({ first, commits }) => ({ ...first, commitCount: commits.size }));
}

/** Whether `a` came first: earlier author date, then further from the tips, then an earlier line. */
export function isOlder(a: Finding, b: Finding, order: ReadonlyMap<string, number>): boolean {
  const da = Date.parse(a.date ?? '');
  const db = Date.parse(b.date ?? '');
  if (da !== db) return da < db;
  const oa = order.get(a.commit ?? '') ?? -1;
  const ob = order.get(b.commit ?? '') ?? -1;
  if (oa !== ob) return oa > ob;
  return a.startLine < b.startLine;
}
