import { describe, expect, it } from 'vitest';
import { gitlabPlan, readGitlabContext } from '../../../src/ci/gitlab/context.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const ZERO = '0'.repeat(40);

const plan = (env: Record<string, string>, mode: 'auto' | 'history' | 'files' = 'auto') =>
  gitlabPlan(readGitlabContext({ GITLAB_CI: 'true', ...env }), mode);

describe('gitlabPlan', () => {
  it('scans a merge request from its diff base to its head, as a request whose config is read from the base', () => {
    expect(
      plan({ CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '4', CI_MERGE_REQUEST_DIFF_BASE_SHA: A, CI_COMMIT_SHA: B }),
    ).toEqual({
      kind: 'range',
      base: A,
      head: B,
      label: `the commits of merge request !4 (${A.slice(0, 12)}..${B.slice(0, 12)})`,
      pullRequest: true,
    });
  });

  it("ends a merged results pipeline's range at the source branch head, not the merge commit", () => {
    const p = plan({
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: A,
      CI_COMMIT_SHA: C,
      CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: B,
    });
    expect(p).toMatchObject({ kind: 'range', base: A, head: B });
  });

  it('scans a push from the before SHA, and a new branch or tag against the default branch', () => {
    const push = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: B, CI_COMMIT_BRANCH: 'feature', CI_DEFAULT_BRANCH: 'main' };
    expect(plan({ ...push, CI_COMMIT_BEFORE_SHA: A })).toMatchObject({
      kind: 'push',
      base: A,
      head: B,
      branch: { ref: 'refs/heads/feature', defaultBranch: 'main' },
    });
    expect(plan({ ...push, CI_COMMIT_BEFORE_SHA: ZERO })).toMatchObject({ kind: 'branch', head: B, branch: { ref: 'refs/heads/feature' } });
    expect(plan({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: B, CI_COMMIT_TAG: 'v1', CI_COMMIT_BEFORE_SHA: ZERO })).toMatchObject({
      kind: 'branch',
      branch: { ref: 'refs/tags/v1', defaultBranch: undefined },
    });
  });

  it('audits the history on schedules and other sources, and when variables are missing or malformed', () => {
    expect(plan({ CI_PIPELINE_SOURCE: 'schedule' })).toEqual({ kind: 'history', label: 'the full history (pipeline source schedule)' });
    expect(plan({ CI_PIPELINE_SOURCE: 'web' }).kind).toBe('history');
    expect(plan({ CI_PIPELINE_SOURCE: 'merge_request_event', CI_COMMIT_SHA: B }).kind).toBe('history');
    expect(
      plan({ CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_DIFF_BASE_SHA: 'HEAD~1; rm -rf /', CI_COMMIT_SHA: B }).kind,
    ).toBe('history');
    expect(plan({ CI_PIPELINE_SOURCE: 'push' }).kind).toBe('history');
    expect(plan({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: B }, 'files').kind).toBe('files');
  });
});
