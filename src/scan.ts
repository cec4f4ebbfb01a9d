/**
 * The one place that wires a scan together: options → mode (what to scan, see src/modes/) →
 * executor → filters → findings → result. Every mode shares everything here: the rules, the
 * executor, the scan of names, keyed hashes, allowlists, baselines and the result's shape.
 */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { builtinRules } from '../rules/index.js';
import { compileCatalogue, splitPattern } from './catalogue/compile.js';
import { hasUnboundedQuantifier } from './catalogue/regex-safety.js';
import type { RuleSpec } from './catalogue/spec.js';
import { resolveEnvChecks } from './checks/options.js';
import { ENV_CHECK_RULES } from './checks/rules.js';
import type { Allowlist } from './config/config.js';
import { compileGlobs } from './config/glob.js';
import { type CompiledAllowlist, compileAllowlist } from './filters/allowlist.js';
import { NameRedactor } from './filters/names.js';
import { type FilterPolicy, runFilters } from './filters/pipeline.js';
import { workTreeRoot } from './git/repo.js';
import { carryHashInput, rehash, translateLegacy } from './hash/rehash.js';
import { PUBLIC_SALT, SecretHasher } from './hash/secret-hash.js';
import { modeFor } from './modes/index.js';
import type { Finalize, ScanContext } from './modes/mode.js';
import { type ScanOptions, validateOptions } from './modes/options.js';
import { FRAGMENT_BYTES_PER_TASK, runMetadataTasks, toAsync } from './modes/tasks.js';
import { fragmentTasks } from './pipeline/bounded.js';
import { Collector, type ScanProgress } from './pipeline/collector.js';
import { liveOnly } from './pipeline/liveness.js';
import { inlineExecutor } from './pool/inline.js';
import { WorkerPool } from './pool/pool.js';
import { holdPatientTierUp } from './pool/tier-up-policy.js';
import { enableBacktrackingFallback, runsOnLinearEngine } from './regex-guard.js';
import type { Executor } from './scanner/task.js';
import { NameSet, ownedByName } from './sources/metadata.js';
import type { ScanResult } from './types.js';

export { DEFAULT_MAX_FILE_SIZE, type ScanOptions } from './modes/options.js';

export type { ScanProgress };

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  validateOptions(options);
  enableBacktrackingFallback();
  // Not performance.now(): the global loads perf_hooks, ~2 ms of a pre-commit run.
  const started = process.hrtime.bigint();
  const elapsedMs = (): number => Number(process.hrtime.bigint() - started) / 1e6;
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
  let releaseTierUp: (() => void) | undefined;
  const debug = options.onDebug ?? (() => undefined);
  const ctx: ScanContext = {
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
        if (pooled && large) releaseTierUp = holdPatientTierUp();
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
  const mode = modeFor(options);
  let finalize: Finalize;
  try {
    debug(`mode: ${mode.name}`);
    finalize = await mode.run(options, ctx);
    if (ctx.names.size > 0) {
      debug(`scanning ${ctx.names.size} file and directory names`);
      await runMetadataTasks(fragmentTasks(toAsync(ctx.names.fragments()), FRAGMENT_BYTES_PER_TASK), ctx, false);
    }
  } finally {
    await executor?.close();
    releaseTierUp?.();
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
  debug(`scan finished in ${Math.round(elapsedMs())} ms`);
  const result = collector.result(options.liveOnly ? liveOnly(findings, collector) : findings, elapsedMs(), filtered);
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
