/**
 * Which config and baseline a pull request's check runs with. A pull request must not be able to
 * silence its own check (an allowlist of `**`, a disabled tag, a baseline entry for the key it
 * adds), so its check reads them from the base commit with `git cat-file`, never from the
 * checkout. The pull request's own versions are read too, to tell the reviewer what they would
 * change.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { type Baseline, parseBaseline } from '../baseline/format.js';
import { readBaseline } from '../baseline/io.js';
import { CONFIG_FILE_NAMES, type Config, EMPTY_CONFIG } from '../config/config.js';
import { configFromText, loadConfig } from '../config/load.js';
import type { KnownRule } from '../config/parse.js';
import { KeyscanError } from '../errors.js';
import { readAtRevision } from '../git/history.js';
import { git } from '../git/run.js';

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
  readonly catalogue: readonly KnownRule[];
}

/** Both versions of the config and whether the pull request (`base...head`) changes them. */
export async function pullRequestConfig(source: ConfigSource, base: string, head: string): Promise<PullRequestConfig> {
  const baseVersion = await versionAt(source, base);
  const headVersion = await versionAt(source, head);
  const files = new Set(configFiles(source));
  for (const v of [baseVersion, headVersion]) {
    const b = v.config.baseline === undefined ? undefined : inside(source.root, v.config.baseline);
    if (b !== undefined) files.add(b);
  }
  return { base: baseVersion, head: headVersion, changed: await changedFiles(source.root, base, head, [...files]) };
}

/** The config and baseline of the work tree, as a plain `keyscan` run reads them. */
export async function workTreeVersion(source: ConfigSource): Promise<ConfigVersion> {
  const config = await loadConfig(source.root, source.explicit, source.catalogue);
  return { config, baseline: config.baseline === undefined ? undefined : await readBaseline(config.baseline) };
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
  return { config, baseline: await baselineAt(source.root, rev, config.baseline) };
}

async function baselineAt(root: string, rev: string, file: string | undefined): Promise<Baseline | undefined> {
  if (file === undefined) return undefined;
  const rel = inside(root, file);
  if (rel === undefined) return readBaseline(file);
  const [found] = await blobs(root, rev, [rel]);
  if (found === undefined) {
    throw new KeyscanError(
      'E_CONFIG',
      `the base commit's config names the baseline ${rel}, which the base commit ${rev.slice(0, 12)} does not have`,
      {
        hint: 'Commit the baseline on the base branch, or remove "baseline" from its config.',
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
async function changedFiles(root: string, base: string, head: string, paths: readonly string[]): Promise<string[]> {
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
    root,
  );
  if (r.code !== 0) {
    throw new KeyscanError(
      'E_GIT',
      `could not compare the config files of ${base.slice(0, 12)}...${head.slice(0, 12)}: ${r.stderr.trim()}`,
      {
        hint: 'Give actions/checkout fetch-depth: 0, so that the merge base of the pull request is there.',
      },
    );
  }
  return r.stdout.split('\0').filter((p) => p !== '');
}

/** `file` relative to `root`, POSIX; undefined when it lies outside. */
function inside(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}
