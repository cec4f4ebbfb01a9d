/**
 * Env-file checks of a files scan, over the env files among the files it was given:
 * env-file-tracked, env-file-not-ignored, env-template-value and (when asked) env-drift.
 *
 * Outside a git work tree nothing is tracked or ignored, so only template values (and drift) are
 * checked there.
 */
import { lstat, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { ignoredPaths, trackedPaths } from '../git/env-files.js';
import { workTreeRoot } from '../git/repo.js';
import { toPosix } from '../sources/paths.js';
import { readTarget } from '../sources/read-file.js';
import type { Finding } from '../types.js';
import { gitignoreLine, shellQuote } from './env-names.js';
import { checkFinding } from './finding.js';
import type { EnvChecks } from './options.js';
import { ENV_DRIFT, ENV_FILE_NOT_IGNORED, ENV_FILE_TRACKED, ENV_TEMPLATE_VALUE } from './rules.js';
import { driftFindings, type EnvFileText, templateValueFindings } from './template.js';

/** A file of the scan: absolute, and as reported. */
export interface EnvTarget {
  readonly abs: string;
  readonly path: string;
}

/** Passes `targets` through unchanged, keeping the env files and templates among them in `sink`. */
export async function* collectEnvTargets<T extends EnvTarget>(targets: AsyncIterable<T>, checks: EnvChecks, sink: T[]): AsyncGenerator<T> {
  for await (const target of targets) {
    if (checks.names.kind(target.path) !== undefined) sink.push(target);
    yield target;
  }
}

export interface WorkTreeContext {
  /** Report paths are relative to this directory. */
  readonly base: string;
  readonly maxFileSize: number;
  readonly isExcluded: (path: string) => boolean;
  /** Called with what the user should know (a repository git refused to read). */
  readonly warn: (message: string) => void;
}

export async function checkWorkTree(targets: readonly EnvTarget[], checks: EnvChecks, ctx: WorkTreeContext): Promise<Finding[]> {
  if (targets.length === 0) return [];
  const findings: Finding[] = [];
  const templates: EnvTarget[] = [];
  for (const [root, group] of await byRepository(targets, ctx.warn)) {
    const envFiles = group.filter((t) => checks.names.kind(t.path) === 'env');
    const groupTemplates = group.filter((t) => checks.names.kind(t.path) === 'template');
    if (root === undefined) {
      templates.push(...groupTemplates);
      continue;
    }
    const rel = (t: EnvTarget): string => toPosix(relative(root, t.abs));
    const tracked = await trackedPaths(root, group.map(rel));
    // Untracked paths that git ignores: the ignored `.env` every project has is not a finding.
    const ignored = await ignoredPaths(
      root,
      group.map(rel).filter((p) => !tracked.has(p)),
    );
    for (const t of envFiles) {
      if (tracked.has(rel(t))) findings.push(trackedFinding(t.path));
      else if (!ignored.has(rel(t))) findings.push(notIgnoredFinding(t.path));
    }
    templates.push(...groupTemplates.filter((t) => !ignored.has(rel(t))));
  }
  for (const t of templates) findings.push(...(await templateFindings(t, checks, ctx)));
  return findings.filter((f) => checks.enabled(f.ruleId));
}

function trackedFinding(path: string): Finding {
  return checkFinding({
    rule: ENV_FILE_TRACKED,
    path,
    message: `${path} is an env file tracked by git, so every value in it is in the repository. Rotate its credentials, untrack it (git rm --cached ${shellQuote(path)}) and add ${gitignoreLine(path)} to .gitignore`,
  });
}

function notIgnoredFinding(path: string): Finding {
  return checkFinding({
    rule: ENV_FILE_NOT_IGNORED,
    path,
    message: `${path} is an env file that git does not ignore: one git add commits it. Add this line to the .gitignore at the repository root: ${gitignoreLine(path)}`,
  });
}

async function templateFindings(t: EnvTarget, checks: EnvChecks, ctx: WorkTreeContext): Promise<Finding[]> {
  const wantValues = checks.enabled(ENV_TEMPLATE_VALUE.id);
  const wantDrift = checks.enabled(ENV_DRIFT.id);
  if (!wantValues && !wantDrift) return [];
  const read = readTarget(t.abs, ctx.maxFileSize);
  // Unreadable, binary or too large: the scan itself counts and reports it.
  if (read.kind !== 'text') return [];
  const text = read.data.toString('utf8');
  const findings = wantValues ? templateValueFindings(t.path, text, checks.placeholders) : [];
  if (wantDrift) findings.push(...driftFindings({ path: t.path, text }, await siblingEnvFiles(t, ctx)));
  return findings;
}

/** The real env files next to a template that drift compares it with. */
const DRIFT_PARTNERS = ['.env', '.env.local'];

async function siblingEnvFiles(t: EnvTarget, ctx: WorkTreeContext): Promise<EnvFileText[]> {
  const files: EnvFileText[] = [];
  for (const name of DRIFT_PARTNERS) {
    const abs = join(dirname(t.abs), name);
    const path = toPosix(relative(ctx.base, abs));
    if (ctx.isExcluded(path)) continue;
    const info = await lstat(abs).catch(() => undefined);
    if (!info?.isFile() || info.size > ctx.maxFileSize) continue;
    // Only names are compared; values are never used or kept.
    const text = await readFile(abs, 'utf8').catch(() => undefined);
    if (text !== undefined) files.push({ path, text });
  }
  return files;
}

/**
 * Groups targets by the git work tree that holds them (undefined: none). The nearest `.git` on
 * the way up is the candidate (cheap: no process per directory); git confirms each root once,
 * and is asked directly where there is no `.git` (GIT_DIR and core.worktree set-ups).
 */
async function byRepository(targets: readonly EnvTarget[], warn: (message: string) => void): Promise<Map<string | undefined, EnvTarget[]>> {
  const candidates = new Map<string, Promise<string | undefined>>();
  const answers = new Map<string, Promise<string | undefined>>();
  const candidateRoot = (dir: string): Promise<string | undefined> => {
    let found = candidates.get(dir);
    if (found === undefined) {
      found = lstat(join(dir, '.git')).then(
        () => dir,
        () => (dirname(dir) === dir ? undefined : candidateRoot(dirname(dir))),
      );
      candidates.set(dir, found);
    }
    return found;
  };
  const once = (key: string, ask: () => Promise<string | undefined>): Promise<string | undefined> => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = ask();
      answers.set(key, answer);
    }
    return answer;
  };
  // Paths stay in the form the scan gave them (git's answer may resolve symbolic links).
  const confirm = (root: string): Promise<string | undefined> =>
    once(root, async () => {
      if ((await workTreeRoot(root)) !== undefined) return root;
      warn(`git could not read the repository at ${root}: its env files were checked as if outside git (template values only)`);
      return undefined;
    });
  const groups = new Map<string | undefined, EnvTarget[]>();
  for (const t of targets) {
    const dir = dirname(t.abs);
    const candidate = await candidateRoot(dir);
    const root = candidate === undefined ? await once(dir, () => workTreeRoot(dir)) : await confirm(candidate);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [t]);
    else group.push(t);
  }
  return groups;
}
