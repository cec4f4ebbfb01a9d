import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{
    ruleId: string;
    path: string;
    commit?: string;
    presentAtHead?: boolean;
    liveAt?: string[];
    removedIn?: string;
  }>;
  stats: { historyOnlyHidden?: number };
  warnings: string[];
}
const json = (s: string): Report => JSON.parse(s) as Report;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('liveness of history findings', () => {
  it('knows that a base64-encoded docker config unchanged since it was committed is live', async () => {
    const dir = makeRepo();
    const pat = tokens.githubPat();
    const npm = tokens.npm();
    const dockerConfig = `{\n  "auths": {\n    "ghcr.io": {\n      "auth": "${b64(`robot:${pat}`)}"\n    }\n  }\n}\n`;
    // A Kubernetes pull secret: base64 of a docker config whose auth is base64 again.
    const inner = JSON.stringify({ auths: { 'registry.example.com': { auth: b64(`ci:${npm}`) } } });
    const manifest = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${b64(inner)}\n`;
    commit(dir, 'registry auth', { '.docker/config.json': dockerConfig, 'k8s/pull-secret.yaml': manifest });
    commit(dir, 'unrelated', { 'README.md': '# app\n' });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = json(r.stdout).findings.map((f) => [f.ruleId, f.path, f.presentAtHead, f.liveAt]);
    expect(found).toEqual([
      ['github-pat', '.docker/config.json', true, ['main']],
      ['npm-access-token', 'k8s/pull-secret.yaml', true, ['main']],
    ]);
    const text = await keyscan(['--history'], { cwd: dir });
    expect(text.stdout).toContain('live on main');
    expect(text.stdout).not.toContain('no longer at HEAD');
  });

  it('knows that a multi-line key is live, also base64-encoded in a kubeconfig, and not once its body changed', async () => {
    const dir = makeRepo();
    const pem = tokens.privateKey();
    const kubeconfig = `apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    client-key-data: ${b64(`${pem}\n`)}\n`;
    const other = tokens.privateKey();
    commit(dir, 'keys', { 'deploy/id_rsa': `${pem}\n`, 'kube/config': kubeconfig, 'old/key.pem': `${other}\n` });
    // One line of the second key's body replaced: the file still has a key, not that one.
    const lines = other.split('\n');
    lines[2] = (lines[2] ?? '').split('').reverse().join('');
    commit(dir, 'replace a line', { 'old/key.pem': `${lines.join('\n')}\n`, 'README.md': 'x\n' });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    const live = json(r.stdout).findings.map((f) => [f.ruleId, f.path, f.liveAt]);
    expect(live).toContainEqual(['private-key', 'deploy/id_rsa', ['main']]);
    expect(live).toContainEqual(['private-key', 'kube/config', ['main']]);
    expect(live).toContainEqual(['private-key', 'old/key.pem', []]);
  });

  it('says a key on a branch that was never merged is live at that branch tip, and on the tag that holds it', async () => {
    const dir = makeRepo();
    commit(dir, 'base', { 'app.py': 'print(1)\n' });
    git(dir, 'checkout', '-q', '-b', 'spike/payments');
    commit(dir, 'try stripe', { 'pay.py': `KEY = "${tokens.stripeLive()}"\n` });
    git(dir, 'tag', 'demo-1');
    git(dir, 'checkout', '-q', 'main');
    commit(dir, 'more', { 'app.py': 'print(2)\n' });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    const [f] = json(r.stdout).findings;
    expect(f).toMatchObject({ ruleId: 'stripe-secret-key', path: 'pay.py', presentAtHead: false, liveAt: ['spike/payments', 'demo-1'] });
    expect(f?.removedIn).toBeUndefined();
    const text = await keyscan(['--history'], { cwd: dir });
    expect(text.stdout).toContain('live on spike/payments, demo-1');
  });

  it('lists a ref whose name holds a key with that key redacted', async () => {
    const dir = makeRepo();
    const inName = tokens.githubPat();
    commit(dir, 'base', { 'a.txt': 'x\n' });
    git(dir, 'checkout', '-q', '-b', `fix-${inName}`);
    commit(dir, 'key', { 'k.env': `NPM=${tokens.npm()}\n` });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    expect(r.stdout).not.toContain(inName.slice(4));
    expect(json(r.stdout).findings.find((f) => f.path === 'k.env' && f.ruleId === 'npm-access-token')?.liveAt).toEqual(['fix-ghp_****']);
  });

  it('names the commit that removed a key no ref holds any more, in text, JSON and SARIF', async () => {
    const dir = makeRepo();
    const key = tokens.npm();
    commit(dir, 'add', { 'ci/.npmrc': `//registry.npmjs.org/:_authToken=${key}\n` });
    commit(dir, 'edit around it', { 'ci/.npmrc': `# registry\n//registry.npmjs.org/:_authToken=${key}\n` });
    const removal = commit(dir, 'use env', { 'ci/.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' });
    commit(dir, 'later', { 'ci/.npmrc': '# registry\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' });
    const r = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    const f = json(r.stdout).findings.find((x) => x.ruleId === 'npm-access-token');
    expect(f).toMatchObject({ path: 'ci/.npmrc', presentAtHead: false, liveAt: [], removedIn: removal });
    const text = await keyscan(['--history'], { cwd: dir });
    expect(text.stdout).toContain(`only in history (removed in ${removal.slice(0, 12)})`);
    const sarif = JSON.parse((await keyscan(['--history', '-f', 'sarif'], { cwd: dir })).stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; properties?: Record<string, unknown> }> }>;
    };
    const result = sarif.runs[0]?.results.find((x) => x.ruleId === 'npm-access-token');
    expect(result?.properties).toMatchObject({ liveAt: [], removedIn: removal });
    expect(result?.message.text).toContain(`only in history (removed in ${removal.slice(0, 12)})`);
  });

  it('finds a removal by deletion on a merged branch, and not a removal that a merge threw away', async () => {
    const dir = makeRepo();
    const a = tokens.githubPat();
    const b = tokens.npm();
    commit(dir, 'base', { 'a.env': `A=${a}\n`, 'b.txt': `b ${b}\n` });
    git(dir, 'checkout', '-q', '-b', 'topic');
    const deleted = commit(dir, 'drop a', { 'a.env': null });
    git(dir, 'checkout', '-q', 'main');
    commit(dir, 'edit b on main', { 'b.txt': `b ${b}\nmore\n` });
    git(dir, 'merge', '-q', '--no-ff', 'topic', '-m', 'merge topic');
    git(dir, 'checkout', '-q', '-b', 'side', 'HEAD~1');
    commit(dir, 'side edit', { 'b.txt': 'b gone on side\n' });
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', '--no-ff', '-s', 'ours', 'side', '-m', 'merge side');
    const cleaned = commit(dir, 'clean b', { 'b.txt': 'nothing\n' });
    git(dir, 'branch', '-q', '-D', 'side', 'topic');
    const r = json((await keyscan(['--history', '-f', 'json'], { cwd: dir })).stdout);
    const pat = r.findings.find((f) => f.ruleId === 'github-pat');
    expect(pat).toMatchObject({ path: 'a.env', liveAt: [], removedIn: deleted });
    const npm = r.findings.find((f) => f.ruleId === 'npm-access-token');
    // 'side edit' took the key out on a branch, but merging it kept main's file: main held the key until 'clean b'.
    expect(npm).toMatchObject({ path: 'b.txt', liveAt: [], removedIn: cleaned });
  });

  it('--live-only reports only the secrets a ref still holds, and counts the others', async () => {
    const dir = makeRepo();
    commit(dir, 'two keys', { 'live.env': `A=${tokens.anthropic()}\n`, 'gone.env': `B=${tokens.npm()}\n` });
    commit(dir, 'remove one', { 'gone.env': null });
    const all = await keyscan(['--history', '-f', 'json'], { cwd: dir });
    const allReport = json(all.stdout);
    expect(allReport.findings.map((f) => [f.path, f.liveAt?.length])).toContainEqual(['gone.env', 0]);
    const live = await keyscan(['--history', '-f', 'json', '--live-only'], { cwd: dir });
    expect(live.code).toBe(1);
    const report = json(live.stdout);
    const secrets = report.findings.filter((f) => f.liveAt !== undefined);
    expect(secrets.map((f) => [f.ruleId, f.path, f.liveAt])).toEqual([['anthropic-api-key', 'live.env', ['main']]]);
    expect(report.stats.historyOnlyHidden).toBe(1);
    expect(report.warnings.join('\n')).toContain('1 secret found only in history');
    const text = await keyscan(['--history', '--live-only'], { cwd: dir });
    expect(text.stdout + text.stderr).toContain('--live-only: 1 secret found only in history');
    const usage = await keyscan(['--live-only', '.'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--live-only goes with --history or --range');
  });
});
