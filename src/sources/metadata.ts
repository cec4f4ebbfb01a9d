/**
 * Text that is not file content but is printed or stored all the same: file and directory names
 * (every mode), and in range and history scans the commits' messages and author and committer
 * identities, ref names and annotated tags' messages. Each becomes a fragment of its own source
 * kind, scanned by the same engine (the keyword prefilter makes text without a keyword cost one
 * pass), so a key found there is a finding like any other, and its text can be redacted wherever
 * it appears (see src/report/path-redact.ts).
 */

import type { CommitMetadata, RefMetadata } from '../git/metadata.js';
import type { CommitInfo, FragmentInput } from '../types.js';

/** Where findings in a commit message, an identity or a tag message are reported. */
export const MESSAGE_PATHS = {
  'commit-message': '(commit message)',
  'commit-author': '(commit author)',
  'tag-message': '(tag message)',
} as const;

/**
 * Names to scan, each directory and file once: `a/b/c.txt` gives `a`, `a/b` and `a/b/c.txt`. A key
 * in a directory's name is one finding at that directory, not one per file under it. The whole
 * name is scanned (a key may contain `/`); findings that lie wholly in the parent's part belong to
 * the parent (see {@link ownedByName}).
 */
export class NameSet {
  readonly #seen = new Map<string, CommitInfo | undefined>();

  /** Adds `path` and its directories. In history, the last commit given (the oldest, in topological order) is kept. */
  add(path: string, commit?: CommitInfo): void {
    for (let slash = path.indexOf('/'); ; slash = path.indexOf('/', slash + 1)) {
      const prefix = slash === -1 ? path : path.slice(0, slash);
      if (prefix !== '' && (commit !== undefined || !this.#seen.has(prefix))) this.#seen.set(prefix, commit);
      if (slash === -1) break;
    }
  }

  get size(): number {
    return this.#seen.size;
  }

  /**
   * Each name's last segment on its own (rules that want a token boundary before a key would take
   * the `/` before it for part of a base64 key), and the whole name for a key that spans a `/`.
   */
  *fragments(): Generator<FragmentInput> {
    for (const [name, commit] of this.#seen) {
      const meta = { path: name, source: 'path', ...(commit ? { commit } : {}) } as const;
      const slash = name.lastIndexOf('/');
      yield { data: Buffer.from(name.slice(slash + 1), 'utf8'), meta: { ...meta, firstLine: 1 } };
      if (slash !== -1) yield { data: Buffer.from(name, 'utf8'), meta: { ...meta, firstLine: 0 } };
    }
  }
}

/**
 * Whether a finding of a name's fragment is its own: one in the last segment scanned alone
 * (line 1) always; one in the whole name (line 0) only if it spans a `/` into the last segment
 * (the rest belongs to the directory's name, scanned as a name of its own).
 */
export function ownedByName(path: string, line: number, startColumn: number, endColumn: number): boolean {
  if (line !== 0) return true;
  const last = path.lastIndexOf('/') + 1; // 0-based start of the last segment
  return startColumn - 1 < last && endColumn - 1 > last;
}

/** The message and identities of one commit, as fragments. Identities are scanned once per scan. */
export function commitFragments(c: CommitMetadata, seenIdentities: Map<string, CommitInfo>): FragmentInput[] {
  const info: CommitInfo = { commit: c.commit, author: c.authorName, authorEmail: c.authorEmail, date: c.date };
  const out: FragmentInput[] = [];
  if (c.message.length > 0) {
    out.push({ data: c.message, meta: { path: MESSAGE_PATHS['commit-message'], source: 'commit-message', commit: info } });
  }
  // Keep the oldest commit for each identity (commits come children first).
  for (const id of [`${c.authorName} <${c.authorEmail}>`, `${c.committerName} <${c.committerEmail}>`]) seenIdentities.set(id, info);
  return out;
}

export function identityFragments(seen: ReadonlyMap<string, CommitInfo>): FragmentInput[] {
  return [...seen].map(([id, commit]) => ({
    data: Buffer.from(id, 'utf8'),
    meta: { path: MESSAGE_PATHS['commit-author'], source: 'commit-author', commit },
  }));
}

/** A ref's name (as a name: `refs/heads/x`), and an annotated tag's message and tagger. */
export function refFragments(ref: RefMetadata): FragmentInput[] {
  const out: FragmentInput[] = [{ data: Buffer.from(ref.name, 'utf8'), meta: { path: ref.name, source: 'ref' } }];
  if (ref.tag !== undefined) {
    const commit: CommitInfo = { commit: ref.tag.target, author: ref.tag.tagger, authorEmail: ref.tag.taggerEmail, date: ref.tag.date };
    const tagger = `${ref.tag.tagger} <${ref.tag.taggerEmail}>`;
    out.push({ data: ref.tag.message, meta: { path: MESSAGE_PATHS['tag-message'], source: 'tag-message', commit } });
    out.push({ data: Buffer.from(tagger, 'utf8'), meta: { path: MESSAGE_PATHS['commit-author'], source: 'commit-author', commit } });
  }
  return out;
}
