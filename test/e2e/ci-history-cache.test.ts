/**
 * `keyscan ci --cache-dir` (and the action's cache-dir input) on scheduled history audits: the
 * cache kept between runs, as actions/cache and GitLab's `cache:` keep a directory, rescans only
 * what is new, and the log and job summary say how much it vouched for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCi } from '../helpers/actions.js';
import { runGitlabCi } from '../helpers/gitlab.js';
import { commit, git, makeRepo, tempDir } from '../helpers/repo.js';
import { secretBody, slices, tokens } from '../helpers/tokens.js';

function project(): { dir: string; key: string } {
  const dir = makeRepo();
  const key = tokens.stripeLive();
  commit(dir, 'initial', { 'README.md': '# app\n' }, { date: '2024-01-01T00:00:00Z' });
  commit(dir, 'config', { 'config.js': `module.exports = { stripe: "${key}" };\n` }, { date: '2024-01-02T00:00:00Z' });
  for (let i = 0; i < 6; i++) commit(dir, `notes ${i}`, { [`notes/${i}.md`]: `${i}\n` }, { date: `2024-01-1${i}T00:00:00Z` });
  return { dir, key };
}

const ruleIds = (sarif: { runs: Array<{ results: Array<{ ruleId: string }> }> } | undefined): string[] =>
  (sarif?.runs[0]?.results ?? []).map((r) => r.ruleId).sort();

describe('keyscan ci on schedule with a history cache', () => {
  it('rescans only new commits on the next scheduled run, says so in the log and the job summary, and still finds a new key', async () => {
    const { dir, key } = project();
    const cacheDir = join(tempDir(), 'keyscan-cache');
    const first = await runCi(dir, 'schedule', { schedule: '0 3 * * *' }, ['--cache-dir', cacheDir]);
    expect(first.code, first.stderr).toBe(1);
    expect(first.summaryText).toContain('all 8 commits were scanned, and the cache was written for the next run');
    expect(existsSync(join(cacheDir, 'history.json'))).toBe(true);

    const second = await runCi(dir, 'schedule', { schedule: '0 3 * * *' }, ['--cache-dir', cacheDir]);
    expect(second.code).toBe(1);
    expect(ruleIds(second.sarif)).toEqual(ruleIds(first.sarif));
    expect(second.sarif?.runs[0]?.results).toEqual(first.sarif?.runs[0]?.results);
    // The commit with the key is rescanned; the seven without are vouched for, and counted where the user looks.
    expect(second.summaryText).toContain('Scanned the full history (schedule): 8 commits (7 of them not rescanned');
    expect(second.summaryText).toContain(`History cache ${cacheDir}: 7 of 8 commits were not rescanned`);
    expect(second.stderr).toContain('7 of 8 commits were not rescanned');

    const newKey = tokens.githubPat();
    commit(dir, 'client', { 'client.js': `export const token = "${newKey}";\n` }, { date: '2024-02-01T00:00:00Z' });
    const third = await runCi(dir, 'schedule', { schedule: '0 3 * * *' }, ['--cache-dir', cacheDir]);
    expect(ruleIds(third.sarif)).toEqual(['github-pat', 'stripe-secret-key']);
    expect(third.summaryText).toContain('7 of 9 commits were not rescanned');
    for (const run of [first, second, third]) {
      const everything = [run.stdout, run.stderr, run.summary, run.sarifText, readFileSync(join(cacheDir, 'history.json'), 'utf8')].join(
        '\n',
      );
      for (const s of [...slices(secretBody(key)), ...slices(secretBody(newKey))]) expect(everything).not.toContain(s);
    }
  });

  it('uses no cache on a pull request or push, even when given one', async () => {
    const { dir } = project();
    const cacheDir = join(tempDir(), 'keyscan-cache');
    const base = git(dir, 'rev-parse', 'HEAD~1').trim();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const event = { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main' } };
    const push = await runCi(dir, 'push', event, ['--cache-dir', cacheDir]);
    expect(push.code, push.stderr).toBe(0);
    expect(push.summaryText).not.toContain('History cache');
    expect(existsSync(cacheDir)).toBe(false);
  });
});

describe('keyscan ci in a GitLab scheduled pipeline with a history cache', () => {
  it('keeps the cache in the directory GitLab caches and rescans only what is new', async () => {
    const { dir } = project();
    const vars = { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_SHA: git(dir, 'rev-parse', 'HEAD').trim(), CI_DEFAULT_BRANCH: 'main' };
    // GitLab caches paths inside the project directory: a relative --cache-dir is taken from there.
    const first = await runGitlabCi(dir, vars, ['--cache-dir', '.keyscan-cache']);
    expect(first.code, first.stderr).toBe(1);
    expect(existsSync(join(dir, '.keyscan-cache', 'history.json'))).toBe(true);
    const second = await runGitlabCi(dir, vars, ['--cache-dir', '.keyscan-cache']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`History cache ${join(dir, '.keyscan-cache')}: 7 of 8 commits were not rescanned`);
    expect(second.secretReport?.vulnerabilities).toEqual(first.secretReport?.vulnerabilities);
    expect(second.secretReport?.vulnerabilities.length).toBe(1);
  });

  it('does not trust a cache that was committed to the repository', async () => {
    const { dir } = project();
    const vars = { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_SHA: git(dir, 'rev-parse', 'HEAD').trim(), CI_DEFAULT_BRANCH: 'main' };
    await runGitlabCi(dir, vars, ['--cache-dir', '.keyscan-cache']);
    // Someone who can push commits the cache an audit wrote: the next audit must not take its word.
    git(dir, 'add', '-f', '.keyscan-cache/history.json');
    git(dir, 'commit', '-q', '-m', 'commit the cache');
    const r = await runGitlabCi(dir, vars, ['--cache-dir', '.keyscan-cache']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('holds files committed to the repository: a cache from a commit is not trusted');
    expect(r.stderr).not.toContain('were not rescanned');
    expect(r.stderr).toContain('in 9 commits\n');
  });
});
