/**
 * The scanned repository's own git configuration (and what it can plant: replace refs, grafts,
 * hooks, attributes) must neither change what keyscan sees nor run anything. Each test builds a
 * real repository, makes it hostile, and compares with what keyscan reports without the hostility.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCi, shallowCheckout } from '../helpers/actions.js';
import { BIN, keyscan } from '../helpers/cli.js';
import { commit, git, gitAs, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; startLine: number; commit?: string; source: string }>;
  stats: { skipped: Record<string, number> };
}
const json = (s: string): Report => JSON.parse(s) as Report;
const summary = (r: Report): string[] => r.findings.map((f) => `${f.ruleId} ${f.path}:${f.startLine} ${f.commit ?? f.source}`).sort();

async function scanJson(dir: string, args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; report: Report }> {
  const r = await keyscan([...args, '-f', 'json'], { cwd: dir, env });
  if (r.code === 2) throw new Error(`keyscan ${args.join(' ')} failed: ${r.stderr}`);
  return { code: r.code, report: json(r.stdout) };
}

/** Settings that change what `git log -p`, `git diff` and `git ls-files` print, all at once. */
const HOSTILE_OUTPUT: ReadonlyArray<readonly [string, string]> = [
  ['log.showRoot', 'false'],
  ['diff.noprefix', 'true'],
  ['diff.mnemonicPrefix', 'true'],
  ['diff.relative', 'true'],
  ['diff.renames', 'copies'],
  ['diff.algorithm', 'histogram'],
  ['diff.context', '7'],
  ['diff.interHunkContext', '20'],
  ['diff.suppressBlankEmpty', 'true'],
  ['diff.wsErrorHighlight', 'all'],
  ['diff.submodule', 'diff'],
  ['diff.ignoreSubmodules', 'all'],
  ['color.ui', 'always'],
  ['color.diff', 'always'],
  ['core.quotePath', 'true'],
  ['log.decorate', 'full'],
  ['log.follow', 'true'],
  ['log.abbrevCommit', 'true'],
  ['log.date', 'relative'],
  ['log.mailmap', 'true'],
  ['format.pretty', 'format:%s'],
  ['i18n.logOutputEncoding', 'ISO-8859-1'],
  ['log.showSignature', 'true'],
  ['status.showUntrackedFiles', 'no'],
  ['core.bigFileThreshold', '1'],
  ['fetch.prune', 'true'],
];

describe("the scanned repository's git config does not change what is scanned", () => {
  it('finds the same in files, --staged, --range and --history with every output setting turned hostile', async () => {
    const dir = makeRepo();
    // The root commit holds a key: log.showRoot=false alone used to hide it.
    commit(dir, 'root', { 'config.js': `export const key = "${tokens.stripeLive()}";\n` });
    commit(dir, 'more', {
      'café/notes.txt': `a\n\nb\nc\nd\ntoken=${tokens.githubPat()}\n\ne\n`,
      'zz.txt': 'plain\n',
    });
    // An orphan branch: its root commit is inside main..vendor.
    git(dir, 'checkout', '-q', '--orphan', 'vendor');
    git(dir, 'rm', '-rq', '--cached', '.');
    for (const name of ['café', 'config.js', 'zz.txt']) rmSync(join(dir, name), { recursive: true });
    commit(dir, 'vendored', { 'vendor.sh': `export NPM_TOKEN=${tokens.npm()}\n` });
    git(dir, 'checkout', '-q', '-f', 'main');
    writeFiles(dir, { 'deploy.sh': `export SLACK=${tokens.slackBot()}\n`, '.mailmap': 'Other <x@example.com> <author@example.com>\n' });
    git(dir, 'add', 'deploy.sh');
    const modes = [['.'], ['--staged'], ['--range', 'main..vendor'], ['--history']];

    const before = [];
    for (const args of modes) before.push(await scanJson(dir, args));
    for (const [key, value] of HOSTILE_OUTPUT) git(dir, 'config', key, value);
    writeFileSync(join(dir, '.git', 'order'), 'zz.txt\n*\n');
    git(dir, 'config', 'diff.orderFile', join(dir, '.git', 'order'));
    for (const [i, args] of modes.entries()) {
      const after = await scanJson(dir, args, { GIT_DIFF_OPTS: '--unified=9', GIT_LITERAL_PATHSPECS: '1' });
      expect({ args, code: after.code, findings: summary(after.report) }).toEqual({
        args,
        code: before[i]?.code,
        findings: summary(before[i]?.report as Report),
      });
    }
    expect(before.map((b) => b.report.findings.length)).toEqual([3, 1, 1, 3]);
    expect(before[3]?.report.findings.map((f) => f.path).sort()).toEqual(['café/notes.txt', 'config.js', 'vendor.sh']);
  });

  it('reads commits as stored: replace refs do not hide one', async () => {
    const dir = makeRepo();
    const first = commit(dir, 'first', { 'README.md': '# app\n' });
    commit(dir, 'leak', { 'config.js': `export const key = "${tokens.stripeLive()}";\n` });
    const tip = commit(dir, 'tip', { 'README.md': '# app v2\n' });
    // A stand-in for the tip: the clean tree, straight on top of the first commit.
    const fake = gitAs({}, dir, 'commit-tree', `${first}^{tree}`, '-p', first, '-m', 'tip').trim();
    git(dir, 'replace', tip, fake);
    expect(git(dir, 'log', '--format=%s').trim().split('\n')).toEqual(['tip', 'first']);
    for (const args of [['--history'], ['--range', `${first}..main`]]) {
      const r = await scanJson(dir, args);
      expect({ args, code: r.code, paths: r.report.findings.map((f) => f.path) }).toEqual({ args, code: 1, paths: ['config.js'] });
    }
  });

  it('reads commits as stored: .git/info/grafts do not hide one', async () => {
    const dir = makeRepo();
    const first = commit(dir, 'first', { 'README.md': '# app\n' });
    const leak = commit(dir, 'leak', { 'config.js': `export const key = "${tokens.stripeLive()}";\n` });
    const tip = commit(dir, 'tip', { 'README.md': '# app v2\n' });
    // The leak's parent becomes the tip: each of the two now differs from its "parent" only in README.md.
    writeFileSync(join(dir, '.git', 'info', 'grafts'), `${leak} ${tip}\n`);
    const r = await scanJson(dir, ['--history']);
    expect(r.code).toBe(1);
    expect(r.report.findings.map((f) => [f.path, f.commit])).toEqual([['config.js', leak]]);
    const range = await scanJson(dir, ['--range', `${first}..main`]);
    expect(range.report.findings.map((f) => f.path)).toEqual(['config.js']);
  });
});

describe('--include-stash', () => {
  it('scans every stash entry, with its index and untracked-files parents', async () => {
    const dir = makeRepo({ 'app.py': 'import os\n' }, { commit: true });
    const keys = { worktree: tokens.stripeLive(), index: tokens.githubPat(), untracked: tokens.npm(), latest: tokens.slackBot() };
    // Oldest: a work-tree change.
    writeFiles(dir, { 'app.py': `import os\nKEY = "${keys.worktree}"\n` });
    git(dir, 'stash', '-q');
    // A staged change, then the work tree put back: only the stash's index parent holds it.
    writeFiles(dir, { 'staged.py': `TOKEN = "${keys.index}"\n` });
    git(dir, 'add', 'staged.py');
    writeFiles(dir, { 'staged.py': 'TOKEN = None\n' });
    git(dir, 'stash', '-q');
    // An untracked file, stashed with -u: only the stash's third parent holds it.
    writeFiles(dir, { 'notes.txt': `npm ${keys.untracked}\n` });
    git(dir, 'stash', '-q', '-u');
    writeFiles(dir, { 'app.py': `import os\nSLACK = "${keys.latest}"\n` });
    git(dir, 'stash', '-q');
    expect(git(dir, 'stash', 'list').trim().split('\n')).toHaveLength(4);
    const r = await scanJson(dir, ['--history', '--include-stash']);
    expect(r.code).toBe(1);
    expect(r.report.findings.map((f) => `${f.ruleId} ${f.path}`).sort()).toEqual([
      'github-pat staged.py',
      'npm-access-token notes.txt',
      'slack-bot-token app.py',
      'stripe-secret-key app.py',
    ]);
    // Without the flag, no stash is scanned.
    expect((await scanJson(dir, ['--history'])).report.findings).toEqual([]);
  });
});

describe('file names that are not valid UTF-8', () => {
  it('are opened by their exact bytes and reported escaped, in every mode', async () => {
    const dir = makeRepo({ 'README.md': '# app\n' }, { commit: true });
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    // "k", 0xff, ".txt": Latin-1 "ÿ", which UTF-8 cannot decode.
    const name = Buffer.from([0x6b, 0xff, 0x2e, 0x74, 0x78, 0x74]);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), `key = "${tokens.stripeLive()}"\n`);
    git(dir, 'add', '-A');
    const staged = await scanJson(dir, ['--staged']);
    git(dir, 'commit', '-q', '-m', 'latin-1 name');
    const results = {
      files: await scanJson(dir, ['.']),
      staged,
      range: await scanJson(dir, ['--range', `${base}..HEAD`]),
      history: await scanJson(dir, ['--history']),
    };
    for (const [mode, r] of Object.entries(results)) {
      expect({ mode, code: r.code, paths: r.report.findings.map((f) => f.path), deleted: r.report.stats.skipped.deleted ?? 0 }).toEqual({
        mode,
        code: 1,
        paths: ['k\\xff.txt'],
        deleted: 0,
      });
    }
  });
});

/** A script that records that it ran (its name and arguments) in `marker`, passing stdin through. */
function plant(dir: string, name: string, marker: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> '${marker}'\ncat 2>/dev/null\nexit 0\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Every hook git knows: a hook that writes the marker, in a directory core.hooksPath names. */
const HOOKS = [
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-receive',
  'update',
  'proc-receive',
  'post-receive',
  'post-update',
  'reference-transaction',
  'push-to-checkout',
  'pre-auto-gc',
  'post-rewrite',
  'sendemail-validate',
  'fsmonitor-watchman',
  'p4-changelist',
  'p4-prepare-changelist',
  'p4-post-changelist',
  'p4-pre-submit',
  'post-index-change',
];

/**
 * Plants every program-running key keyscan's git commands could honour in `repo`'s own config,
 * each pointing at a marker-writing script. Returns the marker file (absent until one runs).
 */
function makeHostile(repo: string): string {
  const bin = tempDir('keyscan-hostile-');
  const marker = join(bin, 'ran');
  const hooks = join(bin, 'hooks');
  mkdirSync(hooks);
  for (const hook of HOOKS) plant(hooks, hook, marker);
  const config: Array<[string, string]> = [
    ['core.fsmonitor', plant(bin, 'fsmonitor', marker)],
    ['core.hooksPath', hooks],
    ['core.pager', plant(bin, 'core-pager', marker)],
    ['pager.log', plant(bin, 'pager-log', marker)],
    ['pager.diff', plant(bin, 'pager-diff', marker)],
    ['diff.external', plant(bin, 'diff-external', marker)],
    ['diff.hostile.command', plant(bin, 'diff-command', marker)],
    ['diff.hostile.textconv', plant(bin, 'textconv', marker)],
    ['filter.hostile.clean', plant(bin, 'filter-clean', marker)],
    ['filter.hostile.smudge', plant(bin, 'filter-smudge', marker)],
    ['filter.hostile.process', plant(bin, 'filter-process', marker)],
    ['log.showSignature', 'true'],
    ['gpg.program', plant(bin, 'gpg', marker)],
    ['gpg.ssh.program', plant(bin, 'gpg-ssh', marker)],
    ['gpg.x509.program', plant(bin, 'gpg-x509', marker)],
    ['core.alternateRefsCommand', plant(bin, 'alternate-refs', marker)],
    ['core.sshCommand', plant(bin, 'ssh', marker)],
    ['core.askPass', plant(bin, 'askpass', marker)],
    ['credential.helper', plant(bin, 'credential', marker)],
    ['core.editor', plant(bin, 'editor', marker)],
    ['gc.auto', '1'],
    ['maintenance.auto', 'true'],
  ];
  for (const [key, value] of config) git(repo, 'config', key, value);
  git(repo, 'config', 'core.untrackedCache', 'true');
  // Objects borrowed from another repository: fetches would ask core.alternateRefsCommand about it.
  const lender = makeRepo({ 'x.txt': 'x\n' }, { commit: true });
  writeFileSync(join(repo, '.git', 'objects', 'info', 'alternates'), `${join(lender, '.git', 'objects')}\n`);
  return marker;
}

/** A commit signed with a (made-up) signature: log.showSignature would hand it to gpg.program. */
function signedCommit(dir: string, file: string, content: string): string {
  writeFiles(dir, { [file]: content });
  git(dir, 'add', file);
  const tree = git(dir, 'write-tree').trim();
  const parent = git(dir, 'rev-parse', 'HEAD').trim();
  const who = 'Test Author <author@example.com> 1704067200 +0000';
  const signature = ['-----BEGIN PGP SIGNATURE-----', '', 'c2lnbmF0dXJl', '=AAAA', '-----END PGP SIGNATURE-----'];
  const body = `tree ${tree}\nparent ${parent}\nauthor ${who}\ncommitter ${who}\ngpgsig ${signature.join('\n ')}\n\nsigned\n`;
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: dir, input: body, encoding: 'utf8' }).trim();
  git(dir, 'update-ref', 'HEAD', sha);
  return sha;
}

describe("the scanned repository's code never runs", () => {
  it('runs no configured program, hook, filter or driver in files, --staged, --range and --history', async () => {
    const dir = makeRepo({ 'README.md': '# app\n', '.gitattributes': '* diff=hostile filter=hostile\n' }, { commit: true });
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    signedCommit(dir, 'config.js', `export const key = "${tokens.stripeLive()}";\n`);
    writeFiles(dir, { 'README.md': '# app, changed in the work tree\n', 'new.txt': 'untracked\n' });
    writeFiles(dir, { 'deploy.sh': `export NPM_TOKEN=${tokens.npm()}\n` });
    git(dir, 'add', 'deploy.sh');
    const marker = makeHostile(dir);
    // The planted programs do run when git is asked for what they do: the marker works.
    execFileSync('git', ['status', '--short'], { cwd: dir });
    execFileSync('git', ['log', '-1', '--format=%s'], { cwd: dir });
    execFileSync('git', ['diff', '--', 'README.md'], { cwd: dir });
    const ran = readFileSync(marker, 'utf8');
    for (const program of ['fsmonitor', 'gpg', 'filter-', 'diff-command']) expect(ran).toContain(program);
    rmSync(marker);

    for (const args of [['.'], ['--staged'], ['--range', `${base}..HEAD`], ['--history'], ['--history', '--include-stash']]) {
      const r = await keyscan(args, { cwd: dir });
      expect({ args, code: r.code }).toEqual({ args, code: 1 });
      expect({ args, ran: existsSync(marker) ? readFileSync(marker, 'utf8') : '' }).toEqual({ args, ran: '' });
    }
  });

  it('runs nothing from the checkout during keyscan ci, fetch included', async () => {
    const origin = makeRepo({ 'README.md': '# app\n' }, { commit: true });
    const base = git(origin, 'rev-parse', 'HEAD').trim();
    git(origin, 'checkout', '-q', '-b', 'feature');
    commit(origin, 'leak', { 'config.js': `export const key = "${tokens.stripeLive()}";\n` });
    const head = commit(origin, 'docs', { 'docs.md': 'docs\n' });
    git(origin, 'update-ref', 'refs/pull/7/head', head);
    const checkout = shallowCheckout(origin, 'refs/pull/7/head');
    const marker = makeHostile(checkout);
    // A local upload-pack command is a program too.
    git(checkout, 'config', 'remote.origin.uploadpack', plant(tempDir(), 'upload-pack', marker));
    const event = {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, commits: 2, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } },
      repository: { full_name: 'acme/widgets', default_branch: 'main' },
    };
    const r = await runCi(checkout, 'pull_request', event);
    expect(r.stderr).toContain('Fetched to depth');
    expect(r.code).toBe(1);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
  });
});

describe('a hook environment', () => {
  it('--staged from a pre-commit hook sees what `git commit -a` and `git commit <path>` are committing', async () => {
    const dir = makeRepo({ 'app.py': 'import os\n', 'other.py': 'x = 1\n' }, { commit: true });
    // Hooks get GIT_INDEX_FILE (a temporary index for -a and for paths); git sends hook output to stderr.
    writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" --staged\n`);
    chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
    writeFiles(dir, { 'app.py': `import os\nKEY = "${tokens.stripeLive()}"\n` });
    for (const args of [
      ['commit', '-a', '-m', 'all'],
      ['commit', '-m', 'one path', 'app.py'],
    ]) {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect({ args, status: r.status, blocked: `${r.stdout}${r.stderr}`.includes('stripe-secret-key') }).toEqual({
        args,
        status: 1,
        blocked: true,
      });
    }
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });
});
