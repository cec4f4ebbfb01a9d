/**
 * What is about to be committed: the added lines of `git diff --cached`, read from the index (not
 * the work tree), with the line numbers they have in the staged file.
 */
import { stagedDiff } from '../git/history.js';
import type { FragmentInput } from '../pool/protocol.js';
import { type DiffFragment, DiffParser } from './diff.js';

export interface StagedOptions {
  /** Called for each staged file whose diff git calls binary (it is not scanned). */
  readonly onBinary: (path: string) => void;
}

export async function* stagedFragments(repo: string, options: StagedOptions): AsyncGenerator<FragmentInput> {
  const ready: DiffFragment[] = [];
  const parser = new DiffParser({ onFragment: (f) => ready.push(f), onBinary: (path) => options.onBinary(path) });
  const emit = function* (): Generator<FragmentInput> {
    for (const f of ready.splice(0)) yield { data: f.data, meta: { path: f.path, source: 'staged', firstLine: f.firstLine } };
  };
  for await (const chunk of stagedDiff(repo)) {
    parser.push(chunk);
    yield* emit();
  }
  parser.end();
  yield* emit();
}
