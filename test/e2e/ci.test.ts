/**
 * `keyscan ci` with simulated GitHub Actions events against real repositories: full clones, and
 * shallow checkouts of a file:// "remote" made the way actions/checkout makes them.
 */
import { describe, expect, it } from 'vitest';
import { type CiRun, runCi, shallowCheckout } from '../helpers/actions.js';
import { keyscan } from '../helpers/cli.js';
import { type ForkedHistory, forcePushAway, forkedHistories } from '../helpers/forked-history.js';
import { commit, git, gitAs } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

const ZERO = '0'.repeat(40);

interface Project extends ForkedHistory {
  /** Added by the pull request's first commit (feature's key). */
  readonly prKey: string;
  /** The pull request's base: main's tip. */
  readonly base: string;
}

/** The shared history with refs/pull/5/merge and refs/pull/5/head as GitHub keeps them for the pull request. */
const project = forkedHistories((h): Project => {
  git(h.dir, 'checkout', '-q', '--detach', h.mainTip);
  gitAs({ date: '2024-01-06T00:00:00Z' }, h.dir, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
  git(h.dir, 'update-ref', 'refs/pull/5/merge', 'HEAD');
  git(h.dir, 'update-ref', 'refs/pull/5/head', h.head);
  git(h.dir, 'checkout', '-q', 'main');
  return { ...h, prKey: h.newKey, base: h.mainTip };
});

function prEvent(p: Project): unknown {
  return {
    action: 'synchronize',
    number: 5,
    pull_request: { number: 5, commits: 2, base: { ref: 'main', sha: p.base }, head: { ref: 'feature', sha: p.head } },
    repository: { full_name: 'acme/widgets', default_branch: 'main' },
  };
}

/** Nothing keyscan ci wrote anywhere may hold any 8-character slice of a secret. */
function expectNoSecret(run: CiRun, ...secrets: string[]): void {
  const everything = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), run.sarifText].join('\n');
  for (const secret of secrets) for (const s of slices(secretBody(secret))) expect(everything).not.toContain(s);
}

function annotations(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
}

describe('keyscan ci on pull_request', () => {
  it('scans the commits of the pull request only, and writes outputs, summary, annotations and SARIF', async () => {
    const p = project();
    const r = await runCi(p.dir, 'pull_request', prEvent(p));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pull_request event: scanning the commits of pull request #5');
    expect(r.outputs).toEqual({ findings: '1', sarif: expect.stringMatching(/\/keyscan\.sarif$/) });
    expect(r.sarif?.runs[0]?.results.map((x) => x.ruleId)).toEqual(['github-pat']);
    expect(annotations(r.stdout)).toEqual([
      expect.stringMatching(
        /^::error file=src\/client\.js,line=1,endLine=1,col=23,endColumn=62,title=keyscan%3A GitHub personal access token \(classic\)::github-pat: ghp_\*\*\*\*\. Introduced in [0-9a-f]{12} on 2024-01-03\. It is live on feature\. Revoke it first/,
      ),
    ]);
    // The human report is printed with workflow commands off, so repository text cannot become one.
    const stop = /^::stop-commands::([0-9a-f]{32})$/m.exec(r.stdout);
    expect(stop).not.toBeNull();
    expect(r.stdout).toContain(`::${stop?.[1]}::`);
    expect(r.stdout.indexOf('src/client.js:1:23')).toBeGreaterThan(r.stdout.indexOf('::stop-commands::'));

    expect(r.summary).toContain('## keyscan: 1 secret found');
    expect(r.summaryText).toContain(`Scanned the commits of pull request #5 (${p.base.slice(0, 12)}..${p.head.slice(0, 12)}): 2 commits.`);
    expect(r.summaryHtml).toContain('<code>github-pat</code> GitHub personal access token (classic)');
    expect(r.summaryHtml).toMatch(
      /<a href="https:\/\/github\.com\/acme\/widgets\/blob\/[0-9a-f]{40}\/src\/client\.js#L1"><code>src\/client\.js:1<\/code><\/a>/,
    );
    expect(r.summaryHtml).toContain('<code>ghp_****</code>');
    expect(r.summaryHtml).toContain('<strong>Revoke the key first.</strong>');
    expectNoSecret(r, p.prKey, p.oldKey);
  });

  it('exits 0 with --no-fail and still reports the findings', async () => {
    const p = project();
    const r = await runCi(p.dir, 'pull_request', prEvent(p), ['--no-fail']);
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe('1');
    expect(annotations(r.stdout)).toHaveLength(1);
  });

  it('deepens a shallow checkout by itself until the whole range is there', async () => {
    const p = project();
    const checkout = shallowCheckout(p.dir, 'refs/pull/5/merge');
    expect(git(checkout, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const r = await runCi(checkout, 'pull_request', prEvent(p));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('keyscan: Fetched to depth 20 from the remote.');
    expect(r.summaryHtml).toMatch(/<blockquote>\s*<p>Fetched to depth 20 from the remote\.<\/p>/);
    expect(r.outputs.findings).toBe('1');
    expect(r.summaryText).toContain(': 2 commits.');
    expectNoSecret(r, p.prKey);
  });

  it('deepens in rounds when the first fetch is not enough', async () => {
    const p = project();
    // Base moved 30 commits past the fork point: a depth-20 fetch cannot reach the merge base.
    git(p.dir, 'checkout', '-q', 'main');
    for (let i = 0; i < 30; i++) commit(p.dir, `main ${i}`, { 'CHANGELOG.md': `# changes ${i}\n` });
    const base = git(p.dir, 'rev-parse', 'HEAD').trim();
    const checkout = shallowCheckout(p.dir, 'refs/pull/5/head');
    const r = await runCi(checkout, 'pull_request', {
      pull_request: { number: 5, commits: 2, base: { sha: base }, head: { sha: p.head } },
    });
    expect(r.stderr).toContain('Fetched to depth 20');
    expect(r.stderr).toContain('Fetched to depth 80');
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain(': 2 commits.');
  });

  it('exits 2 naming fetch-depth when a shallow checkout has no remote, and writes no outputs', async () => {
    const p = project();
    const checkout = shallowCheckout(p.dir, 'refs/pull/5/merge');
    git(checkout, 'remote', 'remove', 'origin');
    const r = await runCi(checkout, 'pull_request', prEvent(p));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /keyscan: error: this clone does not hold all of [0-9a-f]{12}\.\.[0-9a-f]{12} \(missing [0-9a-f]{12}, [0-9a-f]{12}\) and there is no remote "origin" to fetch from/,
    );
    expect(r.stderr).toContain('fetch-depth: 0');
    expect(annotations(r.stdout)[0]).toMatch(/^::error title=keyscan could not scan::this clone does not hold all of .*fetch-depth: 0/);
    expect(r.summary).toContain('## keyscan: could not scan');
    expect(r.summaryText).toContain('fetch-depth: 0');
    expect(r.outputs).toEqual({});
    expect(r.sarif).toBeUndefined();

    const noFetch = await runCi(shallowCheckout(p.dir, 'refs/pull/5/merge'), 'pull_request', prEvent(p), ['--no-fetch']);
    expect(noFetch.code).toBe(2);
    expect(noFetch.stderr).toContain('fetching is off (--no-fetch)');
  });
});

describe('keyscan ci on push', () => {
  it('scans before..after', async () => {
    const p = project();
    git(p.dir, 'checkout', '-q', 'feature');
    const after = commit(p.dir, 'another key', { 'deploy.sh': `export NPM_TOKEN=${tokens.npm()}\n` });
    const r = await runCi(p.dir, 'push', { ref: 'refs/heads/feature', before: p.head, after, repository: { default_branch: 'main' } });
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain(`Scanned the pushed commits of feature (${p.head.slice(0, 12)}..${after.slice(0, 12)}): 1 commit.`);
    expect(r.sarif?.runs[0]?.results.map((x) => x.ruleId)).toEqual(['npm-access-token']);
  });

  it('scans a new branch for its commits that are not on the default branch', async () => {
    const p = project();
    const event = { ref: 'refs/heads/feature', before: ZERO, after: p.head, created: true, repository: { default_branch: 'main' } };
    const r = await runCi(p.dir, 'push', event);
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain(
      `Scanned the commits of feature that are not on main (${p.base.slice(0, 12)}..${p.head.slice(0, 12)}): 2 commits.`,
    );
    expect(r.outputs.findings).toBe('1');
    expectNoSecret(r, p.prKey, p.oldKey);
  });

  it('falls back to the branch when a force push removed `before` from the remote', async () => {
    const p = project();
    const { gone, after } = forcePushAway(p);
    const checkout = shallowCheckout(p.dir, 'refs/heads/feature');
    const event = { ref: 'refs/heads/feature', before: gone, after, forced: true, repository: { default_branch: 'main' } };
    const r = await runCi(checkout, 'push', event);
    expect(r.stderr).toContain(`The commit before the push (${gone.slice(0, 12)}) is gone from the remote (a force push)`);
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain(
      `Scanned the commits of feature that are not on main (${p.base.slice(0, 12)}..${after.slice(0, 12)}): 3 commits.`,
    );
    expect(r.outputs.findings).toBe('1');
  });

  it('has nothing to scan when the push deleted the branch', async () => {
    const p = project();
    const r = await runCi(p.dir, 'push', { ref: 'refs/heads/old', before: p.head, after: ZERO, deleted: true });
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe('0');
    expect(r.summaryText).toContain('Scanned nothing: the push deleted old');
  });
});

describe('keyscan ci on schedule', () => {
  it('audits the whole history, also of a shallow checkout, which it unshallows', async () => {
    const p = project();
    const checkout = shallowCheckout(p.dir, 'refs/heads/main');
    const r = await runCi(checkout, 'schedule', { schedule: '0 3 * * 1' });
    expect(r.stderr).toContain('Fetched the whole history from the remote.');
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain('Scanned the full history (schedule)');
    expect(r.sarif?.runs[0]?.results.map((x) => x.ruleId).sort()).toEqual(['github-pat', 'stripe-secret-key']);
    // The old key was removed on main; the feature branch's key is still on its tip.
    expect(r.summaryText).toMatch(/[0-9a-f]{12} · only in history \(removed in [0-9a-f]{12}\)/);
    expect(r.summaryText).toMatch(/[0-9a-f]{12} · live on origin\/feature/);
    expectNoSecret(r, p.prKey, p.oldKey);
  });
});

describe('keyscan ci outside GitHub Actions', () => {
  it('asks for a mode instead of guessing, and runs an explicit one', async () => {
    const p = project();
    const blank = { GITHUB_ACTIONS: '', GITHUB_EVENT_NAME: '', GITHUB_EVENT_PATH: '', GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' };
    const auto = await keyscan(['ci'], { cwd: p.dir, env: blank });
    expect(auto.code).toBe(2);
    expect(auto.stderr).toContain('GITHUB_EVENT_NAME is not set');
    const files = await keyscan(['ci', '--mode', 'files', '--sarif-output', `${p.dir}/.git/k.sarif`], { cwd: p.dir, env: blank });
    expect(files.code).toBe(0);
    expect(files.stderr).toContain('no secrets found in 2 files');
  });

  it('reports an unreadable event file as an error', async () => {
    const p = project();
    const r = await runCi(p.dir, 'pull_request', {}, [], { GITHUB_EVENT_PATH: `${p.dir}/missing.json` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read the event file');
  });
});
