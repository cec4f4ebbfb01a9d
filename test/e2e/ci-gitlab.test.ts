/**
 * `keyscan ci` in simulated GitLab CI jobs (the runner's predefined variables, helpers/gitlab.ts)
 * against real repositories: merge request, push, new branch, force push and schedule pipelines,
 * full clones and shallow ones of a file:// "remote" as the runner's GIT_DEPTH makes them. The
 * report artifacts are checked against the facts of GitLab's published formats.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shallowCheckout } from '../helpers/actions.js';
import { ROOT } from '../helpers/cli.js';
import { hasControl } from '../helpers/control.js';
import { type ForkedHistory, forcePushAway, forkedHistories } from '../helpers/forked-history.js';
import { type GitlabRun, runGitlabCi } from '../helpers/gitlab.js';
import { commit, git, makeRepo } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

const ZERO = '0'.repeat(40);
const facts = JSON.parse(readFileSync(`${ROOT}fixtures/gitlab/secret-detection-report-15.0.7.facts.json`, 'utf8')) as object;
const validate = new Ajv({ strict: true, allErrors: true }).compile(facts);

interface Project extends ForkedHistory {
  /** Added by the merge request's first commit (feature's key). */
  readonly mrKey: string;
}

/** The shared history with refs/merge-requests/7/head, checked out detached at the merge request's head. */
const project = forkedHistories((h): Project => {
  git(h.dir, 'update-ref', 'refs/merge-requests/7/head', h.head);
  git(h.dir, 'checkout', '-q', '--detach', h.head);
  return { ...h, mrKey: h.newKey };
});

function mergeRequest(p: Project): Record<string, string> {
  return {
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '7',
    CI_MERGE_REQUEST_DIFF_BASE_SHA: p.forkPoint,
    CI_COMMIT_SHA: p.head,
    CI_DEFAULT_BRANCH: 'main',
  };
}

/** Nothing keyscan ci wrote anywhere may hold any 8-character slice of a secret. */
function expectNoSecret(run: GitlabRun, ...secrets: string[]): void {
  const everything = [run.stdout, run.stderr, run.reportText].join('\n');
  for (const secret of secrets) for (const s of slices(secretBody(secret))) expect(everything).not.toContain(s);
}

function ruleIds(run: GitlabRun): string[] {
  return (run.secretReport?.vulnerabilities ?? []).map((v) => (v.identifiers as Array<{ value: string }>)[0]?.value ?? '').sort();
}

describe('keyscan ci in a GitLab merge request pipeline', () => {
  it('scans the commits of the merge request and writes the security and code quality reports', async () => {
    const p = project();
    const r = await runGitlabCi(p.dir, mergeRequest(p));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `keyscan: merge_request_event pipeline: scanning the commits of merge request !7 (${p.forkPoint.slice(0, 12)}..${p.head.slice(0, 12)})`,
    );
    expect(r.stderr).toContain('keyscan: 1 secret found in 2 commits');
    expect(validate(r.secretReport), JSON.stringify(validate.errors)).toBe(true);
    expect(r.secretReport?.scan.status).toBe('success');
    expect(ruleIds(r)).toEqual(['github-pat']);
    expect(r.secretReport?.vulnerabilities[0]).toMatchObject({
      location: { file: 'src/client.js', start_line: 1, commit: { sha: expect.stringMatching(/^[0-9a-f]{40}$/) } },
      raw_source_code_extract: 'ghp_****',
    });
    expect(r.qualityReport).toEqual([
      expect.objectContaining({
        check_name: 'keyscan/github-pat',
        severity: 'critical',
        location: { path: 'src/client.js', lines: { begin: 1 } },
      }),
    ]);
    // The job log: the text report, no GitHub workflow commands.
    expect(r.stdout).toContain('src/client.js:1:23');
    expect(r.stdout).not.toMatch(/^::/m);
    expectNoSecret(r, p.mrKey, p.oldKey);
  });

  it("uses the target branch's config: an allowlist of ** added by the merge request silences nothing", async () => {
    const p = project();
    git(p.dir, 'checkout', '-q', 'feature');
    const head = commit(p.dir, 'silence it', { '.keyscan.yaml': 'allowlist:\n  paths: ["**"]\n' });
    const r = await runGitlabCi(p.dir, { ...mergeRequest(p), CI_COMMIT_SHA: head });
    expect(r.code).toBe(1);
    expect(ruleIds(r)).toEqual(['github-pat']);
    expect(r.stderr).toContain(
      "This merge request changes .keyscan.yaml; the check uses the base commit's version, and the merge request's would silence 1 finding.",
    );
    const trusted = await runGitlabCi(p.dir, { ...mergeRequest(p), CI_COMMIT_SHA: head }, ['--trust-pr-config']);
    expect(trusted.code).toBe(0);
    expect(ruleIds(trusted)).toEqual([]);
  });

  it('deepens a shallow clone (GIT_DEPTH) by itself until the whole range is there', async () => {
    const p = project();
    const clone = shallowCheckout(p.dir, 'refs/merge-requests/7/head');
    expect(git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const r = await runGitlabCi(clone, mergeRequest(p));
    expect(r.stderr).toContain('keyscan: Fetched');
    expect(r.code).toBe(1);
    expect(ruleIds(r)).toEqual(['github-pat']);
    expectNoSecret(r, p.mrKey);
  });

  it('exits 2 naming GIT_DEPTH when a shallow clone cannot be completed, and leaves a failed report', async () => {
    const p = project();
    const clone = shallowCheckout(p.dir, 'refs/merge-requests/7/head');
    git(clone, 'remote', 'remove', 'origin');
    const r = await runGitlabCi(clone, mergeRequest(p));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no remote "origin" to fetch from');
    expect(r.stderr).toContain('GIT_DEPTH: 0');
    expect(validate(r.secretReport), JSON.stringify(validate.errors)).toBe(true);
    expect(r.secretReport?.scan).toMatchObject({
      status: 'failure',
      messages: [{ level: 'fatal', value: expect.stringContaining('GIT_DEPTH: 0') }],
    });
  });
});

describe('keyscan ci in a GitLab push pipeline', () => {
  it('scans CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA', async () => {
    const p = project();
    git(p.dir, 'checkout', '-q', 'feature');
    const after = commit(p.dir, 'another key', { 'deploy.sh': `export NPM_TOKEN=${tokens.npm()}\n` });
    const r = await runGitlabCi(p.dir, {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BEFORE_SHA: p.head,
      CI_COMMIT_SHA: after,
      CI_COMMIT_BRANCH: 'feature',
      CI_DEFAULT_BRANCH: 'main',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`push pipeline: scanning the pushed commits of feature (${p.head.slice(0, 12)}..${after.slice(0, 12)})`);
    expect(r.stderr).toContain('in 1 commit');
    expect(ruleIds(r)).toEqual(['npm-access-token']);
  });

  it('scans a new branch (all-zero before SHA) for its commits that are not on the default branch', async () => {
    const p = project();
    const r = await runGitlabCi(p.dir, {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BEFORE_SHA: ZERO,
      CI_COMMIT_SHA: p.head,
      CI_COMMIT_BRANCH: 'feature',
      CI_DEFAULT_BRANCH: 'main',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `keyscan: scanned the commits of feature that are not on main (${p.mainTip.slice(0, 12)}..${p.head.slice(0, 12)})`,
    );
    expect(ruleIds(r)).toEqual(['github-pat']);
    expectNoSecret(r, p.mrKey, p.oldKey);
  });

  it('falls back to the branch when a force push removed the before SHA from the remote', async () => {
    const p = project();
    const { gone, after } = forcePushAway(p);
    const clone = shallowCheckout(p.dir, 'refs/heads/feature');
    const r = await runGitlabCi(clone, {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BEFORE_SHA: gone,
      CI_COMMIT_SHA: after,
      CI_COMMIT_BRANCH: 'feature',
      CI_DEFAULT_BRANCH: 'main',
    });
    expect(r.stderr).toContain(`The commit before the push (${gone.slice(0, 12)}) is gone from the remote (a force push)`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('in 3 commits');
    expect(ruleIds(r)).toEqual(['github-pat']);
  });
});

describe('keyscan ci in a GitLab scheduled pipeline', () => {
  it('audits the whole history of a shallow clone, which it unshallows, and writes the reports to CI_PROJECT_DIR', async () => {
    const p = project();
    const clone = shallowCheckout(p.dir, 'refs/heads/main');
    const r = await runGitlabCi(clone, { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_SHA: p.mainTip, CI_DEFAULT_BRANCH: 'main' }, [], null);
    expect(r.stderr).toContain('Fetched the whole history from the remote.');
    expect(r.stderr).toContain('scanning the full history (pipeline source schedule)');
    expect(r.stderr).toContain('keyscan: wrote gl-secret-detection-report.json and gl-code-quality-report.json');
    expect(r.code).toBe(1);
    expect(ruleIds(r)).toEqual(['github-pat', 'stripe-secret-key']);
    expect(validate(r.secretReport), JSON.stringify(validate.errors)).toBe(true);
    expectNoSecret(r, p.mrKey, p.oldKey);
    // The README's .gitlab-ci.yml collects exactly these files, also when the job fails.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').find((y) => y.includes('secret_detection:'));
    const job = (parse(block ?? '') as { keyscan: { script: string[]; artifacts: { when: string; reports: Record<string, string> } } })
      .keyscan;
    expect(job.script).toEqual(['npx -p keyscan-secrets keyscan ci']);
    expect(job.artifacts.when).toBe('always');
    expect(Object.keys(job.artifacts.reports).sort()).toEqual(['codequality', 'secret_detection']);
    for (const file of Object.values(job.artifacts.reports)) expect(existsSync(join(clone, file)), file).toBe(true);
  });
});

describe('keyscan ci on GitLab with hostile repository text', () => {
  it('escapes control characters and ANSI sequences of file names in the job log and the reports', async () => {
    const dir = makeRepo();
    const base = commit(dir, 'base', { 'README.md': '# app\n' });
    const key = tokens.githubPat();
    const name = 'x\u001b[0Ksection_start:1:fake\u001b[31m.js';
    const head = commit(dir, 'add', { [name]: `const t = "${key}";\n` });
    const r = await runGitlabCi(dir, {
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: base,
      CI_COMMIT_SHA: head,
    });
    expect(r.code).toBe(1);
    expect(hasControl(r.stdout)).toBe(false);
    expect(hasControl(r.stderr)).toBe(false);
    expect(r.reportText).not.toContain('\u001b');
    expect(JSON.stringify(r.qualityReport)).not.toContain('\\u001b');
    expectNoSecret(r, key);
  });
});
