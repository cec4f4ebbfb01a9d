/**
 * The history the `keyscan ci` end-to-end tests share (GitHub's in ci.test.ts, GitLab's in
 * ci-gitlab.test.ts): main adds a key and removes it; feature, forked there, adds another key and
 * a clean commit; main moves on. Each forge then adds the refs it keeps for the change request.
 */
import { execFileSync } from 'node:child_process';
import { commit, git, makeRepo, tempDir } from './repo.js';
import { tokens } from './tokens.js';

export interface ForkedHistory {
  readonly dir: string;
  /** Committed on main, removed again before feature forked. */
  readonly oldKey: string;
  /** Added by feature's first commit. */
  readonly newKey: string;
  /** main after the removal, where feature forked. */
  readonly forkPoint: string;
  /** feature's tip. */
  readonly head: string;
  /** main's tip, one commit past the fork point. */
  readonly mainTip: string;
}

function build(): ForkedHistory {
  const dir = makeRepo();
  const oldKey = tokens.stripeLive();
  const newKey = tokens.githubPat();
  commit(dir, 'add config', { 'config.js': `module.exports = { stripe: "${oldKey}" };\n` }, { date: '2024-01-01T00:00:00Z' });
  const forkPoint = commit(
    dir,
    'read the key from the environment',
    { 'config.js': 'module.exports = { stripe: process.env.STRIPE_KEY };\n' },
    { date: '2024-01-02T00:00:00Z' },
  );
  git(dir, 'checkout', '-q', '-b', 'feature');
  commit(dir, 'add a client', { 'src/client.js': `export const token = "${newKey}";\n` }, { date: '2024-01-03T00:00:00Z' });
  const head = commit(dir, 'docs', { 'README.md': '# widgets\n' }, { date: '2024-01-04T00:00:00Z' });
  git(dir, 'checkout', '-q', 'main');
  const mainTip = commit(dir, 'main moves on', { 'CHANGELOG.md': '# changes\n' }, { date: '2024-01-05T00:00:00Z' });
  return { dir, oldKey, newKey, forkPoint, head, mainTip };
}

/**
 * A maker of fresh copies of the history, finished by `forge` (its refs and checkout). The history
 * is built with git once per test file and copied for each test (cp -a: the same objects, refs and
 * work tree), so a test can commit, gc or serve it as a remote without touching another's.
 */
export function forkedHistories<T extends ForkedHistory>(forge: (history: ForkedHistory) => T): () => T {
  let template: T | undefined;
  return () => {
    template ??= forge(build());
    const dir = tempDir('keyscan-repo-');
    execFileSync('cp', ['-a', `${template.dir}/.`, dir]);
    return { ...template, dir };
  };
}

/**
 * On the "remote" `history`: a commit is pushed to feature, then force-pushed away and
 * garbage-collected. Returns the commit that is gone and feature's new tip.
 */
export function forcePushAway(history: ForkedHistory): { readonly gone: string; readonly after: string } {
  const { dir, head } = history;
  git(dir, 'checkout', '-q', 'feature');
  const gone = commit(dir, 'oops', { 'oops.txt': 'x\n' });
  git(dir, 'reset', '-q', '--hard', head);
  const after = commit(dir, 'redo', { 'redo.txt': 'y\n' });
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'reflog', 'expire', '--expire=now', '--all');
  git(dir, 'gc', '-q', '--prune=now');
  return { gone, after };
}
