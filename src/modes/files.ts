/** The default mode: files and directories (the working directory when no path is given). */
import { resolve } from 'node:path';
import { checkWorkTree, collectEnvTargets, type EnvTarget } from '../checks/worktree.js';
import { workTreeRoot } from '../git/repo.js';
import type { Task } from '../scanner/task.js';
import { type FileTarget, walkTargets } from '../sources/files.js';
import type { NameSet } from '../sources/metadata.js';
import { asIs, type ScanMode } from './mode.js';
import { DEFAULT_MAX_FILE_SIZE } from './options.js';
import { addEnvChecks, runTasks } from './tasks.js';

/** Below this many files a scan runs on the calling thread: workers cost more than they save. */
const INLINE_FILES = 64;
const FILES_PER_TASK = 64;

export const filesMode: ScanMode = {
  name: 'files',
  selects: () => true,
  async run(options, ctx) {
    const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
    const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const base = await reportBase(ctx.cwd, paths);
    ctx.debug(`scanning ${paths.join(', ')}; paths reported relative to ${base}`);
    const walk = walkTargets(paths, {
      cwd: ctx.cwd,
      base,
      isExcluded: ctx.isExcluded,
      onSkip: (reason, path) => {
        ctx.collector.skip(reason, path);
        if (reason !== 'excluded') ctx.names.add(path);
      },
    });
    const envTargets: EnvTarget[] = [];
    const named = recordNames(walk, ctx.names);
    const targets = ctx.env === undefined ? named : collectEnvTargets(named, ctx.env, envTargets);
    const iterator = targets[Symbol.asyncIterator]();
    const head: FileTarget[] = [];
    let done = false;
    while (!done && head.length <= INLINE_FILES) {
      const next = await iterator.next();
      if (next.done) done = true;
      else head.push(next.value);
    }
    async function* tasks(): AsyncGenerator<Task> {
      let batch: FileTarget[] = [];
      const all = async function* (): AsyncGenerator<FileTarget> {
        yield* head;
        if (!done) for (let n = await iterator.next(); !n.done; n = await iterator.next()) yield n.value;
      };
      for await (const target of all()) {
        batch.push(target);
        if (batch.length === FILES_PER_TASK) {
          yield { kind: 'files', targets: batch, maxFileSize };
          batch = [];
        }
      }
      if (batch.length > 0) yield { kind: 'files', targets: batch, maxFileSize };
    }
    await runTasks(tasks(), ctx, !done);
    if (ctx.env !== undefined) {
      const checked = await checkWorkTree(envTargets, ctx.env, {
        base,
        maxFileSize,
        isExcluded: ctx.isExcluded,
        warn: (w) => ctx.collector.warnings.push(w),
      });
      addEnvChecks(ctx, checked);
    }
    return asIs;
  },
};

/** Paths are reported relative to the repository root; outside a repository, to the working directory. */
async function reportBase(cwd: string, paths: readonly string[]): Promise<string> {
  const here = await workTreeRoot(cwd);
  if (here !== undefined) return here;
  const first = paths[0];
  if (first !== undefined) {
    const there = await workTreeRoot(resolve(cwd, first)).catch(() => undefined);
    if (there !== undefined && paths.every((p) => resolve(cwd, p).startsWith(there))) return there;
  }
  return cwd;
}

async function* recordNames(targets: AsyncIterable<FileTarget>, names: NameSet): AsyncGenerator<FileTarget> {
  for await (const t of targets) {
    names.add(t.path);
    yield t;
  }
}
