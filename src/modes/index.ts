/**
 * The scan modes, in the order they are asked whether the options select them; the files mode
 * comes last and takes whatever is left. A new mode is a file in this folder and a line here.
 */
import { filesMode } from './files.js';
import { historyMode } from './history.js';
import type { ScanMode } from './mode.js';
import { prePushMode } from './pre-push.js';
import { rangeMode } from './range.js';
import { stagedMode } from './staged.js';
import { stdinMode } from './stdin.js';

export const MODES: readonly ScanMode[] = [stdinMode, stagedMode, rangeMode, historyMode, prePushMode, filesMode];

export function modeFor(options: Parameters<ScanMode['selects']>[0]): ScanMode {
  return MODES.find((m) => m.selects(options)) ?? filesMode;
}
