/** `--range BASE..HEAD` (and `--since`): every commit of the range, each on its own. */
import { KeyscanError } from '../errors.js';
import { listCommits } from '../git/history.js';
import { parseRange, rangeRevision } from '../git/range.js';
import { refuseShallowCut, repositoryRoot, requireCommit, scanCommits } from './commits.js';
import type { ScanMode } from './mode.js';
import { shardOf } from './shard.js';

export const rangeMode: ScanMode = {
  name: 'range',
  selects: (options) => options.range !== undefined,
  async run(options, ctx) {
    const range = options.range ?? '';
    const root = await repositoryRoot(ctx.cwd);
    const parsed = parseRange(range);
    if (parsed === undefined) {
      throw new KeyscanError('E_USAGE', `--range "${range}" is not a range of commits`, {
        hint: 'Use one of the forms git accepts: BASE..HEAD, BASE...HEAD, BASE.. or ..HEAD (for example --range origin/main..HEAD).',
      });
    }
    const tip = await requireCommit(root, parsed.head, 'HEAD');
    await requireCommit(root, parsed.base, 'BASE');
    const commits = await listCommits(root, [rangeRevision(parsed)]);
    await refuseShallowCut(root, commits, range);
    return scanCommits({ root, commits, tip, ...shardOf(options) }, ctx);
  },
};
