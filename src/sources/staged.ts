/**
 * What is about to be committed: the added lines of `git diff --cached`, read from the index (not
 * the work tree), with the line numbers they have in the staged file. A changed file is handed on
 * as its whole staged blob with the added lines marked (see changes.ts), so that a rule spanning
 * lines sees the unchanged lines around the change.
 */
import { stagedDiff } from '../git/history.js';
import type { FragmentInput, SkipReason } from '../types.js';
import { BlobReader } from './blobs.js';
import { changedBlobVerdict } from './change-fallback.js';
import { BLOB_CAP, type Change, ChangeRouter } from './changes.js';
import { type DiffFragment, DiffParser } from './diff.js';

export interface StagedOptions {
  /** Called for each staged file that is not scanned (binary by its blob, too large to decode). */
  readonly onSkip: (reason: SkipReason, path: string) => void;
}

export async function* stagedFragments(repo: string, options: StagedOptions): AsyncGenerator<FragmentInput> {
  const router = new ChangeRouter();
  const reader = new BlobReader(repo, BLOB_CAP);
  const parser = new DiffParser({ onFragment: (f, c) => router.fragment(f, c), onFileEnd: (f, c) => router.fileEnd(f, c) });
  const lines = (f: DiffFragment, judged: boolean): FragmentInput => ({
    data: f.data,
    meta: { path: f.path, source: 'staged', firstLine: f.firstLine },
    ...(judged ? { judged } : {}),
  });
  async function* emit(): AsyncGenerator<FragmentInput> {
    const changes = router.take();
    const reads = changes.map((c) => (c.kind === 'blob' ? reader.read(c.blob) : undefined));
    for (const r of reads) r?.catch(() => undefined); // each is awaited in order below
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i] as Change;
      if (change.kind === 'fragment') yield lines(change.fragment, false);
      else if (change.kind === 'binary') options.onSkip('binary', change.path);
      else {
        const verdict = changedBlobVerdict(await (reads[i] as ReturnType<BlobReader['read']>), change);
        if (verdict.kind === 'skip') options.onSkip(verdict.reason, change.path);
        else if (verdict.kind === 'lines') for (const f of change.held) yield lines(f, verdict.judged);
        else yield { data: verdict.data, meta: { path: change.path, source: 'staged', firstLine: 1 }, added: change.added };
      }
    }
  }
  try {
    for await (const chunk of stagedDiff(repo)) {
      parser.push(chunk);
      yield* emit();
    }
    parser.end();
    yield* emit();
  } finally {
    await reader.close();
  }
}
