/**
 * Whether a path meets each path condition of a catalogue, tested on first need. The conditions
 * (35 in the built-in catalogue, some of them hundreds of characters of alternatives) cost more to
 * compile and run than a pre-commit change's whole scan: testing them all for each file was ~7 ms
 * of CPU for a 10-file change, measured. A scan needs only the conditions of the rules whose
 * keywords it met, and of the longer rules near a change (scanner/reach.ts), so each is tested
 * when one of those first asks. A condition never keeps state (compiled without `g` or `y`), so
 * when it is tested does not change its answer.
 */
import type { Catalogue, PathTest } from './catalogue.js';
import { rememberedPerPath } from './per-path.js';

export class PathVerdicts {
  /** Per condition: -1 not tested yet, 0 not met, 1 met. */
  private readonly known: Int8Array;

  constructor(
    private readonly paths: readonly PathTest[],
    private readonly path: string | undefined,
  ) {
    this.known = new Int8Array(paths.length).fill(-1);
  }

  /** Whether the path meets condition `group` (an index into {@link Catalogue.paths}); no path meets none. */
  has(group: number): boolean {
    let verdict = this.known[group] as number;
    if (verdict < 0) {
      verdict = this.path !== undefined && (this.paths[group] as PathTest).test(this.path) ? 1 : 0;
      this.known[group] = verdict;
    }
    return verdict === 1;
  }
}

/** The verdicts of `path` under `catalogue`'s conditions, shared by every scan of that path (up to 4,096 paths). */
export const pathVerdicts: (catalogue: Catalogue, path: string | undefined) => PathVerdicts = rememberedPerPath(
  4096,
  (catalogue, path) => new PathVerdicts(catalogue.paths, path),
);
