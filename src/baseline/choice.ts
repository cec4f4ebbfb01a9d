/**
 * Which baseline file a run uses: the one named on the command line, else the config's
 * "baseline", else `.keyscan-baseline.json` at the repository root. `keyscan`, `keyscan baseline`
 * and `keyscan ci` all choose with this, so a baseline written by one is read by the others.
 */
import { join } from 'node:path';
import { DEFAULT_BASELINE_FILE } from '../config/config.js';

export interface BaselineChoice {
  /** Absolute path. */
  readonly file: string;
  /** False for the default file, which may be missing; a named one must exist. */
  readonly named: boolean;
}

/** `given` (absolute) wins over the config's `baseline`, which wins over the default file. */
export function chooseBaseline(root: string, given: string | undefined, configured: string | undefined): BaselineChoice {
  const named = given ?? configured;
  return named !== undefined ? { file: named, named: true } : { file: join(root, DEFAULT_BASELINE_FILE), named: false };
}
