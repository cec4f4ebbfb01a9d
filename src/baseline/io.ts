import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeAtomic } from '../atomic-write.js';
import { DEFAULT_BASELINE_FILE } from '../config/config.js';
import { isKeyscanError, KeyscanError, systemErrorCode } from '../errors.js';
import type { BaselineKey } from '../filters/baseline.js';
import type { BaselineChoice } from './choice.js';
import { type Baseline, LEGACY_BASELINE_VERSION, parseBaseline, serializeBaseline } from './format.js';

/** What a scan needs of the baseline it applies: its entries, and the salt they were hashed with. */
export function baselineScanOptions(baseline: Baseline | undefined): {
  baseline?: readonly BaselineKey[];
  salt?: string;
  legacyBaseline?: boolean;
} {
  if (baseline === undefined) return {};
  return {
    baseline: baseline.entries,
    ...(baseline.salt !== undefined ? { salt: baseline.salt } : {}),
    ...(baseline.version === LEGACY_BASELINE_VERSION ? { legacyBaseline: true } : {}),
  };
}

/** Reads a baseline file; `undefined` when it does not exist and `missingOk` is set. */
export async function readBaseline(file: string, missingOk = false): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = systemErrorCode(e);
    if (code === 'ENOENT' && missingOk) return undefined;
    throw new KeyscanError('E_CONFIG', `cannot read baseline ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`, {
      hint: 'Create it with `keyscan baseline`, or fix the --baseline path or the "baseline" key of the config.',
      cause: e,
    });
  }
  return parseBaseline(text, file);
}

/**
 * The default `.keyscan-baseline.json`, which nobody named: a file of that name that is not a
 * keyscan baseline applies no baseline (so nothing is hidden) and is warned about, rather than
 * failing the scan. `keyscan`, `keyscan ci` and a pull request's base and head read it alike, so
 * a pull request cannot turn its own check into an error by adding such a file.
 */
export function parseDefaultBaseline(text: string, label: string, warn: (message: string) => void): Baseline | undefined {
  try {
    return parseBaseline(text, label);
  } catch (e) {
    if (!isKeyscanError(e) || e.code !== 'E_CONFIG') throw e;
    warn(`${label} is not a keyscan baseline (${e.message}); no baseline applies and it is scanned like any file`);
    return undefined;
  }
}

/**
 * The baseline a run chose (choice.ts): a named one must exist and parse; the default file may be
 * missing, and is only warned about when it is not a baseline ({@link parseDefaultBaseline}).
 */
export function readChosenBaseline(choice: BaselineChoice, warn: (message: string) => void): Promise<Baseline | undefined> {
  return choice.named ? readBaseline(choice.file) : readDefaultBaseline(choice.file, DEFAULT_BASELINE_FILE, warn);
}

/** {@link parseDefaultBaseline} of a file in the work tree; `undefined` when there is none. */
async function readDefaultBaseline(file: string, label: string, warn: (message: string) => void): Promise<Baseline | undefined> {
  // Most repositories have none: asking first keeps fs/promises out of a pre-commit run.
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = systemErrorCode(e);
    if (code !== 'ENOENT') warn(`cannot read ${label} (${code ?? String(e)}); no baseline applies`);
    return undefined;
  }
  return parseDefaultBaseline(text, label, warn);
}

/**
 * Writes a baseline through a temporary file and a rename: an interrupted run never leaves a
 * truncated baseline (which would fail the next scan). Mode 0644: it is meant to be committed.
 */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  try {
    await writeAtomic(file, serializeBaseline(baseline), 0o644);
  } catch (e) {
    throw new KeyscanError('E_OUTPUT', `cannot write baseline ${file}: ${systemErrorCode(e) ?? String(e)}`, {
      hint: 'Check that the directory exists and is writable.',
      cause: e,
    });
  }
}
