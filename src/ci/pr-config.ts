/**
 * Which config and baseline a pull request's check runs with. A pull request must not be able to
 * silence its own check (an allowlist of `**`, a disabled tag, a baseline entry for the key it
 * adds), so its check reads them from the base commit with `git cat-file`, never from the
 * checkout. The pull request's own versions are read too, to tell the reviewer what they would
 * change.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { chooseBaseline } from '../baseline/choice.js';
import { type Baseline, parseBaseline } from '../baseline/format.js';
import { parseDefaultBaseline, readBaseline, readChosenBaseline } from '../baseline/io.js';
import { CONFIG_FILE_NAMES, type Config, DEFAULT_BASELINE_FILE, EMPTY_CONFIG } from '../config/config.js';
import { configFromText, loadConfig } from '../config/load.js';
import type { KnownRule } from '../config/parse.js';
import { KeyscanError } from '../errors.js';
import { readAtRevision } from '../git/history.js';
import { git } from '../git/run.js';
import { toPosix } from '../sources/paths.js';

/** A config with the baseline it names, read and parsed. */
export interface ConfigVersion {
  readonly config: Config;
  readonly baseline: Baseline | undefined;
}

export interface PullRequestConfig {
  /** As of the base commit. */
  readonly base: ConfigVersion;
  /** As of the pull request's head commit (the checkout may be the base branch, as pull_request_target's default is). */
  readonly head: ConfigVersion;
  /** Repository-relative config and baseline files that the pull request's commits change. */
  readonly changed: readonly string[];
}

export interface ConfigSource {
  readonly root: string;
  /** `--config`, if given. */
  readonly explicit: string | undefined;
  /** `--baseline`, if given (absolute): it replaces the config's baseline. */
  readonly baseline?: string | undefined;
  readonly catalogue: readonly KnownRule[];
  /** How to get the whole history in this CI (GitHub: `fetch-depth: 0`), for when the merge base is missing. */
  readonly fetchHint?: string;
  /** Told that a default `.keyscan-baseline.json` is not a baseline (it then applies none). */
  readonly warn: (message: string) => void;
}

/** Both versions of the config and whether the pull request (`base...head`) changes them. */
export async function pullRequestConfig(source: ConfigSource, base: string, head: string): Promise<PullRequestConfig> {
  const baseVersion = await versionAt(source, base);
  const headVersion = await versionAt(source, head);
  const named = configFiles(source)[0];
  if (
    source.explicit !== undefined &&
    named !== undefined &&
    baseVersion.config.file === undefined &&
    headVersion.config.file === undefined
  ) {
    throw new KeyscanError('E_CONFIG', `cannot read config ${named}: neither the base commit nor the pull request has it`, {
      hint: 'Check the --config path (it is relative to the repository root in a workflow).',
    });
  }
  const files = new Set([...configFiles(source), DEFAULT_BASELINE_FILE]);
  const given = source.baseline === undefined ? undefined : inside(source.root, source.baseline);
  if (given !== undefined) files.add(given);
  for (const v of [baseVersion, headVersion]) {
    const b = v.config.baseline === undefined ? undefined : inside(source.root, v.config.baseline);
    if (b !== undefined) files.add(b);
  }
  return { base: baseVersion, head: headVersion, changed: await changedFiles(source, base, head, [...files]) };
}

/**
 * The config and baseline of the work tree, as a plain `keyscan` run reads them: the baseline the
 * config names, else `.keyscan-baseline.json` at the root when there is one.
 */
export async function workTreeVersion(source: ConfigSource): Promise<ConfigVersion> {
  const config = await loadConfig(source.root, source.explicit, source.catalogue);
  const choice = chooseBaseline(source.root, source.baseline, config.baseline);
  return { config, baseline: await readChosenBaseline(choice, source.warn) };
}

/** The config files to look for, repository-relative; empty when --config names a file outside the repository. */
function configFiles(source: ConfigSource): string[] {
  if (source.explicit === undefined) return [...CONFIG_FILE_NAMES];
  const rel = inside(source.root, resolve(source.explicit));
  return rel === undefined ? [] : [rel];
}

async function versionAt(source: ConfigSource, rev: string): Promise<ConfigVersion> {
  const names = configFiles(source);
  // A --config outside the repository is the workflow's, not the pull request's.
  if (source.explicit !== undefined && names.length === 0) return workTreeVersion(source);
  const found = await blobs(source.root, rev, names);
  if (found.length > 1) {
    throw new KeyscanError(
      'E_CONFIG',
      `${found.map((f) => f.path).join(' and ')} both exist in commit ${rev.slice(0, 12)}: keyscan reads only one`,
      { hint: 'Merge them into one file (or choose one with --config).' },
    );
  }
  const file = found[0];
  // None at the base: the pull request adds the config, and the check runs with the defaults.
  // (None at the head: the pull request deletes it.)
  const config = file === undefined ? EMPTY_CONFIG : await configFromText(file.text, join(source.root, file.path), source.catalogue);
  return { config, baseline: await baselineAt(source, rev, source.baseline ?? config.baseline) };
}

/**
 * The baseline of the config read at `rev`: the file it names, else the default
 * `.keyscan-baseline.json` when `rev` has one (as a plain `keyscan` run reads it).
 */
async function baselineAt(source: ConfigSource, rev: string, file: string | undefined): Promise<Baseline | undefined> {
  const { root } = source;
  if (file === undefined) {
    const [found] = await blobs(root, rev, [DEFAULT_BASELINE_FILE]);
    const label = `${DEFAULT_BASELINE_FILE} (commit ${rev.slice(0, 12)})`;
    return found === undefined ? undefined : parseDefaultBaseline(found.text, label, source.warn);
  }
  const rel = inside(root, file);
  if (rel === undefined) return readBaseline(file);
  const [found] = await blobs(root, rev, [rel]);
  if (found === undefined) {
    throw new KeyscanError(
      'E_CONFIG',
      `the config of commit ${rev.slice(0, 12)} names the baseline ${rel}, which that commit does not have`,
      {
        hint: 'Commit the baseline next to the config, or remove "baseline" from the config.',
      },
    );
  }
  return parseBaseline(found.text, `${rel} (commit ${rev.slice(0, 12)})`);
}

async function blobs(root: string, rev: string, paths: readonly string[]): Promise<Array<{ path: string; text: string }>> {
  const found: Array<{ path: string; text: string }> = [];
  await readAtRevision(root, rev, paths, (path, content) => {
    if (content !== undefined) found.push({ path, text: content.toString('utf8') });
  });
  return found;
}

/** Which of `paths` the commits of `base...head` change (added, modified or deleted). */
async function changedFiles(source: ConfigSource, base: string, head: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const r = await git(
    [
      'diff',
      '--name-only',
      '-z',
      '--no-renames',
      '--no-ext-diff',
      '--no-textconv',
      `${base}...${head}`,
      '--',
      ...paths.map((p) => `:(literal)${p}`),
    ],
    source.root,
  );
  if (r.code !== 0) {
    throw new KeyscanError(
      'E_GIT',
      `could not compare the config files of ${base.slice(0, 12)}...${head.slice(0, 12)}: ${r.stderr.trim()}`,
      {
        hint: source.fetchHint ?? 'Fetch the whole history, so that the merge base of the pull request is there.',
      },
    );
  }
  return r.stdout.split('\0').filter((p) => p !== '');
}

/** `file` relative to `root`, POSIX; undefined when it lies outside. */
function inside(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return toPosix(rel);
}
