/**
 * `keyscan merge`: the reports of every part of a `--shard I/N` audit, combined into the report
 * one run would have made. Each secret keeps the commit that first introduced it, by the same
 * ordering as one run (src/filters/first-introduced.ts, with the positions the shards recorded),
 * and its `commitCount` is the sum of the shards' counts: the shards' commits do not overlap.
 * Secrets are told apart by their keyed `secretHash`, so redacted reports merge; the merge never
 * sees, and so never writes, a secret the reports do not hold.
 */
import { committedMessage } from '../checks/history.js';
import { ENV_FILE_COMMITTED } from '../checks/rules.js';
import { KeyscanError } from '../errors.js';
import { isOlder } from '../filters/first-introduced.js';
import { unusedAllows } from '../filters/unused-allows.js';
import { compareAllows, compareFindings } from '../pipeline/collector.js';
import {
  emptySkipCounts,
  type Finding,
  type ScanError,
  type ScanResult,
  type ShardRecord,
  type SkipReason,
  type SuppressedCounts,
} from '../types.js';

/** A shard's result as read back from its JSON report, with where it came from (for messages). */
export interface ShardReport {
  readonly name: string;
  readonly result: ScanResult;
}

/**
 * Names and identities are scanned once per scan, at the oldest commit that names them (see
 * NameSet and commitFragments): across shards, the one furthest from the tips wins and the
 * count stays one. Everything else was found once per commit that added it.
 */
const ONCE_PER_SCAN = new Set(['path', 'commit-author']);

export function mergeShards(reports: readonly ShardReport[]): ScanResult {
  const shards = checkComplete(reports);
  const order = new Map<string, number>();
  for (const s of shards) for (const [commit, at] of Object.entries(s.order)) order.set(commit, at);
  const groups = new Map<string, Finding>();
  for (const { result } of reports) {
    for (const f of result.findings) {
      const key = `${f.ruleId}\0${f.path}\0${f.secretHash}`;
      const held = groups.get(key);
      if (held === undefined) {
        groups.set(key, f);
        continue;
      }
      if (ONCE_PER_SCAN.has(f.source)) {
        if ((order.get(f.commit ?? '') ?? -1) > (order.get(held.commit ?? '') ?? -1)) groups.set(key, f);
        continue;
      }
      const first = isOlder(f, held, order) ? f : held;
      const commitCount = (f.commitCount ?? 1) + (held.commitCount ?? 1);
      groups.set(key, { ...first, commitCount });
    }
  }
  const findings = [...groups.values()].map((f) =>
    f.ruleId === ENV_FILE_COMMITTED.id ? { ...f, message: committedMessage(f.path, f.commitCount ?? 1, f.presentAtHead === true) } : f,
  );
  const results = reports.map((r) => r.result);
  const markers = results.flatMap((r) => r.unusedAllows ?? []);
  const inline = results.flatMap((r) => r.inlineAllows ?? []);
  return {
    findings: findings.sort(compareFindings),
    stats: mergeStats(results),
    errors: results.flatMap((r) => r.errors).sort(byPath),
    warnings: [...new Set(results.flatMap((r) => r.warnings))],
    ...(results.some((r) => r.unusedAllows !== undefined) ? { unusedAllows: unusedAllows(markers, new Set()) } : {}),
    ...(inline.length > 0 ? { inlineAllows: inline.sort(compareAllows) } : {}),
  };
}

/** Every part of one audit, each once: anything else would be a report that looks complete and is not. */
function checkComplete(reports: readonly ShardReport[]): ShardRecord[] {
  if (reports.length === 0) throw usage('no reports to merge', 'Give the JSON report of every shard: keyscan merge shard-*.json.');
  const shards = reports.map(({ name, result }) => {
    if (result.shard === undefined) {
      throw usage(`${name} is not the report of a sharded scan`, 'Merge the JSON reports of keyscan --history --shard I/N -f json.');
    }
    return result.shard;
  });
  const first = shards[0] as ShardRecord;
  reports.forEach(({ name }, i) => {
    const s = shards[i] as ShardRecord;
    if (s.commits !== first.commits || s.total !== first.total || s.count !== first.count) {
      throw usage(
        `${name} is a shard of another audit (another commit list or number of shards) than ${reports[0]?.name}`,
        'Run every shard on the same commit (the same refs) with the same --shard I/N count, then merge them.',
      );
    }
    if (s.scan !== first.scan) {
      throw usage(
        `${name} was scanned with other rules, config or options (or another keyscan version) than ${reports[0]?.name}`,
        'Run every shard with the same keyscan version, config and flags, then merge them.',
      );
    }
  });
  const seen = new Map<number, string>();
  reports.forEach(({ name }, i) => {
    const index = (shards[i] as ShardRecord).index;
    const other = seen.get(index);
    if (other !== undefined) throw usage(`${name} and ${other} are both shard ${index}/${first.count}`, 'Give each shard once.');
    seen.set(index, name);
  });
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw usage(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${first.count}`).join(', ')} missing: the merged report would not cover every commit`,
      'Give the JSON report of every shard.',
    );
  }
  return shards;
}

function mergeStats(results: readonly ScanResult[]): ScanResult['stats'] {
  const skipped = emptySkipCounts();
  const suppressed: SuppressedCounts = { inline: 0, allowlist: 0, baseline: 0 };
  let files = 0;
  let bytes = 0;
  let commits = 0;
  let lfs = 0;
  let cached: number | undefined;
  let metadata: number | undefined;
  let duration = 0;
  for (const { stats } of results) {
    files += stats.filesScanned;
    bytes += stats.bytesScanned;
    commits += stats.commitsScanned ?? 0;
    lfs += stats.lfsPointers ?? 0;
    if (stats.commitsFromCache !== undefined) cached = (cached ?? 0) + stats.commitsFromCache;
    if (stats.metadataFromCache !== undefined) metadata = (metadata ?? 0) + stats.metadataFromCache;
    // The shards ran side by side: the audit took as long as the slowest.
    duration = Math.max(duration, stats.durationMs);
    for (const reason of Object.keys(skipped) as SkipReason[]) skipped[reason] += stats.skipped[reason] ?? 0;
    for (const kind of Object.keys(suppressed) as (keyof SuppressedCounts)[]) suppressed[kind] += stats.suppressed[kind] ?? 0;
  }
  return {
    filesScanned: files,
    commitsScanned: commits,
    ...(cached === undefined ? {} : { commitsFromCache: cached }),
    ...(metadata === undefined ? {} : { metadataFromCache: metadata }),
    bytesScanned: bytes,
    lfsPointers: lfs,
    skipped,
    suppressed,
    durationMs: duration,
  };
}

function byPath(a: ScanError, b: ScanError): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function usage(message: string, hint: string): KeyscanError {
  return new KeyscanError('E_USAGE', message, { hint });
}
