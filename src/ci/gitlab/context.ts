/**
 * The GitLab CI job that `keyscan ci` is in, from the predefined variables the runner sets, and
 * what its pipeline asks to scan. A merge request pipeline scans the request's commits, a push
 * pipeline the pushed ones (a new branch: its commits not on the default branch), a schedule or
 * a manual run the whole history.
 * https://docs.gitlab.com/ci/variables/predefined_variables/
 */
import { type BranchInfo, type CiMode, type CiPlan, explicitPlan, sha, short } from '../plan.js';
import type { CiEnv } from '../provider.js';

export interface GitlabContext {
  /** `CI_PIPELINE_SOURCE`: `push`, `merge_request_event`, `schedule`, `web`… */
  readonly source: string;
  /** `CI_COMMIT_SHA`: the commit the job runs on (a merged results pipeline: the merge commit). */
  readonly sha: string | undefined;
  /** `CI_COMMIT_BEFORE_SHA`: the branch's tip before the push; all zeros for a new branch. */
  readonly before: string | undefined;
  readonly branch: string | undefined;
  readonly tag: string | undefined;
  readonly defaultBranch: string | undefined;
  readonly mergeRequest: {
    readonly iid: string | undefined;
    /** `CI_MERGE_REQUEST_DIFF_BASE_SHA`: the merge base the request's diff is shown against. */
    readonly diffBase: string | undefined;
    /** `CI_MERGE_REQUEST_SOURCE_BRANCH_SHA`: the request's head, set in merged results pipelines only. */
    readonly sourceSha: string | undefined;
  };
  /** `CI_PROJECT_DIR`: where the repository is cloned and where artifacts must be. */
  readonly projectDir: string | undefined;
  /** `https://gitlab.example.com/group/project`, for links. */
  readonly projectUrl: string | undefined;
}

export function inGitlabCi(env: CiEnv): boolean {
  return nonEmpty(env.GITLAB_CI) !== undefined;
}

export function readGitlabContext(env: CiEnv): GitlabContext {
  return {
    source: nonEmpty(env.CI_PIPELINE_SOURCE) ?? 'unknown',
    sha: nonEmpty(env.CI_COMMIT_SHA),
    before: nonEmpty(env.CI_COMMIT_BEFORE_SHA),
    branch: nonEmpty(env.CI_COMMIT_BRANCH),
    tag: nonEmpty(env.CI_COMMIT_TAG),
    defaultBranch: nonEmpty(env.CI_DEFAULT_BRANCH),
    mergeRequest: {
      iid: nonEmpty(env.CI_MERGE_REQUEST_IID),
      diffBase: nonEmpty(env.CI_MERGE_REQUEST_DIFF_BASE_SHA),
      sourceSha: nonEmpty(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA),
    },
    projectDir: nonEmpty(env.CI_PROJECT_DIR),
    projectUrl: nonEmpty(env.CI_PROJECT_URL),
  };
}

/** Decides what to scan. Throws nothing: a pipeline without what its source needs falls back to history. */
export function gitlabPlan(ctx: GitlabContext, mode: CiMode): CiPlan {
  if (mode !== 'auto') return explicitPlan(mode);
  switch (ctx.source) {
    case 'merge_request_event': {
      const base = sha(ctx.mergeRequest.diffBase);
      // A merged results pipeline runs on a merge commit; the request's own commits end at its source branch's head.
      const head = sha(ctx.mergeRequest.sourceSha) ?? sha(ctx.sha);
      if (base === undefined || head === undefined) return incomplete('CI_MERGE_REQUEST_DIFF_BASE_SHA and CI_COMMIT_SHA');
      const iid = ctx.mergeRequest.iid;
      return {
        kind: 'range',
        base,
        head,
        label: `the commits of merge request${iid === undefined ? '' : ` !${iid}`} (${short(base)}..${short(head)})`,
        pullRequest: true,
      };
    }
    case 'push':
      return pushPlan(ctx);
    default:
      // schedule, web, api, trigger…: no commit range, so an audit of everything.
      return { kind: 'history', label: `the full history (pipeline source ${ctx.source})` };
  }
}

function pushPlan(ctx: GitlabContext): CiPlan {
  const head = sha(ctx.sha);
  if (head === undefined) return incomplete('CI_COMMIT_SHA');
  const ref = ctx.tag !== undefined ? `refs/tags/${ctx.tag}` : ctx.branch !== undefined ? `refs/heads/${ctx.branch}` : undefined;
  const branch: BranchInfo = { ref, defaultBranch: ctx.defaultBranch };
  const name = ctx.tag ?? ctx.branch ?? 'the branch';
  // All zeros (a new branch or tag, the first pipeline of a branch) or unset: nothing to diff against.
  const base = sha(ctx.before);
  if (base === undefined) {
    return { kind: 'branch', head, label: `the commits of new ${name} (${short(head)}) that are not on the default branch`, branch };
  }
  return { kind: 'push', base, head, label: `the pushed commits of ${name} (${short(base)}..${short(head)})`, branch };
}

function incomplete(fields: string): CiPlan {
  return { kind: 'history', label: `the full history (the pipeline has no ${fields})` };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
