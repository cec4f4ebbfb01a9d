/**
 * One walk of a commit scan's history feeds everything that reads names rather than content: the
 * `git log --raw` behind messages, identities and file names (git/metadata.ts) also gives the blob
 * design its index of changes (history-blobs.ts) and the env-file checks their added files. Each
 * of those ran its own `git log` over every commit before (on git/git, ~7 s of CPU for the blob
 * index alone).
 *
 * The metadata scan drives the walk at its own pace; the others see each commit as it passes and
 * wait for {@link WalkFeed.done}. A walk that fails or stops early rejects `done`, so a reader
 * never takes a partial walk for a whole one.
 */
import type { AddedFiles, AddedLister } from '../git/env-files.js';
import type { CommitMetadata } from '../git/metadata.js';

/** Sees every commit of the walk, with its index in the commit list. */
export type WalkReader = (index: number, commit: CommitMetadata) => void;

interface Added {
  readonly commit: AddedFiles['commit'];
  readonly paths: ReadonlyArray<{ readonly path: string; readonly status: string }>;
}

export class WalkFeed {
  readonly done: Promise<void>;
  readonly #commits: readonly string[];
  readonly #readers: WalkReader[] = [];
  /** Which added paths to keep for the env-file checks (env files and templates), before their own filters. */
  readonly #envPath: ((path: string) => boolean) | undefined;
  readonly #added: Added[] = [];
  #seen = 0;
  #settled = false;
  #resolve: () => void = () => undefined;
  #reject: (e: unknown) => void = () => undefined;

  constructor(commits: readonly string[], envPath?: (path: string) => boolean) {
    this.#commits = commits;
    this.#envPath = envPath;
    this.done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.done.catch(() => undefined); // each reader awaits it
  }

  /** The commits the walk covers, in order. */
  get commits(): readonly string[] {
    return this.#commits;
  }

  /** Adds a reader; only before the walk has passed any commit, so that none misses one. */
  read(reader: WalkReader): void {
    if (this.#seen > 0) throw new Error('a walk reader was added after the walk began');
    this.#readers.push(reader);
  }

  /** The walk passes `commit` (the next of the list, in order). */
  saw(commit: CommitMetadata): void {
    const index = this.#seen++;
    if (this.#commits[index] !== commit.commit) {
      this.fail(new Error(`the commit walk is out of order at ${commit.commit.slice(0, 12)}`));
      return;
    }
    for (const reader of this.#readers) reader(index, commit);
    if (this.#envPath !== undefined) this.#keepAdded(commit, this.#envPath);
  }

  /** The walk ended: whole when it passed every commit, else a failure. */
  end(): void {
    if (this.#seen !== this.#commits.length) {
      this.fail(new Error(`the commit walk stopped after ${this.#seen} of ${this.#commits.length} commits`));
      return;
    }
    if (this.#settled) return;
    this.#settled = true;
    this.#resolve();
  }

  fail(e: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#reject(e);
  }

  /**
   * What git/env-files.ts addedFiles lists, from this walk: for each commit that is not a merge,
   * the paths it added (`A`) or added or modified (`AM`) that `keep` accepts. (`git log` without
   * `--cc` shows no diff for a merge, so neither does this.) Only for the commits the walk covers.
   */
  readonly lister: AddedLister = async (commits, keep, filter = 'A') => {
    if (commits !== this.#commits && !sameList(commits, this.#commits)) {
      throw new Error('the added files were asked for commits the walk does not cover');
    }
    await this.done;
    const found: AddedFiles[] = [];
    for (const { commit, paths } of this.#added) {
      const kept = paths.filter((p) => (p.status === 'A' || (filter === 'AM' && p.status === 'M')) && keep(p.path)).map((p) => p.path);
      if (kept.length > 0) found.push({ commit, paths: kept });
    }
    return found;
  };

  #keepAdded(c: CommitMetadata, envPath: (path: string) => boolean): void {
    let paths: Array<{ path: string; status: string }> | undefined;
    for (let i = 0; i < c.changes.length; i++) {
      const change = c.changes[i];
      const path = c.paths[i];
      if (change === undefined || path === undefined || change.merge) continue;
      if ((change.status !== 'A' && change.status !== 'M') || !envPath(path)) continue;
      paths ??= [];
      paths.push({ path, status: change.status });
    }
    if (paths !== undefined) {
      this.#added.push({ commit: { commit: c.commit, author: c.authorName, authorEmail: c.authorEmail, date: c.date }, paths });
    }
  }
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
