/**
 * Scans the changes of a batch of commits: one `git log -p` over the batch, parsed as it streams,
 * each hunk's added lines scanned as soon as the hunk ends. Runs on a worker thread, so several
 * batches (and several git processes) run at once.
 */
import type { Catalogue } from '../catalogue/compile.js';
import { type FragmentMeta, scanFragment } from '../engine/scan-fragment.js';
import { commitPatches } from '../git/history.js';
import type { ItemFinding, RunOptions, TaskProgress, TaskResult } from '../pool/protocol.js';
import type { SkipReason } from '../types.js';
import { DiffParser } from './diff.js';
import { markerCollector } from './markers.js';
import { toScannableText } from './text.js';

/** How often a batch reports how far it has got. */
const PROGRESS_MS = 250;

export async function scanCommitBatch(
  catalogue: Catalogue,
  repo: string,
  commits: readonly string[],
  options: RunOptions = {},
  onProgress?: (p: TaskProgress) => void,
): Promise<TaskResult> {
  const { markers, collect } = markerCollector(options);
  let lastReport = performance.now();
  const findings: ItemFinding[] = [];
  const skipped: Array<{ reason: SkipReason; path: string }> = [];
  const index = new Map(commits.map((c, i) => [c, i]));
  let bytesScanned = 0;
  let filesScanned = 0;
  let commitsScanned = 0;
  let lastFile = '';
  const parser = new DiffParser({
    onCommit: () => {
      commitsScanned++;
      if (onProgress !== undefined && performance.now() - lastReport > PROGRESS_MS) {
        lastReport = performance.now();
        onProgress({ commitsScanned, bytesScanned });
      }
    },
    onFragment: (fragment, commit) => {
      if (commit === undefined) return;
      const fileKey = `${commit.commit}\0${fragment.path}`;
      if (fileKey !== lastFile) {
        filesScanned++;
        lastFile = fileKey;
      }
      bytesScanned += fragment.data.length;
      const text = toScannableText(fragment.data);
      if (text === 'binary') {
        skipped.push({ reason: 'binary', path: fragment.path });
        return;
      }
      const { parents: _parents, ...info } = commit;
      const item = index.get(commit.commit) ?? -1;
      const meta: FragmentMeta = { path: fragment.path, source: 'commit', firstLine: fragment.firstLine, commit: info };
      for (const finding of scanFragment(catalogue, text, meta)) findings.push({ item, finding });
      collect(text, meta);
    },
    onBinary: (path) => skipped.push({ reason: 'binary', path }),
  });
  for await (const chunk of commitPatches(repo, commits)) parser.push(chunk);
  parser.end();
  return { findings, filesScanned, bytesScanned, skipped, errors: [], commitsScanned, ...(markers ? { markers } : {}) };
}
