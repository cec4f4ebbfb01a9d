/** The blob design's unit of work (scanner/blob-scan.ts judges it; modes/history-blobs.ts cuts it). */

/**
 * Blobs to judge and the paths each was committed at (a path can change which rules apply),
 * packed for the copy to a worker: a task holds up to 20,000 blobs, and as one object and one array
 * per blob it cost the main thread ~25 ms of postMessage on express's 11.8k blobs (CPU profile),
 * and the second worker's reads started 40 ms after the first's; packed, 16 ms (spawn trace).
 */
export interface BlobBatch {
  /** The blobs' ids in request order, each followed by a newline (cat-file's request list as it is). */
  readonly ids: string;
  /** Every path the batch's blobs were committed at, once each. */
  readonly paths: readonly string[];
  /** Blob i's paths are `paths[pathIndex[k]]` for k in `[pathStart[i], pathStart[i + 1])`. */
  readonly pathStart: Int32Array;
  readonly pathIndex: Int32Array;
}

/** How many blobs `batch` holds. */
export function batchSize(batch: BlobBatch): number {
  return batch.pathStart.length - 1;
}

/** The id of blob `i` of `batch` (ids have one length in a repository). */
export function batchId(batch: BlobBatch, i: number): string {
  const width = batch.ids.indexOf('\n');
  return batch.ids.slice(i * (width + 1), i * (width + 1) + width);
}
