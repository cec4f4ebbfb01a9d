/**
 * A small history with what makes attribution hard, for tests that compare two ways of auditing
 * it (shards merged, a cached repeat) with one plain run: merges, a rebased branch whose old
 * commits a tag keeps, a force-pushed branch whose old tip a remote-tracking ref keeps, a secret
 * re-added on several paths and dates, a key in a file name, in a commit message and in a tag,
 * env files committed twice, a binary file.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMALL_STORE_BYTES } from '../../src/cli/history-thread.js';
import { commit, git, gitAs, makeRepo, tempDir } from './repo.js';
import { tokens } from './tokens.js';

export interface TrickyHistory {
  readonly dir: string;
  /** Every secret in the history, to check that no report prints one. */
  readonly secrets: readonly string[];
  /** Adds one more commit on main with a new key in it; returns the key. */
  readonly addKey: () => string;
}

export function trickyHistory(): TrickyHistory {
  const dir = makeRepo({ 'README.md': '# app\n' });
  let day = 1;
  const at = (): { date: string } => ({ date: `2024-02-${String(day++).padStart(2, '0')}T10:00:00Z` });
  const reused = tokens.githubPat();
  const onBranch = tokens.stripeLive();
  const inMessage = tokens.npm();
  const inName = tokens.npm();
  const forced = tokens.slackBot();
  const inTag = tokens.githubPat();
  const late = tokens.anthropic();
  const secrets = [reused, onBranch, inMessage, inName, forced, inTag, late];
  commit(dir, 'initial', { 'README.md': '# app\n' }, at());
  commit(dir, 'config', { 'config.py': `TOKEN = "${reused}"\n` }, at());
  for (let i = 0; i < 4; i++) commit(dir, `filler ${i}`, { [`notes/${i}.md`]: `note ${i}\n` }, at());
  git(dir, 'checkout', '-q', '-b', 'feature');
  commit(dir, 'feature: stripe', { 'app.js': `const key = '${onBranch}';\n` }, at());
  commit(dir, 'feature: env', { '.env': 'API_URL=https://example.com\n' }, at());
  git(dir, 'checkout', '-q', 'main');
  commit(dir, `readme; token ${inMessage}`, { 'README.md': '# app\n\nmore\n' }, at());
  commit(dir, 'named', { [`keys/${inName}.txt`]: 'nothing here\n' }, at());
  gitAs(at(), dir, 'merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
  commit(dir, 'named again', { [`keys/${inName}.txt`]: 'still nothing\n' }, at());
  writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  commit(dir, 'binary', {}, at());
  // A branch rebased onto main: its old commits stay reachable through a tag, with the same author dates.
  git(dir, 'checkout', '-q', '-b', 'topic', 'HEAD~3');
  commit(dir, 'topic: reuse', { 'other.py': `T = "${reused}"\n` }, at());
  commit(dir, 'topic: env again', { 'svc/.env': 'API_URL=https://example.org\n' }, at());
  git(dir, 'tag', 'old-topic');
  gitAs(at(), dir, 'rebase', '-q', 'main');
  git(dir, 'checkout', '-q', 'main');
  gitAs(at(), dir, 'merge', '-q', '--no-ff', '-m', 'merge topic', 'topic');
  // A force push: origin/release keeps the tip that the local branch rewrote.
  const remote = tempDir('keyscan-remote-');
  git(remote, 'init', '-q', '--bare');
  git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'checkout', '-q', '-b', 'release');
  commit(dir, 'release', { 'deploy.sh': `SLACK=${forced}\n` }, at());
  git(dir, 'push', '-q', 'origin', 'release');
  gitAs(at(), dir, 'commit', '-q', '--amend', '-m', 'release, rewritten');
  commit(dir, 'release: moved', { 'deploy.sh': 'echo deploy\n', 'ops/deploy.sh': `SLACK=${forced}\n` }, at());
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'tag', '-a', 'v1', '-m', `release; token ${inTag}`);
  for (let i = 4; i < 8; i++) commit(dir, `filler ${i}`, { [`notes/${i}.md`]: `note ${i}\n` }, at());
  commit(dir, 'config again', { 'config.py': `TOKEN = "${reused}"\n# again\n` }, at());
  const addKey = (): string => {
    const key = tokens.stripeLive();
    secrets.push(key);
    commit(dir, 'late key', { 'late.txt': `k=${late}\nk2=${key}\n` }, at());
    return key;
  };
  return { dir, secrets, addKey };
}

/**
 * Makes the repository's packs look large to keyscan's choice of thread (history-thread.ts): a
 * sparse `.pack` of that size, which git ignores (it reads a pack only through its `.idx`).
 */
export function looksLarge(dir: string): void {
  const file = join(dir, '.git', 'objects', 'pack', 'pack-looks-large.pack');
  writeFileSync(file, '');
  truncateSync(file, SMALL_STORE_BYTES);
}
