/**
 * What a GitHub event asks keyscan to scan, decided from the payload alone (no git): the commits
 * of a pull request, the commits of a push, or the whole history.
 */
import { type BranchInfo, type CiMode, type CiPlan, explicitPlan, sha, short, ZERO_SHA } from '../plan.js';
import { type ActionsContext, booleanAt, numberAt, stringAt } from './context.js';

/** Decides what to scan. Throws nothing: a payload without what an event needs falls back to history. */
export function planFor(ctx: ActionsContext, mode: CiMode): CiPlan {
  if (mode !== 'auto') return explicitPlan(mode);
  const e = ctx.event;
  switch (ctx.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const base = sha(stringAt(e, 'pull_request', 'base', 'sha'));
      const head = sha(stringAt(e, 'pull_request', 'head', 'sha'));
      if (base === undefined || head === undefined) return incomplete(ctx.eventName, 'pull_request.base.sha and head.sha');
      const n = numberAt(e, 'pull_request', 'number');
      const commits = numberAt(e, 'pull_request', 'commits');
      return {
        kind: 'range',
        base,
        head,
        label: `the commits of pull request${n === undefined ? '' : ` #${n}`} (${short(base)}..${short(head)})`,
        ...(commits !== undefined && commits > 0 ? { depthHint: commits + 1 } : {}),
        pullRequest: true,
      };
    }
    case 'merge_group': {
      const base = sha(stringAt(e, 'merge_group', 'base_sha'));
      const head = sha(stringAt(e, 'merge_group', 'head_sha'));
      if (base === undefined || head === undefined) return incomplete(ctx.eventName, 'merge_group.base_sha and head_sha');
      return { kind: 'range', base, head, label: `the commits of the merge group (${short(base)}..${short(head)})` };
    }
    case 'push':
      return pushPlan(ctx);
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'history', label: `the full history (${ctx.eventName})` };
    default:
      return { kind: 'history', label: `the full history (event ${ctx.eventName} has no commit range; set mode to choose)` };
  }
}

function pushPlan(ctx: ActionsContext): CiPlan {
  const e = ctx.event;
  const before = stringAt(e, 'before');
  const after = stringAt(e, 'after');
  const ref = stringAt(e, 'ref') ?? ctx.ref;
  const branch: BranchInfo = { ref, defaultBranch: stringAt(e, 'repository', 'default_branch') };
  const name = ref?.replace(/^refs\/(heads|tags)\//, '') ?? 'the branch';
  if (booleanAt(e, 'deleted') === true || (after !== undefined && ZERO_SHA.test(after))) {
    return { kind: 'none', label: `nothing: the push deleted ${name}` };
  }
  const head = sha(after) ?? sha(ctx.sha);
  if (head === undefined) return incomplete('push', 'after');
  if (booleanAt(e, 'created') === true || before === undefined || ZERO_SHA.test(before)) {
    return { kind: 'branch', head, label: `the commits of new ${name} (${short(head)}) that are not on the default branch`, branch };
  }
  const base = sha(before);
  if (base === undefined) return incomplete('push', 'before');
  return { kind: 'push', base, head, label: `the pushed commits of ${name} (${short(base)}..${short(head)})`, branch };
}

function incomplete(event: string, fields: string): CiPlan {
  return { kind: 'history', label: `the full history (the ${event} event has no ${fields})` };
}
