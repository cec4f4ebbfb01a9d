import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { KeyscanError, systemErrorCode } from '../errors.js';
import { CONFIG_FILE_NAMES, type Config, EMPTY_CONFIG } from './config.js';
import { type KnownRule, parseConfig } from './parse.js';
import { parseConfigText } from './text.js';

export { effectiveRules } from './effective.js';
export { parseConfig };

/**
 * Finds and loads the config: `explicit` if given (it must exist), else the one of
 * {@link CONFIG_FILE_NAMES} in `dir` (two or more is an error). `catalogue` is the built-in
 * rules, against which ids and tags are checked. Every problem is an E_CONFIG error naming
 * file and key.
 */
export async function loadConfig(dir: string, explicit: string | undefined, catalogue: readonly KnownRule[]): Promise<Config> {
  const file = explicit !== undefined ? resolve(explicit) : await discover(dir);
  if (file === undefined) return EMPTY_CONFIG;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new KeyscanError('E_CONFIG', `cannot read config ${file}: ${systemErrorCode(e) ?? String(e)}`, {
      hint: explicit !== undefined ? 'Check the --config path.' : 'Check the file’s permissions.',
      cause: e,
    });
  }
  return configFromText(text, file, catalogue);
}

/** A config from its text, as if read from `file` (which names it in errors and anchors its relative paths). */
export async function configFromText(text: string, file: string, catalogue: readonly KnownRule[]): Promise<Config> {
  return parseConfig(await parseConfigText(text, file), file, catalogue);
}

/** The config file at the repository root, if there is exactly one. */
async function discover(dir: string): Promise<string | undefined> {
  const found: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(dir, name);
    try {
      // Synchronous: three stat calls cost less than a trip through the thread pool, and a
      // repository without a config (every pre-commit run of one) then never loads fs/promises.
      statSync(file);
      found.push(file);
    } catch (e) {
      if (systemErrorCode(e) !== 'ENOENT') found.push(file); // unreadable: reported when read
    }
  }
  if (found.length > 1) {
    throw new KeyscanError('E_CONFIG', `${found.map((f) => basename(f)).join(' and ')} both exist in ${dir}: keyscan reads only one`, {
      hint: 'Merge them into one file and delete the others (or choose one with --config).',
    });
  }
  return found[0];
}
