/**
 * The one place that wires a scan together: rules → source → executor → findings → result.
 * Sources: files and directories, standard input, the staged changes, or the commits of a range or
 * of the whole history.
 */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { compileCatalogue, splitPattern } from './catalogue/compile.js';
import { hasUnboundedQuantifier } from './catalogue/regex-safety.js';
import type { RuleSpec } from './catalogue/spec.js';
import { checkCommitted, checkTemplatesCommitted } from './checks/history.js';
import { mergeTemplateValues } from './checks/merge.js';
import { type EnvCheckOptions, type EnvChecks, resolveEnvChecks } from './checks/options.js';
import { ENV_CHECK_RULES, ENV_TEMPLATE_VALUE } from './checks/rules.js';
import { checkStaged } from './checks/staged.js';
import { checkWorkTree, collectEnvTargets, type EnvTarget } from './checks/worktree.js';
import type { Allowlist } from './config/config.js';
import { compileGlobs } from './config/glob.js';
import type { CommitInfo } from './engine/scan-fragment.js';
import { KeyscanError } from './errors.js';
import { type CompiledAllowlist, compileAllowlist } from './filters/allowlist.js';
import type { BaselineKey } from './filters/baseline.js';
import { NameRedactor } from './filters/names.js';
import { type FilterPolicy, runFilters } from './filters/pipeline.js';
import { allRefs, listCommits, requireRepository, resolveCommit, shallowBoundary } from './git/history.js';
import { commitMetadata, refMetadata, stagedNames } from './git/metadata.js';
import { parseRange, rangeRevision } from './git/range.js';
import { stashEntries, workTreeRoot } from './git/repo.js';
import { carryHashInput, rehash, translateLegacy } from './hash/rehash.js';
import { PUBLIC_SALT, SecretHasher } from './hash/secret-hash.js';
import { fragmentTasks, runBounded } from './pipeline/bounded.js';
import { Collector, type ScanProgress } from './pipeline/collector.js';
import { firstIntroduced } from './pipeline/history.js';
import { liveOnly, markLiveness } from './pipeline/liveness.js';
import { inlineExecutor } from './pool/inline.js';
import { WorkerPool } from './pool/pool.js';
import type { Executor, FragmentInput, Task } from './pool/protocol.js';
import { enableBacktrackingFallback, runsOnLinearEngine } from './regex-guard.js';
import { type Chunk, lineChunks } from './sources/chunks.js';
import { type FileTarget, walkTargets } from './sources/files.js';
import { commitFragments, identityFragments, NameSet, ownedByName, refFragments } from './sources/metadata.js';
import { stagedFragments } from './sources/staged.js';
import { type Finding, METADATA_SOURCES, type ScanResult } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface ScanOptions {
  /** Files and directories to scan. Default: the working directory. */
  readonly paths?: readonly string[];
  /** Scan this stream instead of files, reported under `name`. */
  readonly stdin?: { readonly stream: AsyncIterable<Buffer | string>; readonly name: string };
  /** Scan what is staged for commit (the added lines of `git diff --cached`). */
  readonly staged?: boolean;
  /** Scan every commit of `BASE..HEAD` (each commit's own changes). */
  readonly range?: string;
  /** Scan every commit reachable from every ref. */
  readonly history?: boolean;
  /** With `history`: include stashes (refs/stash). */
  readonly includeStash?: boolean;
  readonly cwd?: string;
  /** Files larger than this many bytes are skipped and counted. */
  readonly maxFileSize?: number;
  /** Count files that cannot be read as skipped instead of failing the scan. */
  readonly skipUnreadable?: boolean;
  /** Worker threads; default one per core. 0 scans on the calling thread. */
  readonly threads?: number;
  /** picomatch globs on reported (repository-relative) paths. */
  readonly exclude?: readonly string[];
  /** The rules to run. Default: the built-in catalogue. */
  readonly rules?: readonly RuleSpec[];
  /** Called as work completes (for progress displays). */
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Receives notes on what the scan is doing (for `--debug`); never secrets or content. */
  readonly onDebug?: (message: string) => void;
  /** Findings these cover are not reported: `global` for every rule, `byRule` by rule id. */
  readonly allowlists?: { readonly global?: Allowlist; readonly byRule?: Readonly<Record<string, Allowlist>> };
  /** Accepted findings (a baseline file's entries): not reported, also after a rename. */
  readonly baseline?: readonly BaselineKey[];
  /**
   * The project's salt for keyed secret hashes (a baseline file's `salt`); without one, a public
   * default (see src/hash/secret-hash.ts). Hashes match a baseline only when made with its salt.
   */
  readonly salt?: string;
  /** The {@link baseline} entries are in the old format: plain SHA-256 of each secret. */
  readonly legacyBaseline?: boolean;
  /**
   * Repository-relative paths of the baseline file in use. It is scanned like any file; only the
   * values of its hash fields are not findings (also in files with the default name).
   */
  readonly baselineFiles?: readonly string[];
  /** List `keyscan:allow` markers that silenced nothing in {@link ScanResult.unusedAllows}. */
  readonly reportUnusedAllows?: boolean;
  /** Env-file checks (tracked, not ignored, staged, committed, template values); `false` turns them off. */
  readonly env?: EnvCheckOptions | false;
  /** How long a worker may show no progress before its task is retried, then failed (tests). */
  readonly stallMs?: number;
  /** Also report documented example credentials, as findings of kind `example`. */
  readonly includeExamples?: boolean;
  /** Range and history scans: report only secrets some branch or tag still holds (see {@link Finding.liveAt}). */
  readonly liveOnly?: boolean;
}

/** What a source does with the filtered findings before they are reported (history: one per secret). */
type Finalize = (findings: Finding[]) => Promise<Finding[]>;

const asIs: Finalize = async (findings) => findings;

export type { ScanProgress };

/** Below this many files a scan runs on the calling thread: workers cost more than they save. */
const INLINE_FILES = 64;
const FILES_PER_TASK = 64;
const FRAGMENT_BYTES_PER_TASK = 1 << 20;
/** Up to this many commits are scanned in one batch on this thread. */
const SMALL_HISTORY = 64;
/** At most this many commits per git process (see scanCommits). */
const MAX_BATCH = 5_000;

interface Context {
  readonly debug: (message: string) => void;
  /** Every name the scan saw (files, directories; in history, per commit), scanned for keys afterwards. */
  readonly names: NameSet;
  /** The real path of a path reported redacted (a key in its name); set once names are scanned. */
  readonly realPath: { current: (path: string) => string };
  readonly cwd: string;
  readonly collector: Collector;
  readonly threads: number;
  readonly executorFor: (large: boolean) => Executor;
  readonly isExcluded: (path: string) => boolean;
  readonly env: EnvChecks | undefined;
  /** Ids of rules tagged generic: specific rules and checks take precedence over them. */
  readonly genericRules: ReadonlySet<string>;
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  enableBacktrackingFallback();
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? builtinRules;
  const threads = options.threads ?? availableParallelism();
  const realPath = { current: (path: string): string => path };
  const policy = await filterPolicy(options, rules, cwd, (p) => realPath.current(p));
  const runOptions = { allowMarkers: options.reportUnusedAllows === true };
  const guarded = needsWatchdog(rules);
  const collector = new Collector(options.onProgress, runOptions.allowMarkers);
  collector.skipUnreadable = options.skipUnreadable ?? false;
  const exclude = compileGlobs(options.exclude ?? []);
  let executor: Executor | undefined;
  const debug = options.onDebug ?? (() => undefined);
  const ctx: Context = {
    debug,
    names: new NameSet(),
    realPath,
    cwd,
    collector,
    threads,
    isExcluded: exclude,
    env: options.env === false ? undefined : resolveEnvChecks(options.env),
    genericRules: new Set(rules.filter((r) => r.tags?.includes('generic')).map((r) => r.id)),
    executorFor: (large) => {
      if (executor === undefined) {
        // However small the scan: a match on this thread cannot be stopped, one on a worker can.
        const pooled = (large || guarded) && threads > 0;
        debug(pooled ? `scanning on ${threads} worker threads` : 'scanning on the main thread');
        executor = pooled
          ? new WorkerPool(rules, large ? threads : 1, {
              run: runOptions,
              ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
            })
          : inlineExecutor(compileCatalogue(rules), runOptions);
      }
      return executor;
    },
  };
  debug(`${rules.length} rules; working directory ${cwd}`);
  let finalize: Finalize;
  try {
    if (options.stdin !== undefined) finalize = await scanStdin(options.stdin, ctx);
    else if (options.staged) finalize = await scanStaged(ctx);
    else if (options.range !== undefined) finalize = await scanRange(options.range, ctx);
    else if (options.history) finalize = await scanHistory(options.includeStash ?? false, ctx);
    else
      finalize = await scanPaths(
        options.paths && options.paths.length > 0 ? options.paths : ['.'],
        options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
        ctx,
      );
    if (ctx.names.size > 0) {
      debug(`scanning ${ctx.names.size} file and directory names`);
      await runMetadataTasks(fragmentTasks(toAsync(ctx.names.fragments()), FRAGMENT_BYTES_PER_TASK), ctx.executorFor(false), ctx);
    }
  } finally {
    await executor?.close();
  }
  // Each name is scanned twice (its last segment, and whole for a key that spans a `/`): one finding per key.
  const seenNames = new Set<string>();
  collector.drop((f) => {
    if (f.source !== 'path') return false;
    const key = `${f.ruleId}\0${f.path}\0${f.commit ?? ''}\0${f.secret.reveal()}`;
    if (!ownedByName(f.path, f.startLine, f.startColumn, f.endColumn) || seenNames.has(key)) return true;
    seenNames.add(key);
    return false;
  });
  collector.replaceFindings(
    collector.unfiltered().map((f) => (f.source === 'path' && f.startLine === 0 ? { ...f, startLine: 1, endLine: 1 } : f)),
  );
  const names = new NameRedactor(collector.unfiltered());
  if (!names.empty) {
    collector.replaceFindings(collector.unfiltered().map((f) => carryHashInput(f, names.finding(f))));
    realPath.current = (p) => names.real(p);
  }
  const tags = new Map<string, readonly string[] | undefined>(rules.map((r) => [r.id, r.tags]));
  const rehashed = await rehash(collector.unfiltered(), new SecretHasher(options.salt ?? PUBLIC_SALT), (id) => tags.get(id));
  collector.replaceFindings(rehashed.findings);
  debug(`${rehashed.findings.length} findings before filters and de-duplication`);
  const filters = options.legacyBaseline ? withLegacyBaseline(policy, rehashed.legacy, collector) : policy;
  const filtered = collector.filter((candidates, markers) => runFilters(candidates, markers, filters));
  const finalized = await finalize(filtered.findings);
  const findings = options.includeExamples ? finalized : finalized.filter((f) => f.kind !== 'example');
  if (findings.length < finalized.length) debug(`${finalized.length - findings.length} documented example values not reported`);
  debug(`scan finished in ${Math.round(performance.now() - started)} ms`);
  const result = collector.result(options.liveOnly ? liveOnly(findings, collector) : findings, performance.now() - started, filtered);
  return names.empty ? result : redactResult(result, names);
}

/** Errors, warnings and unused markers quote paths: masked like the findings' paths. */
function redactResult(result: ScanResult, names: NameRedactor): ScanResult {
  return {
    ...result,
    errors: result.errors.map((e) => ({ ...e, path: names.text(names.path(e.path)), message: names.text(e.message) })),
    warnings: result.warnings.map((w) => names.text(w)),
    ...(result.unusedAllows ? { unusedAllows: result.unusedAllows.map((u) => ({ ...u, path: names.path(u.path) })) } : {}),
  };
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** An old-format baseline applies with the keyed hashes of the findings it names, and says so. */
function withLegacyBaseline(policy: FilterPolicy, legacy: ReadonlyMap<string, string>, collector: Collector): FilterPolicy {
  if (policy.baseline === undefined) return policy;
  collector.warnings.push(
    'the baseline is in the old format (version 1: a plain SHA-256 of each secret, which lets anyone holding it test guessed passwords cheaply); it still applies. Run `keyscan baseline` to rewrite it with a per-project salt and keyed hashes (reasons are kept), then commit it.',
  );
  return { ...policy, baseline: { ...policy.baseline, entries: translateLegacy(policy.baseline.entries, legacy) } };
}

const BUILTIN = new Set<RuleSpec>(builtinRules);

/**
 * Whether a rule's pattern is bounded by nothing but the worker pool's stall watchdog: a user's
 * pattern that repeats without bound and that V8's linear fallback cannot run (lookbehind,
 * lookahead, backreferences, large counts). The load check refuses the patterns it can show to
 * be slow; this covers the ones it cannot. Built-in rules are checked by the test suite.
 */
function needsWatchdog(rules: readonly RuleSpec[]): boolean {
  return rules.some((r) => {
    if (BUILTIN.has(r)) return false;
    const { source, flags } = splitPattern(r.regex);
    return hasUnboundedQuantifier(source) && !runsOnLinearEngine(new RegExp(source, flags));
  });
}

/** Compiles allowlists once and decides how the baseline tells that a path is gone. */
async function filterPolicy(
  options: ScanOptions,
  rules: readonly RuleSpec[],
  cwd: string,
  realPath: (path: string) => string,
): Promise<FilterPolicy> {
  const compile = (list: Allowlist | undefined): CompiledAllowlist | undefined => (list === undefined ? undefined : compileAllowlist(list));
  const byRule = new Map<string, CompiledAllowlist>();
  for (const [id, list] of Object.entries(options.allowlists?.byRule ?? {})) byRule.set(id, compileAllowlist(list));
  let baseline: FilterPolicy['baseline'];
  if (options.baseline !== undefined && options.baseline.length > 0) {
    // Baseline paths are repository-relative, like finding paths: a path is gone when the work tree no longer has it.
    const root = (await workTreeRoot(cwd)) ?? cwd;
    baseline = { entries: options.baseline, isGone: (path) => !existsSync(join(root, realPath(path))) };
  }
  return {
    // Check ids too: `keyscan:allow env-template-value` names that check, it is not a bare allow.
    knownRuleIds: new Set([...builtinRules.map((r) => r.id), ...rules.map((r) => r.id), ...ENV_CHECK_RULES.map((r) => r.id)]),
    allowlist: compile(options.allowlists?.global),
    ruleAllowlists: byRule,
    baseline,
    baselineFiles: new Set(options.baselineFiles ?? []),
  };
}

function runTasks(tasks: AsyncIterable<Task>, executor: Executor, ctx: Context): Promise<void> {
  return runBounded(
    tasks,
    executor,
    Math.max(1, ctx.threads) * 2,
    (task, result) => ctx.collector.add(task, result),
    (task, progress) => ctx.collector.partial(task, progress),
  );
}

/** Names and messages: their findings count, their bytes do not (the stats count content). */
function runMetadataTasks(tasks: AsyncIterable<Task>, executor: Executor, ctx: Context): Promise<void> {
  return runBounded(tasks, executor, Math.max(1, ctx.threads) * 2, (task, result) =>
    ctx.collector.add(task, { ...result, bytesScanned: 0, skipped: [] }, false),
  );
}

/** Paths are reported relative to the repository root; outside a repository, to the working directory. */
async function reportBase(cwd: string, paths: readonly string[]): Promise<string> {
  const here = await workTreeRoot(cwd);
  if (here !== undefined) return here;
  const first = paths[0];
  if (first !== undefined) {
    const there = await workTreeRoot(resolve(cwd, first)).catch(() => undefined);
    if (there !== undefined && paths.every((p) => resolve(cwd, p).startsWith(there))) return there;
  }
  return cwd;
}

async function scanPaths(paths: readonly string[], maxFileSize: number, ctx: Context): Promise<Finalize> {
  const base = await reportBase(ctx.cwd, paths);
  ctx.debug(`scanning ${paths.join(', ')}; paths reported relative to ${base}`);
  const walk = walkTargets(paths, {
    cwd: ctx.cwd,
    base,
    isExcluded: ctx.isExcluded,
    onSkip: (reason, path) => {
      ctx.collector.skip(reason, path);
      if (reason !== 'excluded') ctx.names.add(path);
    },
  });
  const envTargets: EnvTarget[] = [];
  const named = recordNames(walk, ctx.names);
  const targets = ctx.env === undefined ? named : collectEnvTargets(named, ctx.env, envTargets);
  const iterator = targets[Symbol.asyncIterator]();
  const head: FileTarget[] = [];
  let done = false;
  while (!done && head.length <= INLINE_FILES) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head.push(next.value);
  }
  const executor = ctx.executorFor(!done);
  async function* tasks(): AsyncGenerator<Task> {
    let batch: FileTarget[] = [];
    const all = async function* (): AsyncGenerator<FileTarget> {
      yield* head;
      if (!done) for (let n = await iterator.next(); !n.done; n = await iterator.next()) yield n.value;
    };
    for await (const target of all()) {
      batch.push(target);
      if (batch.length === FILES_PER_TASK) {
        yield { kind: 'files', targets: batch, maxFileSize };
        batch = [];
      }
    }
    if (batch.length > 0) yield { kind: 'files', targets: batch, maxFileSize };
  }
  await runTasks(tasks(), executor, ctx);
  if (ctx.env !== undefined) {
    const checked = await checkWorkTree(envTargets, ctx.env, {
      base,
      maxFileSize,
      isExcluded: ctx.isExcluded,
      warn: (w) => ctx.collector.warnings.push(w),
    });
    addEnvChecks(ctx, checked);
  }
  return asIs;
}

async function* recordNames(targets: AsyncIterable<FileTarget>, names: NameSet): AsyncGenerator<FileTarget> {
  for await (const t of targets) {
    names.add(t.path);
    yield t;
  }
}

async function scanStdin(stdin: NonNullable<ScanOptions['stdin']>, ctx: Context): Promise<Finalize> {
  const chunks = lineChunks(stdin.stream)[Symbol.asyncIterator]();
  const first = await chunks.next();
  const second = first.done ? first : await chunks.next();
  const executor = ctx.executorFor(!second.done);
  async function* fragments(): AsyncGenerator<FragmentInput> {
    const fragment = (c: Chunk): FragmentInput => ({
      data: c.data,
      meta: { path: stdin.name, source: 'stdin', firstLine: c.firstLine, owned: c.owned },
    });
    if (first.done) return;
    yield fragment(first.value);
    if (second.done) return;
    yield fragment(second.value);
    for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield fragment(c.value);
  }
  await runTasks(fragmentTasks(fragments(), FRAGMENT_BYTES_PER_TASK), executor, ctx);
  ctx.collector.countFile(0);
  return asIs;
}

async function scanStaged(ctx: Context): Promise<Finalize> {
  const root = await workTreeRoot(ctx.cwd);
  if (root === undefined) {
    await requireRepository(ctx.cwd);
    throw new KeyscanError('E_GIT', `${ctx.cwd} has no work tree (a bare repository), so nothing can be staged`, {
      hint: 'Run --staged in a clone with a work tree; audit a bare repository with --history.',
    });
  }
  const fragments = stagedFragments(root, { onSkip: (reason, path) => ctx.collector.skip(reason, path) });
  // Every staged name, also of files without added lines (an empty file named after a key).
  const staged = stagedNames(root);
  staged.catch(() => undefined); // awaited below
  const files = new Set<string>();
  async function* kept(): AsyncGenerator<FragmentInput> {
    for await (const f of fragments) {
      if (ctx.isExcluded(f.meta.path)) {
        if (!files.has(f.meta.path)) ctx.collector.skip('excluded', f.meta.path);
        files.add(f.meta.path);
        continue;
      }
      if (!files.has(f.meta.path)) ctx.collector.countFile(0);
      files.add(f.meta.path);
      yield f;
    }
  }
  // Runs alongside the scan: one git process, more only when an env file is staged.
  const checked = ctx.env === undefined ? Promise.resolve([]) : checkStaged(root, ctx.env, ctx.isExcluded);
  checked.catch(() => undefined); // awaited below
  // A staged change is small: it runs on this thread, which keeps pre-commit hooks fast.
  await runTasks(fragmentTasks(kept(), FRAGMENT_BYTES_PER_TASK), ctx.executorFor(false), ctx);
  addEnvChecks(ctx, await checked);
  for (const name of await staged) if (!ctx.isExcluded(name)) ctx.names.add(name);
  return asIs;
}

/** Adds env-check findings, one finding per template value (see {@link mergeTemplateValues}). */
function addEnvChecks(ctx: Context, checked: readonly Finding[]): void {
  if (checked.length === 0) return;
  const merged = mergeTemplateValues(checked, ctx.collector.unfiltered(), (id) => ctx.genericRules.has(id));
  ctx.collector.drop((f) => merged.superseded.has(f));
  ctx.collector.addChecks(merged.checks);
}

async function repositoryRoot(cwd: string): Promise<string> {
  await requireRepository(cwd);
  return (await workTreeRoot(cwd)) ?? cwd;
}

async function scanRange(range: string, ctx: Context): Promise<Finalize> {
  const root = await repositoryRoot(ctx.cwd);
  const parsed = parseRange(range);
  if (parsed === undefined) {
    throw new KeyscanError('E_USAGE', `--range "${range}" is not a range of commits`, {
      hint: 'Use one of the forms git accepts: BASE..HEAD, BASE...HEAD, BASE.. or ..HEAD (for example --range origin/main..HEAD).',
    });
  }
  const tip = await requireCommit(root, parsed.head, 'HEAD');
  await requireCommit(root, parsed.base, 'BASE');
  const commits = await listCommits(root, [rangeRevision(parsed)]);
  const boundary = await shallowBoundary(root);
  const cut = commits.find((c) => boundary.has(c));
  if (cut !== undefined) {
    throw new KeyscanError(
      'E_GIT',
      `this shallow clone is missing the parents of ${cut.slice(0, 12)}, which is inside ${range}: its changes cannot be told apart from the files it inherited`,
      {
        hint: `Fetch the rest of the range: git fetch --deepen=${commits.length + 1} (or --unshallow); in GitHub Actions set actions/checkout fetch-depth: 0.`,
      },
    );
  }
  return scanCommits(root, commits, tip, ctx, undefined);
}

async function requireCommit(root: string, rev: string, role: 'BASE' | 'HEAD'): Promise<string> {
  const sha = await resolveCommit(root, rev);
  if (sha !== undefined) return sha;
  const shallow = (await shallowBoundary(root)).size > 0;
  throw new KeyscanError('E_GIT', `${role} "${rev}" is not a commit in this ${shallow ? 'shallow clone' : 'repository'}`, {
    hint: shallow
      ? `Fetch it first, e.g. git fetch --deepen=50 origin, or git fetch origin ${rev}; in GitHub Actions set actions/checkout fetch-depth: 0.`
      : 'Check the revision name (git log --oneline shows commits), or fetch it from the remote.',
  });
}

async function scanHistory(includeStash: boolean, ctx: Context): Promise<Finalize> {
  const root = await repositoryRoot(ctx.cwd);
  // Every stash entry, not only the latest that refs/stash names.
  const stashes = includeStash ? await stashEntries(root) : [];
  const commits = await listCommits(root, [...allRefs(includeStash), ...stashes]);
  const boundary = await shallowBoundary(root);
  if (boundary.size > 0) {
    ctx.collector.warnings.push(
      `this is a shallow clone: history before ${plural(boundary.size, 'commit')} is not here and was not scanned, and those commits' files count as introduced by them. Run git fetch --unshallow for a complete audit.`,
    );
  }
  const head = await resolveCommit(root, 'HEAD');
  return scanCommits(root, commits, head, ctx, { includeStash });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Scans each commit's own changes across the pool, then keeps one finding per secret and path. */
async function scanCommits(
  root: string,
  commits: readonly string[],
  tip: string | undefined,
  ctx: Context,
  refs: { readonly includeStash: boolean } | undefined,
): Promise<Finalize> {
  ctx.collector.commitsTotal = commits.length;
  ctx.debug(`${commits.length} commits to scan in ${root}`);
  if (commits.length === 0) return asIs;
  // Few, long, contiguous batches: every git process starts with cold caches (measured: 16
  // batches over 5,000 commits took 1.9 s where 2 took 1.25 s), and neighbouring commits share
  // trees and delta bases. Two per worker still evens out batches of unequal weight.
  const parts = Math.max(2, Math.max(1, ctx.threads) * 2);
  // Capped, though: a git process keeps every commit and tree it has read, so one batch of 50,000
  // commits grew git to 640 MB RSS (most of it the mmapped pack, some its object cache); a batch of
  // 5,000 stays under 200 MB, at no cost in wall time on 100,000 commits (25.0 s → 23.7 s).
  const size = Math.max(SMALL_HISTORY, Math.min(MAX_BATCH, Math.ceil(commits.length / parts)));
  const executor = ctx.executorFor(commits.length > SMALL_HISTORY);
  ctx.debug(`${Math.ceil(commits.length / size)} batches of up to ${size} commits`);
  async function* tasks(): AsyncGenerator<Task> {
    for (let i = 0; i < commits.length; i += size) yield { kind: 'commits', repo: root, commits: commits.slice(i, i + size) };
  }
  // Names of added files only, alongside the patches: measured at ~0.1 s for 5,000 commits.
  const committed = ctx.env === undefined ? Promise.resolve([]) : checkCommitted(root, commits, tip, ctx.env, ctx.isExcluded);
  committed.catch(() => undefined); // awaited below
  const templates = ctx.env === undefined ? Promise.resolve([]) : checkTemplatesCommitted(root, commits, ctx.env, ctx.isExcluded);
  templates.catch(() => undefined); // awaited below
  // Messages, identities and names, alongside the patches: one more git log, without patches.
  const metadata = runMetadataTasks(fragmentTasks(metadataFragments(root, commits, refs, ctx), FRAGMENT_BYTES_PER_TASK), executor, ctx);
  metadata.catch(() => undefined); // awaited below
  await runTasks(tasks(), executor, ctx);
  await metadata;
  const order = new Map(commits.map((c, i) => [c, i]));
  ctx.collector.addChecks([...(await committed), ...(await templates)]);
  return async (findings) => {
    const isTemplateValue = (f: Finding): boolean => f.ruleId === ENV_TEMPLATE_VALUE.id;
    // Template values come one per commit that added them, like secrets: each supersedes the generic
    // match of the same lines in the same commit, then both keep their first commit.
    const merged = mergeTemplateValues(findings.filter(isTemplateValue), findings, (id) => ctx.genericRules.has(id));
    // Other check findings (env files ever committed) are already one per path, with their provenance.
    const checks = findings.filter((f) => f.source === 'check' && !isTemplateValue(f));
    const meta = findings.filter((f) => METADATA_SOURCES.has(f.source) && f.source !== 'path');
    // Commits are scanned whole and excluded paths dropped here: each one is still counted, never dropped silently.
    const excluded = new Set<string>();
    const secrets = findings.filter((f) => {
      if ((f.source !== 'commit' && f.source !== 'path') || merged.superseded.has(f)) return false;
      const path = ctx.realPath.current(f.path);
      if (!ctx.isExcluded(path)) return true;
      if (!excluded.has(path)) ctx.collector.skip('excluded', path);
      excluded.add(path);
      return false;
    });
    const first = firstIntroduced(secrets, order);
    const content = first.filter((f) => f.source !== 'path');
    const named = first.filter((f) => f.source === 'path');
    return [
      ...(await markLiveness(root, content, { tip, realPath: ctx.realPath.current, refFindings: meta, debug: ctx.debug })),
      ...named,
      ...firstIntroduced(meta, order),
      ...firstIntroduced(merged.checks, order),
      ...checks,
    ];
  };
}

/**
 * The commits' messages and identities as fragments, and their file names into `ctx.names`; with
 * `refs` (a history scan), every ref's name and every annotated tag's message and tagger too.
 */
async function* metadataFragments(
  root: string,
  commits: readonly string[],
  refs: { readonly includeStash: boolean } | undefined,
  ctx: Context,
): AsyncGenerator<FragmentInput> {
  const identities = new Map<string, CommitInfo>();
  for await (const c of commitMetadata(root, commits)) {
    yield* commitFragments(c, identities);
    const info: CommitInfo = { commit: c.commit, author: c.authorName, authorEmail: c.authorEmail, date: c.date };
    for (const path of c.paths) if (!ctx.isExcluded(path)) ctx.names.add(path, info);
  }
  yield* identityFragments(identities);
  if (refs !== undefined) for await (const ref of refMetadata(root, refs.includeStash)) yield* refFragments(ref);
}
