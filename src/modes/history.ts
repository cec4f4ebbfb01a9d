/** `--history`: every commit reachable from every ref (and every stash entry with `--include-stash`). */
import { allRefs, resolveCommit, shallowBoundary } from '../git/history.js';
import { stashEntries } from '../git/repo.js';
import { withLeanHeap } from '../pool/heap-policy.js';
import { listHistory, openHistoryCache } from './cache.js';
import { repositoryRoot, scanCommits } from './commits.js';
import { scanHistoryBlobs } from './history-blobs.js';
import { chooseDesign, forcedDesign } from './history-design.js';
import type { ScanMode } from './mode.js';
import { shardOf } from './shard.js';

export const historyMode: ScanMode = {
  name: 'history',
  selects: (options) => options.history === true,
  async run(options, ctx) {
    const includeStash = options.includeStash ?? false;
    const root = await repositoryRoot(ctx.cwd);
    // Every stash entry, not only the latest that refs/stash names.
    const stashes = includeStash ? await stashEntries(root) : [];
    const boundary = await shallowBoundary(root);
    const cache = await openHistoryCache(options, root, ctx);
    const { commits, listedFrom } = await listHistory(cache, root, [...allRefs(includeStash), ...stashes], boundary, ctx);
    if (boundary.size > 0) {
      const n = boundary.size;
      ctx.collector.warnings.push(
        `this is a shallow clone: history before ${n} commit${n === 1 ? '' : 's'} is not here and was not scanned, and those commits' files count as introduced by them. Run git fetch --unshallow for a complete audit.`,
      );
    }
    const tip = await resolveCommit(root, 'HEAD');
    const shard = shardOf(options);
    const cached = cache?.cleanAmong(commits) ?? 0;
    const design = chooseDesign({ commits: commits.length, cached, sharded: shard.shard !== undefined }, forcedDesign());
    ctx.debug(`history design: ${design}`);
    const content = design === 'blobs' ? { scanContent: scanHistoryBlobs.bind(undefined, root) } : {};
    const fromCache = cache ? { cache, ...(listedFrom === undefined ? {} : { listedFrom }) } : {};
    return withLeanHeap(() => scanCommits({ root, commits, tip, refs: { includeStash }, ...shard, ...fromCache, ...content }, ctx));
  },
};
