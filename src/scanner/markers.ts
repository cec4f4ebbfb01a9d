import { findAllowMarkerLines } from '../engine/allow-marker.js';
import type { FragmentMeta } from '../types.js';
import type { MarkerHit, RunOptions } from './task.js';

/** Collects `keyscan:allow` markers of scanned text when unused markers are to be reported. */
export function markerCollector(options: RunOptions): {
  markers: MarkerHit[] | undefined;
  collect: (data: Buffer, meta: FragmentMeta) => void;
} {
  const markers: MarkerHit[] | undefined = options.allowMarkers ? [] : undefined;
  const collect = (data: Buffer, meta: FragmentMeta): void => {
    if (markers === undefined) return;
    for (const line of findAllowMarkerLines(data, meta.firstLine ?? 1)) {
      markers.push(meta.commit === undefined ? { path: meta.path, line } : { path: meta.path, line, commit: meta.commit.commit });
    }
  };
  return { markers, collect };
}
