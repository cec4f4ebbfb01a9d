import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; startLine: number }>;
  stats: { suppressed: Record<string, number> };
  unusedAllows?: Array<{ path: string; line: number }>;
  inlineAllows?: Array<{ path: string; line: number; ruleId: string }>;
}
const json = (stdout: string): Report => JSON.parse(stdout) as Report;

describe('inline allow comments', () => {
  it('silence findings on their line in JavaScript, Python, YAML and shell, and only there', async () => {
    const gh = () => tokens.githubPat();
    const dir = makeRepo({
      'app.js': `const a = "${gh()}"; // keyscan:allow test fixture\nconst b = "${gh()}";\n`,
      'app.py': `A = "${gh()}"  # keyscan:allow\nB = "${gh()}"\n`,
      'ci.yaml': `token: ${gh()} # keyscan:allow\nother: ${gh()}\n`,
      'run.sh': `export A=${gh()} # keyscan:allow\nexport B=${gh()}\n`,
    });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.findings.map((f) => [f.path, f.startLine])).toEqual([
      ['app.js', 2],
      ['app.py', 2],
      ['ci.yaml', 2],
      ['run.sh', 2],
    ]);
    expect(report.stats.suppressed.inline).toBe(4);
    // Each one listed, for a reviewer to check.
    expect(report.inlineAllows).toEqual(['app.js', 'app.py', 'ci.yaml', 'run.sh'].map((path) => ({ path, line: 1, ruleId: 'github-pat' })));
    const text = await keyscan([], { cwd: dir });
    expect(text.stdout).toContain('Silenced: 4 by keyscan:allow comments');
  });

  it('limits a marker that names rules to those rules', async () => {
    const dir = makeRepo({ 'settings.sh': `KEYS="${tokens.githubPat()} ${tokens.npm()}" # keyscan:allow npm-access-token\n` });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => f.ruleId)).toEqual(['github-pat']);
  });

  it('accepts the marker on the last line of a multi-line private key', async () => {
    const key = tokens.privateKey();
    const dir = makeRepo({ 'keys.js': `const key = \`${key}\`; // keyscan:allow\n`, 'bare.js': `const key = \`${key}\`;\n` });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(json(r.stdout).findings.map((f) => f.path)).toEqual(['bare.js']);
  });

  it('--report-unused-allows lists markers that silenced nothing and exits 1', async () => {
    const dir = makeRepo({
      'a.js': `const t = "${tokens.githubPat()}"; // keyscan:allow\nconst u = 1; // keyscan:allow\n`,
      'b.py': 'x = 2  # keyscan:allow jwt\n',
    });
    const plain = await keyscan([], { cwd: dir });
    expect(plain.code).toBe(0);
    const r = await keyscan(['--report-unused-allows', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r.stdout).unusedAllows).toEqual([
      { path: 'a.js', line: 2 },
      { path: 'b.py', line: 1 },
    ]);
    const text = await keyscan(['--report-unused-allows'], { cwd: dir });
    expect(text.stdout).toContain('2 keyscan:allow comments silenced nothing');
    expect(text.stdout).toContain('  a.js:2\n  b.py:1');
  });

  it('finds unused markers on the worker pool too', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`src/f${i}.js`] = `x = ${i};${i % 25 === 0 ? ' // keyscan:allow' : ''}\n`;
    const dir = makeRepo(files);
    const r = await keyscan(['--report-unused-allows', '--threads', '2', '-f', 'json'], { cwd: dir });
    expect(json(r.stdout).unusedAllows?.map((u) => u.path)).toEqual(['src/f0.js', 'src/f25.js', 'src/f50.js', 'src/f75.js']);
  });
});
