/**
 * Turns what an event asks for ({@link CiPlan}) into something this clone can scan completely:
 * fetches the commits a shallow checkout lacks, falls back when a force push removed `before`,
 * and fails (E_CI, exit 2) rather than scan a range it cannot read.
 */
import { KeyscanError } from '../errors.js';
import { completeRange, type FetchStep, type RangeOutcome } from '../git/complete-range.js';
import { resolveCommit } from '../git/history.js';
import { fetchRevisions, hasRemote, isShallow, remoteRef } from '../git/remote.js';
import { type BranchInfo, type CiPlan, short } from './plan.js';

/** What to scan, ready for `scan()`. */
export type CiTarget =
  | { readonly kind: 'range'; readonly base: string; readonly head: string; readonly scope: string }
  | { readonly kind: 'history'; readonly scope: string }
  | { readonly kind: 'files'; readonly scope: string }
  | { readonly kind: 'none'; readonly scope: string };

export interface TargetOptions {
  readonly root: string;
  /** The remote to fetch from (`origin`). */
  readonly remote: string;
  /** False with --no-fetch: never talk to the remote. */
  readonly fetch: boolean;
  /** Called with lines for the log and the job summary. */
  readonly note: (line: string) => void;
  /** What to do when a shallow clone cannot be completed, in the provider's terms (GitHub: `fetch-depth: 0`). */
  readonly fetchHint: string;
}

export async function resolveTarget(plan: CiPlan, options: TargetOptions): Promise<CiTarget> {
  switch (plan.kind) {
    case 'none':
    case 'files':
      return { kind: plan.kind, scope: plan.label };
    case 'history':
      await completeHistory(options);
      return { kind: 'history', scope: plan.label };
    case 'range': {
      const outcome = await complete(plan.base, plan.head, plan.depthHint, options);
      if (!outcome.ok) throw rangeError(plan.base, plan.head, outcome, options);
      return { kind: 'range', base: plan.base, head: plan.head, scope: plan.label };
    }
    case 'push': {
      const outcome = await complete(plan.base, plan.head, undefined, options);
      if (outcome.ok) return { kind: 'range', base: plan.base, head: plan.head, scope: plan.label };
      if (outcome.reason !== 'base-unavailable') throw rangeError(plan.base, plan.head, outcome, options);
      options.note(
        `The commit before the push (${short(plan.base)}) is gone from the remote (a force push): scanning the branch's commits that are not on the default branch instead.`,
      );
      return branchTarget(plan.head, plan.branch, options);
    }
    case 'branch':
      return branchTarget(plan.head, plan.branch, options);
  }
}

function complete(base: string, head: string, depthHint: number | undefined, options: TargetOptions): Promise<RangeOutcome> {
  return completeRange(options.root, base, head, {
    remote: options.fetch ? options.remote : undefined,
    ...(depthHint !== undefined ? { firstDepth: Math.max(depthHint, 20) } : {}),
    onFetch: (step) => options.note(fetchNote(step)),
  });
}

function fetchNote(step: FetchStep): string {
  const what = step.depth === 'unshallow' ? 'the whole history' : step.depth === 'full' ? 'missing commits' : `to depth ${step.depth}`;
  return `Fetched ${what} from the remote${step.ok ? '' : ' (failed)'}.`;
}

/** A new branch: its commits that are not on the default branch (all history when it is the default branch). */
async function branchTarget(head: string, branch: BranchInfo, options: TargetOptions): Promise<CiTarget> {
  const name = branch.ref?.replace(/^refs\/(heads|tags)\//, '') ?? short(head);
  const main = branch.defaultBranch;
  if (main === undefined || branch.ref === `refs/heads/${main}`) {
    const why = main === undefined ? 'the default branch is not known' : `${main} is the default branch`;
    options.note(`Scanning the full history: ${why}.`);
    await completeHistory(options);
    return { kind: 'history', scope: `the full history (${why})` };
  }
  const tip = await defaultBranchTip(main, options);
  if (tip === undefined) {
    options.note(`The default branch ${main} was not found: scanning the full history.`);
    await completeHistory(options);
    return { kind: 'history', scope: `the full history (default branch ${main} not found)` };
  }
  const outcome = await complete(tip, head, undefined, options);
  if (!outcome.ok) throw rangeError(tip, head, outcome, options);
  return { kind: 'range', base: tip, head, scope: `the commits of ${name} that are not on ${main} (${short(tip)}..${short(head)})` };
}

async function defaultBranchTip(main: string, options: TargetOptions): Promise<string | undefined> {
  // The remote's tip is current; a remote-tracking ref may be stale outside CI.
  if (options.fetch && (await hasRemote(options.root, options.remote))) {
    const remote = await remoteRef(options.root, options.remote, `refs/heads/${main}`);
    if (remote !== undefined) return remote;
  }
  return (
    (await resolveCommit(options.root, `refs/remotes/${options.remote}/${main}`)) ??
    (await resolveCommit(options.root, `refs/heads/${main}`))
  );
}

/** A full-history audit of a shallow clone fetches the rest, or fails: it never audits a stub. */
async function completeHistory(options: TargetOptions): Promise<void> {
  if (!(await isShallow(options.root))) return;
  const remote = options.fetch && (await hasRemote(options.root, options.remote)) ? options.remote : undefined;
  if (remote === undefined) {
    throw new KeyscanError(
      'E_CI',
      `this is a shallow clone and ${cannotFetch(options)}: a full-history scan would miss the commits it does not have`,
      {
        hint: options.fetchHint,
      },
    );
  }
  const r = await fetchRevisions(options.root, remote, [`+refs/heads/*:refs/remotes/${remote}/*`], { unshallow: true });
  options.note(fetchNote({ depth: 'unshallow', ok: r.ok }));
  if (!r.ok)
    throw new KeyscanError('E_GIT', `could not fetch the rest of this shallow clone's history: ${r.error}`, { hint: options.fetchHint });
}

function cannotFetch(options: TargetOptions): string {
  return options.fetch ? `there is no remote "${options.remote}" to fetch from` : 'fetching is off (--no-fetch)';
}

function rangeError(base: string, head: string, outcome: RangeOutcome & { ok: false }, options: TargetOptions): KeyscanError {
  const range = `${short(base)}..${short(head)}`;
  switch (outcome.reason) {
    case 'no-remote':
      return new KeyscanError(
        'E_CI',
        `this clone does not hold all of ${range}${outcome.missing.length > 0 ? ` (missing ${outcome.missing.map(short).join(', ')})` : ''} and ${cannotFetch(options)}`,
        { hint: options.fetchHint },
      );
    case 'base-unavailable':
      return new KeyscanError('E_CI', `the remote does not have the base commit ${short(base)} of ${range}: ${outcome.error}`, {
        hint: options.fetchHint,
      });
    case 'fetch-failed':
      return new KeyscanError('E_GIT', `could not fetch the commits of ${range}: ${outcome.error}`, { hint: options.fetchHint });
  }
}
