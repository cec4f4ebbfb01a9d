/**
 * Whether a path meets each path condition of a catalogue, tested on first need. The conditions
 * (35 in the built-in catalogue, some of them hundreds of characters of alternatives) cost more to
 * compile and run than a pre-commit change's whole scan: testing them all for each file was ~7 ms
 * of CPU for a 10-file change, measured. A scan needs only the conditions of the rules whose
 * keywords it met, and of the longer rules near a change (scanner/reach.ts), so each is tested
 * when one of those first asks. A condition never keeps state (compiled without `g` or `y`), so
 * when it is tested does not change its answer.
 */
import type { Catalogue } from './catalogue.js';

export class PathVerdicts {
  /** Per condition: -1 not tested yet, 0 not met, 1 met. */
  private readonly known: Int8Array;

  constructor(
    private readonly paths: readonly RegExp[],
    private readonly path: string | undefined,
  ) {
    this.known = new Int8Array(paths.length).fill(-1);
  }

  /** Whether the path meets condition `group` (an index into {@link Catalogue.paths}); no path meets none. */
  has(group: number): boolean {
    let verdict = this.known[group] as number;
    if (verdict < 0) {
      verdict = this.path !== undefined && (this.paths[group] as RegExp).test(this.path) ? 1 : 0;
      this.known[group] = verdict;
    }
    return verdict === 1;
  }
}

/** Paths whose verdicts are remembered, per catalogue: the same paths come back commit after commit. */
const REMEMBERED_PATHS = 4096;
const verdictsOf = new WeakMap<Catalogue, Map<string | undefined, PathVerdicts>>();

/** The verdicts of `path` under `catalogue`'s conditions, shared by every scan of that path. */
export function pathVerdicts(catalogue: Catalogue, path: string | undefined): PathVerdicts {
  let known = verdictsOf.get(catalogue);
  if (known === undefined) {
    known = new Map();
    verdictsOf.set(catalogue, known);
  }
  let verdicts = known.get(path);
  if (verdicts === undefined) {
    verdicts = new PathVerdicts(catalogue.paths, path);
    if (known.size >= REMEMBERED_PATHS) known.clear();
    known.set(path, verdicts);
  }
  return verdicts;
}
