/**
 * `--pre-push`: the commits a push would add to the remote, read from git's pre-push protocol, so
 * that commits made with `git commit --no-verify` are caught before they leave the machine.
 * A commit already on the remote (reachable from a remote sha being replaced, or from one of the
 * remote's tracking branches) was pushed before and is not scanned again.
 */

import { listCommits, resolveCommit } from '../git/history.js';
import { isZeroSha, parsePushUpdates } from '../git/pre-push.js';
import { hasRemote } from '../git/remote.js';
import { refuseShallowCut, repositoryRoot, scanCommits } from './commits.js';
import { asIs, type ScanMode } from './mode.js';

export const prePushMode: ScanMode = {
  name: 'pre-push',
  selects: (options) => options.prePush !== undefined,
  async run(options, ctx) {
    const push = options.prePush;
    if (push === undefined) return asIs;
    const root = await repositoryRoot(ctx.cwd);
    // Deletions push nothing.
    const updates = parsePushUpdates(push.updates).filter((u) => !isZeroSha(u.localSha));
    ctx.debug(`${updates.length} refs pushed${push.remote ? ` to ${push.remote}` : ''}`);
    if (updates.length === 0) return scanCommits({ root, commits: [], tip: undefined }, ctx);
    // What the remote has: the objects being replaced when this clone has them (a force push
    // may replace one it never fetched), and the remote's tracking branches when it is a named remote.
    const known = await Promise.all(updates.filter((u) => !isZeroSha(u.remoteSha)).map(async (u) => resolveCommit(root, u.remoteSha)));
    const remoteShas = known.filter((sha): sha is string => sha !== undefined);
    const named = push.remote !== undefined && push.remote !== '' && (await hasRemote(root, push.remote));
    const exclude = [...remoteShas, ...(named ? [`--remotes=${push.remote}`] : [])];
    const commits = await listCommits(root, [...updates.map((u) => u.localSha), ...(exclude.length > 0 ? ['--not', ...exclude] : [])]);
    await refuseShallowCut(root, commits, 'the push');
    const only = updates.length === 1 ? updates[0] : undefined;
    const tip = only !== undefined ? await resolveCommit(root, only.localSha) : await resolveCommit(root, 'HEAD');
    return scanCommits({ root, commits, tip }, ctx);
  },
};
