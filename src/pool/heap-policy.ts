/**
 * How eagerly V8 collects while a history is scanned. What each thread keeps on a long history
 * is small (git/git: 23 MB in the main thread and 13-16 MB per worker after a full collection), and
 * left to V8 each old generation grew to two to four times that before its next full collection,
 * so keyscan's peak RSS was mostly garbage. `--heap-growing-percent=30` lets each grow by 30% of
 * what it kept: git/git's peak 327 and 333 MB against 410 and 396 (same worker young generation),
 * wall time within noise. A file-tree scan gains no memory from it (the bench tree: 246-268 MB
 * against 252-259) and loses ~3% of its wall time (1.46 s against 1.40-1.45 s, 3 runs each), so it
 * is on only while a history is scanned. The flag is read each time a heap sizes its next collection.
 */
import { scopedFlag } from './scoped-flag.js';

/** Runs `scan` with V8 collecting each heap when it has grown by 30% (nested calls share it). */
export const withLeanHeap = scopedFlag('--heap-growing-percent=30', '--heap-growing-percent=0');
