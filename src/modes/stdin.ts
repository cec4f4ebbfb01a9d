/** Standard input, scanned in overlapping chunks and reported under one name. */
import { fragmentTasks } from '../pipeline/bounded.js';
import { type Chunk, lineChunks } from '../sources/chunks.js';
import type { FragmentInput } from '../types.js';
import { asIs, type ScanMode } from './mode.js';
import { FRAGMENT_BYTES_PER_TASK, runTasks } from './tasks.js';

export const stdinMode: ScanMode = {
  name: 'stdin',
  selects: (options) => options.stdin !== undefined,
  async run(options, ctx) {
    const stdin = options.stdin;
    if (stdin === undefined) return asIs;
    const chunks = lineChunks(stdin.stream)[Symbol.asyncIterator]();
    const first = await chunks.next();
    const second = first.done ? first : await chunks.next();
    async function* fragments(): AsyncGenerator<FragmentInput> {
      const fragment = (c: Chunk): FragmentInput => ({
        data: c.data,
        meta: { path: stdin?.name ?? 'stdin', source: 'stdin', firstLine: c.firstLine, owned: c.owned },
      });
      if (first.done) return;
      yield fragment(first.value);
      if (second.done) return;
      yield fragment(second.value);
      for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield fragment(c.value);
    }
    // More than one chunk: worth the workers.
    await runTasks(fragmentTasks(fragments(), FRAGMENT_BYTES_PER_TASK), ctx, !second.done);
    ctx.collector.countFile(0);
    return asIs;
  },
};
