/**
 * `keyscan ci` against a pull request that tries to silence its own check, and against text
 * from the repository that tries to become CI commands, markup or terminal control: real
 * repositories, the real CLI, GitHub's environment simulated (see helpers/actions.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsStep, parseOutputs, runCi } from '../helpers/actions.js';
import { BIN, collect, keyscan, ROOT } from '../helpers/cli.js';
import { hasControl } from '../helpers/control.js';
import { renderMarkdown } from '../helpers/markdown.js';
import { commit, git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface PullRequest {
  readonly dir: string;
  readonly base: string;
  readonly head: string;
  readonly event: unknown;
}

/**
 * main holds `baseFiles`; the pull request (one commit on `feature`, checked out) writes
 * `prFiles`, after `beforeCommit` has run in its work tree.
 */
async function pullRequest(
  baseFiles: Record<string, string>,
  prFiles: Record<string, string | Buffer>,
  beforeCommit?: (dir: string) => Promise<void>,
): Promise<PullRequest> {
  const dir = makeRepo();
  const base = commit(dir, 'base', { 'README.md': '# app\n', ...baseFiles });
  git(dir, 'checkout', '-q', '-b', 'feature');
  writeFiles(dir, prFiles);
  await beforeCommit?.(dir);
  const head = commit(dir, 'the pull request', {});
  return { dir, base, head, event: { pull_request: { number: 7, commits: 1, base: { sha: base }, head: { sha: head } } } };
}

/** Lines a runner would execute as workflow commands that keyscan did not mean to give. */
function strayCommands(text: string): string[] {
  const ours =
    /^::(stop-commands::[0-9a-f]{32}|[0-9a-f]{32}::|(error|warning|notice) file=|notice title=keyscan::|error title=keyscan could not scan::)/;
  return text.split(/\r?\n/).filter((l) => (/^\s*::/.test(l) && !ours.test(l)) || l.includes('##['));
}

const KEY_FILE = (key: string): Record<string, string> => ({ 'src/client.js': `export const token = "${key}";\n` });

describe('keyscan ci on a pull request that changes the config', () => {
  it('uses the base commit’s config: an allowlist of ** added by the pull request silences nothing', async () => {
    const key = tokens.githubPat();
    const p = await pullRequest({}, { '.keyscan.yaml': 'allowlist:\n  paths: ["**"]\n', ...KEY_FILE(key) });
    const r = await runCi(p.dir, 'pull_request', p.event);
    expect(r.code).toBe(1);
    expect(r.outputs.findings).toBe('1');
    const top = r.summaryText.slice(0, 400);
    expect(top).toContain("This pull request changes keyscan's configuration: .keyscan.yaml .");
    expect(top).toContain("The pull request's version would silence 1 finding that this check reports.");
    expect(r.stderr).toContain('This pull request changes .keyscan.yaml; the check uses the base commit');
  });

  it('reads the pull request’s version from its head commit when the base branch is checked out (pull_request_target)', async () => {
    const key = tokens.githubPat();
    const p = await pullRequest({}, { '.keyscan.yaml': 'allowlist:\n  paths: ["**"]\n', ...KEY_FILE(key) });
    git(p.dir, 'checkout', '-q', 'main');
    const r = await runCi(p.dir, 'pull_request_target', p.event);
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain("The pull request's version would silence 1 finding that this check reports.");
    const trusted = await runCi(p.dir, 'pull_request_target', p.event, ['--trust-pr-config']);
    expect(trusted.code).toBe(0);
  });

  it('reads a --config file inside the repository from the base commit too', async () => {
    const p = await pullRequest(
      { 'ci/keyscan.json': '{}\n' },
      { 'ci/keyscan.json': '{ "allowlist": { "paths": ["**"] } }\n', ...KEY_FILE(tokens.githubPat()) },
    );
    const r = await runCi(p.dir, 'pull_request', p.event, ['--config', 'ci/keyscan.json']);
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain("This pull request changes keyscan's configuration: ci/keyscan.json .");
    const missing = await runCi(p.dir, 'pull_request', p.event, ['--config', 'ci/nothing.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read config ci/nothing.json: neither the base commit nor the pull request has it');
  });

  it('takes a relative --config from the -C directory, and still from the base commit', async () => {
    const p = await pullRequest(
      { 'ci/keyscan.json': '{}\n' },
      { 'ci/keyscan.json': '{ "allowlist": { "paths": ["**"] } }\n', ...KEY_FILE(tokens.githubPat()) },
    );
    // Run from the repository's parent: `ci/keyscan.json` names the repository's file only when
    // resolved against -C, and resolved against the process directory it would be "outside the
    // repository", which reads the pull request's own work-tree copy.
    const r = await runCi(p.dir, 'pull_request', p.event, ['-C', basename(p.dir), '--config', 'ci/keyscan.json'], {}, dirname(p.dir));
    expect(r.code).toBe(1);
    expect(r.outputs.findings).toBe('1');
    expect(r.summaryText).toContain("This pull request changes keyscan's configuration: ci/keyscan.json .");
  });

  it('keeps a rule the pull request disables, in a config the base already had', async () => {
    const key = tokens.githubPat();
    const p = await pullRequest(
      { '.keyscan.json': '{ "exclude": ["docs/**"] }\n' },
      {
        '.keyscan.json': '{ "exclude": ["docs/**"], "disable": ["github-pat", "generic-secret-assignment"] }\n',
        ...KEY_FILE(key),
      },
    );
    const r = await runCi(p.dir, 'pull_request_target', p.event);
    expect(r.code).toBe(1);
    expect(r.sarif?.runs[0]?.results.map((x) => x.ruleId)).toEqual(['github-pat']);
    expect(r.summaryText).toContain('would silence 1 finding');
  });

  it('ignores baseline entries the pull request adds for its own key', async () => {
    const key = tokens.githubPat();
    const config = { '.keyscan.yaml': 'baseline: .keyscan-baseline.json\n' };
    const empty = makeRepo();
    // An empty baseline, as `keyscan baseline` writes it on a clean base.
    expect((await keyscan(['baseline'], { cwd: empty })).code).toBe(0);
    const baseline = readFileSync(join(empty, '.keyscan-baseline.json'), 'utf8');
    const p = await pullRequest({ ...config, '.keyscan-baseline.json': baseline }, KEY_FILE(key), async (dir) => {
      expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    });
    // The pull request's own baseline does accept its key:
    expect((await keyscan(['--range', `${p.base}..${p.head}`], { cwd: p.dir })).code).toBe(0);
    const r = await runCi(p.dir, 'pull_request', p.event);
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain("This pull request changes keyscan's configuration: .keyscan-baseline.json .");
    expect(r.summaryText).toContain('would silence 1 finding');
  });

  it('a default .keyscan-baseline.json that is no baseline is a warning and a scanned file, as in a plain scan, not an error', async () => {
    const notBaseline = { '.keyscan-baseline.json': '{ "name": "fixtures" }\n' };
    // A push: its key is found and the job says why no baseline applied.
    const dir = makeRepo();
    const base = commit(dir, 'base', { 'README.md': '# app\n' });
    const head = commit(dir, 'key', { ...notBaseline, ...KEY_FILE(tokens.githubPat()) });
    const push = await runCi(dir, 'push', { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main' } });
    expect(push.code, push.stderr).toBe(1);
    expect(push.stderr).toContain('warning: .keyscan-baseline.json is not a keyscan baseline');
    const plain = await keyscan(['--range', `${base}..${head}`], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('warning: .keyscan-baseline.json is not a keyscan baseline');
    // A pull request that adds such a file cannot turn its own check into an error.
    const p = await pullRequest({}, { ...notBaseline, ...KEY_FILE(tokens.githubPat()) });
    const r = await runCi(p.dir, 'pull_request', p.event);
    expect(r.code, r.stderr).toBe(1);
    expect(r.outputs.findings).toBe('1');
    expect(r.stderr).toMatch(/\.keyscan-baseline\.json \(commit [0-9a-f]{12}\) is not a keyscan baseline/);
  });

  it('reads the default .keyscan-baseline.json like a plain scan, from the base commit on a pull request', async () => {
    // A push: the branch's own baseline (no config names it) accepts its key.
    const dir = makeRepo();
    const base = commit(dir, 'base', { 'README.md': '# app\n' });
    writeFiles(dir, KEY_FILE(tokens.githubPat()));
    expect((await keyscan(['baseline'], { cwd: dir })).code).toBe(0);
    const head = commit(dir, 'accepted key', {});
    const push = await runCi(dir, 'push', { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main' } });
    expect(push.code).toBe(0);
    expect(push.summaryText).toContain('Silenced: 1 by the baseline');
    // A pull request that adds the same baseline for its own key does not get a clean check.
    const p = await pullRequest({}, KEY_FILE(tokens.githubPat()), async (d) => {
      expect((await keyscan(['baseline'], { cwd: d })).code).toBe(0);
    });
    const r = await runCi(p.dir, 'pull_request', p.event);
    expect(r.code).toBe(1);
    expect(r.summaryText).toContain("This pull request changes keyscan's configuration: .keyscan-baseline.json .");
    expect(r.summaryText).toContain('would silence 1 finding');
  });

  it('trusts the pull request’s config with --trust-pr-config, and still says what it silences', async () => {
    const key = tokens.githubPat();
    const p = await pullRequest({}, { '.keyscan.yaml': 'allowlist:\n  paths: ["**"]\n', ...KEY_FILE(key) });
    const r = await runCi(p.dir, 'pull_request', p.event, ['--trust-pr-config']);
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe('0');
    expect(r.summaryText).toContain("This check used the pull request's version (trust-pr-config is on). It silences 1 finding");
    expect(r.summaryText).toContain('Silenced: 1 by config allowlists');
  });

  it('the summary’s false-positive advice works as printed: a baseline committed to the base branch clears the check', async () => {
    const p = await pullRequest({}, KEY_FILE(tokens.githubPat()));
    const blocked = await runCi(p.dir, 'pull_request', p.event);
    expect(blocked.code).toBe(1);
    const advice = blocked.summaryText.split('\n').find((l) => l.includes('A false positive?')) ?? '';
    expect(advice).toContain('run npx keyscan baseline and commit .keyscan-baseline.json to the base branch');
    // As printed: run the baseline command where the finding is, and commit the file to the base branch.
    execFileSync(process.execPath, [BIN, 'baseline'], { cwd: p.dir, stdio: 'pipe' });
    const accepted = readFileSync(join(p.dir, '.keyscan-baseline.json'));
    git(p.dir, 'stash', '-q', '-u');
    git(p.dir, 'checkout', '-q', 'main');
    const base = commit(p.dir, 'accept a false positive', { '.keyscan-baseline.json': accepted });
    git(p.dir, 'checkout', '-q', 'feature');
    git(p.dir, 'stash', 'drop', '-q');
    git(p.dir, 'merge', '-q', '--no-edit', 'main');
    const head = git(p.dir, 'rev-parse', 'HEAD').trim();
    const event = { pull_request: { number: 7, commits: 2, base: { sha: base }, head: { sha: head } } };
    const cleared = await runCi(p.dir, 'pull_request', event);
    expect(cleared.code, cleared.stdout).toBe(0);
  });

  it('says nothing about the config when the pull request leaves it alone', async () => {
    const p = await pullRequest({ '.keyscan.yaml': 'exclude: ["docs/**"]\n' }, { 'docs/key.md': `${tokens.githubPat()}\n` });
    const r = await runCi(p.dir, 'pull_request', p.event);
    expect(r.code).toBe(0);
    expect(r.summaryText).not.toContain('changes keyscan');
    expect(r.summaryText).toContain('Skipped: 1 excluded by config');
  });

  it('honours keyscan:allow comments the pull request adds, and lists each with its file and line', async () => {
    const p = await pullRequest(
      {},
      {
        'src/client.js': `// setup\nexport const token = "${tokens.githubPat()}"; // keyscan:allow github-pat\n`,
        'assets/blob.bin': Buffer.from([0, 1, 2, 3, 0, 255, 0, 10]),
      },
    );
    const r = await runCi(p.dir, 'pull_request', p.event);
    expect(r.code).toBe(0);
    expect(r.summaryText).toContain('Silenced: 1 by keyscan:allow comments');
    expect(r.summaryText).toMatch(
      /Silenced by keyscan:allow comments \(1\); check that each is a false positive: src\/client\.js:2 : github-pat/,
    );
    expect(r.summaryHtml).toContain(
      `<a href="https://github.com/acme/widgets/blob/${p.head}/src/client.js#L2"><code>src/client.js:2</code></a>`,
    );
    expect(r.summaryText).toContain('Skipped: 1 binary');
  });
});

describe('keyscan ci output a repository can inject into', () => {
  it('quotes a config key holding line breaks and workflow commands without giving one', async () => {
    const dir = makeRepo();
    const base = commit(dir, 'base', { 'README.md': '# app\n' });
    const hostile = 'x\n::error::pwned\n::add-mask::oops\n::set-output name=findings::0\n##[set-output name=findings;]0';
    const head = commit(dir, 'config', { '.keyscan.json': `${JSON.stringify({ [hostile]: true })}\n` });
    const r = await runCi(dir, 'push', { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main' } });
    expect(r.code).toBe(2);
    expect(strayCommands(r.stdout)).toEqual([]);
    expect(strayCommands(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('x\\n::error::pwned\\n::add-mask::oops');
    expect(r.stdout).toMatch(/^::error title=keyscan could not scan::.*x\\n::error::pwned/m);
    expect(r.outputs).toEqual({});
    const html = renderMarkdown(r.summary);
    expect(html).not.toMatch(/<a[\s>]/);
    expect(r.summaryText).toContain('x\\n::error::pwned');
  });

  it('keeps hostile file names and user-rule descriptions out of the commands, the summary markup and the terminal', async () => {
    const dir = makeRepo();
    const base = commit(dir, 'base', { 'README.md': '# app\n' });
    const description = 'ACME key\n::error::pwned [docs](https://evil.example) www.evil.example <img src=x>';
    const rule = { id: 'acme-key', description, regex: 'acme_(?<secret>[a-z0-9]{16})', keywords: ['acme_'] };
    const rules = { rules: [{ ...rule, examples: { positive: ['k = acme_{{lowalnum:16}}'], negative: [] } }] };
    const name = 'x\n::warning::pwned\u001b[2K\r\u202e [a](https://evil.example).js';
    const head = commit(dir, 'add', {
      '.keyscan.json': JSON.stringify(rules),
      [name]: `k = acme_q7zr2lp9xw4kd8m3\nt = "${tokens.githubPat()}"\n`,
    });
    const r = await runCi(dir, 'push', { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main' } });
    expect(r.code).toBe(1);
    expect(r.outputs.findings).toBe('2');
    expect(strayCommands(r.stdout)).toEqual([]);
    expect(strayCommands(r.stderr)).toEqual([]);
    expect(hasControl(r.stdout + r.stderr)).toBe(false);
    const html = r.summaryHtml;
    // Links to the repository on GitHub and the rule's own revoke page only.
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) {
      expect(href).toMatch(/^https:\/\/(github\.com\/acme\/widgets\/|github\.com\/settings\/|cheatsheetseries\.owasp\.org\/)/);
    }
    expect(html.match(/<a /g)?.length).toBe(html.match(/<a href="https:\/\/(github\.com|cheatsheetseries\.owasp\.org)\//g)?.length);
    expect(html).not.toMatch(/<img[\s>]/);
    expect(r.summaryText).toContain('ACME key\\n::error::pwned [docs](https://evil.example) www.evil.example <img src=x>');
  });

  it('prints control characters in paths as escapes in the text report, staged help and warnings', async () => {
    const name = 'decoy\u001b[1A\u001b[2K\rNo secrets found\u202e\u2066.js';
    const dir = makeRepo({ [name]: `t = "${tokens.githubPat()}"\n` });
    const files = await keyscan([], { cwd: dir });
    expect(files.code).toBe(1);
    expect(hasControl(files.stdout)).toBe(false);
    expect(files.stdout).toContain('decoy\\x1b[1A\\x1b[2K\\rNo secrets found\\u202e\\u2066.js:1:6');
    git(dir, 'add', '-A');
    const staged = await keyscan(['--staged'], { cwd: dir });
    expect(staged.code).toBe(1);
    expect(staged.stdout).toContain('Commit blocked');
    expect(hasControl(staged.stdout + staged.stderr)).toBe(false);
    writeFileSync(join(dir, '.keyscan.json'), JSON.stringify({ 'k\u001b]0;title\u0007': 1 }));
    const config = await keyscan([], { cwd: dir });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('k\\x1b]0;title\\x07');
    expect(hasControl(config.stderr)).toBe(false);
  });
});

/** Adds search permission for others to `dir` and each directory above it (never read or write). */
function letOthersTraverse(dir: string): void {
  for (let d = resolvePath(dir); ; d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, (mode & 0o7777) | 0o001);
    if (dirname(d) === d) break;
  }
}

describe('keyscan ci outputs and wording', () => {
  it('sets no findings= or sarif= output when the scan is incomplete (exit 2)', async () => {
    const dir = makeRepo({ 'readable.txt': 'hello\n', 'locked.txt': 'secret?\n' }, { commit: true });
    const step = actionsStep('workflow_dispatch', {}, dir);
    const sarif = join(tempDir(), 'k.sarif');
    let uid: number | undefined;
    if (process.getuid?.() === 0) {
      // root reads anything: run as nobody, who may read the repository but not locked.txt.
      uid = 65534;
      for (const d of [dir, join(step.outputFile, '..'), join(sarif, '..')]) chmodSync(d, 0o777);
      for (const f of [step.outputFile, step.summaryFile]) chmodSync(f, 0o666);
      git(dir, 'config', 'core.sharedRepository', 'world');
      chmodSync(join(dir, '.git'), 0o755);
      // nobody must reach this checkout's CLI and the Node.js running it too, wherever CI put them
      // (mktemp -d makes 0700; .ci/run fetches the LTS Node.js into one).
      letOthersTraverse(ROOT);
      letOthersTraverse(dirname(process.execPath));
    }
    chmodSync(join(dir, 'locked.txt'), 0o000);
    const child = spawn(process.execPath, [BIN, 'ci', '--mode', 'files', '--sarif-output', sarif], {
      cwd: dir,
      env: {
        ...process.env,
        ...step.env,
        NO_COLOR: '1',
        HOME: tempDir(),
        // Owned by root, read by nobody: git asks for this.
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'safe.directory',
        GIT_CONFIG_VALUE_0: '*',
      },
      ...(uid !== undefined ? { uid, gid: uid } : {}),
    });
    child.stdin.end();
    const r = await collect(child);
    expect(r.stdout).toContain('locked.txt: permission denied');
    expect(r.code).toBe(2);
    expect(parseOutputs(readFileSync(step.outputFile, 'utf8'))).toEqual({});
    expect(readFileSync(step.summaryFile, 'utf8')).toContain('## keyscan: scan incomplete (1 path could not be scanned)');
  });

  it('gives one count and one wording in log, summary and findings=, severest rows first, env files without an empty secret', async () => {
    const p = await pullRequest({}, { ...KEY_FILE(tokens.githubPat()), '.env': 'PORT=8080\n' });
    const r = await runCi(p.dir, 'pull_request', p.event);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('keyscan: 1 secret and 1 env-file issue found in 1 commit');
    expect(r.summary).toContain('## keyscan: 1 secret and 1 env-file issue found');
    expect(r.outputs.findings).toBe('2');
    const rows = r.summary.split('\n').filter((l) => /^\| (critical|high|medium|low|info) \|/.test(l));
    expect(rows.map((l) => l.split(' | ')[0])).toEqual(['| critical', '| high']);
    expect(r.summaryHtml).not.toContain('<code></code>');
    const env = r.stdout.split('\n').find((l) => l.includes('file=.env,'));
    expect(env).toMatch(/,title=keyscan%3A Env file committed to git history::env-file-committed: \.env is an env file that was committed/);
    expect(env).not.toMatch(/env-file-committed: \. /);
  });

  it('warns when the SARIF report lands inside the repository where git would commit it', async () => {
    const p = await pullRequest({}, { 'README.md': '# app, edited\n' });
    const step = actionsStep('pull_request', p.event, p.dir);
    const r = await keyscan(['ci', '--sarif-output', 'keyscan.sarif'], { cwd: p.dir, env: step.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('The SARIF report keyscan.sarif is inside the repository and git does not ignore it');
    expect(readFileSync(step.summaryFile, 'utf8')).toContain('is inside the repository');
    writeFileSync(join(p.dir, '.gitignore'), 'keyscan.sarif\n');
    const ignored = await keyscan(['ci', '--sarif-output', 'keyscan.sarif'], { cwd: p.dir, env: step.env });
    expect(ignored.stderr).not.toContain('inside the repository');
  });
});
