import { describe, expect, it } from 'vitest';
import type { ActionsContext } from '../../../src/ci/github/context.js';
import { planFor } from '../../../src/ci/github/plan.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

function ctx(eventName: string, event: unknown): ActionsContext {
  return {
    eventName,
    event,
    repository: 'o/r',
    serverUrl: 'https://github.com',
    sha: B,
    ref: 'refs/heads/feature',
    workspace: undefined,
    stepSummary: undefined,
    output: undefined,
  };
}

describe('planFor', () => {
  it('scans the commits of a pull request, with a first fetch depth from its commit count, marked as a pull request', () => {
    const event = { pull_request: { number: 7, commits: 3, base: { sha: A }, head: { sha: B } } };
    for (const name of ['pull_request', 'pull_request_target']) {
      expect(planFor(ctx(name, event), 'auto')).toEqual({
        kind: 'range',
        base: A,
        head: B,
        depthHint: 4,
        label: 'the commits of pull request #7 (aaaaaaaaaaaa..bbbbbbbbbbbb)',
        pullRequest: true,
      });
    }
  });

  it('scans before..after of a push, and knows the branch for the force-push fallback', () => {
    const plan = planFor(ctx('push', { before: A, after: B, ref: 'refs/heads/dev', repository: { default_branch: 'main' } }), 'auto');
    expect(plan).toMatchObject({ kind: 'push', base: A, head: B, branch: { ref: 'refs/heads/dev', defaultBranch: 'main' } });
  });

  it('scans a new branch against the default branch, and nothing for a deleted one', () => {
    const created = { before: ZERO, after: B, created: true, ref: 'refs/heads/dev', repository: { default_branch: 'main' } };
    expect(planFor(ctx('push', created), 'auto')).toMatchObject({ kind: 'branch', head: B, branch: { defaultBranch: 'main' } });
    expect(planFor(ctx('push', { before: A, after: ZERO, deleted: true, ref: 'refs/heads/dev' }), 'auto')).toMatchObject({ kind: 'none' });
  });

  it('scans the whole history on schedule, workflow_dispatch and events without a range', () => {
    expect(planFor(ctx('schedule', {}), 'auto').kind).toBe('history');
    expect(planFor(ctx('workflow_dispatch', {}), 'auto').kind).toBe('history');
    expect(planFor(ctx('release', {}), 'auto')).toMatchObject({ kind: 'history', label: expect.stringContaining('set mode') });
  });

  it('never trusts a malformed payload with a range: a bad SHA means the full history', () => {
    const bad = { pull_request: { base: { sha: 'HEAD~1; rm -rf /' }, head: { sha: B } } };
    expect(planFor(ctx('pull_request', bad), 'auto')).toMatchObject({ kind: 'history' });
    expect(planFor(ctx('merge_group', { merge_group: { base_sha: A, head_sha: B } }), 'auto')).toMatchObject({
      kind: 'range',
      base: A,
      head: B,
    });
  });

  it('follows an explicit mode whatever the event', () => {
    const event = { pull_request: { base: { sha: A }, head: { sha: B } } };
    expect(planFor(ctx('pull_request', event), 'history').kind).toBe('history');
    expect(planFor(ctx('pull_request', event), 'files').kind).toBe('files');
  });
});
