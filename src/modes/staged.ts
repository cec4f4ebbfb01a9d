/** What is staged for commit: the added lines of the index against HEAD (pre-commit hooks). */
import { checkStaged } from '../checks/staged.js';
import { KeyscanError } from '../errors.js';
import { requireRepository } from '../git/history.js';
import { stagedNames } from '../git/metadata.js';
import { workTreeRoot } from '../git/repo.js';
import { startStagedRead } from '../git/staged-read.js';
import { fragmentTasks } from '../pipeline/bounded.js';
import { stagedFragments } from '../sources/staged.js';
import type { FragmentInput } from '../types.js';
import { asIs, type ScanContext, type ScanMode } from './mode.js';
import { addEnvChecks, FRAGMENT_BYTES_PER_TASK, runTasks } from './tasks.js';

export const stagedMode: ScanMode = {
  name: 'staged',
  selects: (options) => options.staged === true,
  async run(_options, ctx) {
    const root = await workTreeRoot(ctx.cwd);
    if (root === undefined) {
      await requireRepository(ctx.cwd);
      throw new KeyscanError('E_GIT', `${ctx.cwd} has no work tree (a bare repository), so nothing can be staged`, {
        hint: 'Run --staged in a clone with a work tree; audit a bare repository with --history.',
      });
    }
    // One git diff for the names, the statuses and the patches, closed when the scan ends.
    const read = startStagedRead(root);
    try {
      await scanStaged(root, ctx);
    } finally {
      await read.close();
    }
    return asIs;
  },
};

async function scanStaged(root: string, ctx: ScanContext): Promise<void> {
  const fragments = stagedFragments(root, { onSkip: (reason, path) => ctx.collector.skip(reason, path) });
  // Every staged name, also of files without added lines (an empty file named after a key).
  const staged = stagedNames(root);
  staged.catch(() => undefined); // awaited below
  const files = new Set<string>();
  async function* kept(): AsyncGenerator<FragmentInput> {
    for await (const f of fragments) {
      if (ctx.isExcluded(f.meta.path)) {
        if (!files.has(f.meta.path)) ctx.collector.skip('excluded', f.meta.path);
        files.add(f.meta.path);
        continue;
      }
      if (!files.has(f.meta.path)) ctx.collector.countFile(0);
      files.add(f.meta.path);
      yield f;
    }
  }
  // Runs alongside the scan, on the names read above: git processes of its own only when an env file is staged.
  const checked = ctx.env === undefined ? Promise.resolve([]) : checkStaged(root, ctx.env, ctx.isExcluded);
  checked.catch(() => undefined); // awaited below
  // A staged change is small: it runs on this thread, which keeps pre-commit hooks fast.
  await runTasks(fragmentTasks(kept(), FRAGMENT_BYTES_PER_TASK), ctx, false);
  addEnvChecks(ctx, await checked);
  for (const name of await staged) if (!ctx.isExcluded(name)) ctx.names.add(name);
}
