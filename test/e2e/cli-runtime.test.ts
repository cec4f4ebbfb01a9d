/**
 * What the Node.js runtime under the CLI carries, apart from the scan itself: standard input read
 * as a stream (in chunks whose size is the runtime's to choose) and the worker-thread pool. .ci/run
 * runs this file under the current Node.js LTS as well; the rest of the CLI's tests live in
 * cli-scan.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface JsonReport {
  findings: Array<Record<string, unknown> & { ruleId: string; path: string; startLine: number; startColumn: number }>;
  stats: { filesScanned: number };
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

describe('stdin', () => {
  it('scans standard input under --stdin-name', async () => {
    const secret = tokens.slackBot();
    const r = await keyscan(['--stdin', '--stdin-name', 'pasted/notes.md', '-f', 'json'], {
      cwd: tempDir(),
      input: `line one\nline two\nbot: ${secret}\n`,
    });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings[0]).toMatchObject({
      ruleId: 'slack-bot-token',
      path: 'pasted/notes.md',
      startLine: 3,
      startColumn: 6,
      source: 'stdin',
    });
  });

  it('keeps line numbers right across chunk boundaries of a large stream', async () => {
    const filler = `${'x = 1 # filler line\n'.repeat(120_000)}`; // ~2.4 MB: several chunks
    const key = tokens.privateKey();
    const input = `${filler}${key}\n${filler}token=${tokens.githubPat()}\n`;
    const r = await keyscan(['--stdin', '-f', 'json'], { cwd: tempDir(), input });
    const findings = json(r.stdout).findings;
    expect(findings.map((f) => [f.ruleId, f.startLine])).toEqual([
      ['private-key', 120_001],
      ['github-pat', 240_001 + key.split('\n').length],
    ]);
  });

  it('rejects paths together with --stdin', async () => {
    const r = await keyscan(['--stdin', 'a.txt'], { cwd: tempDir() });
    expect(r.code).toBe(2);
  });
});

describe('what is scanned', () => {
  it('uses worker threads for large trees and finds the same as one thread', async () => {
    const files: Record<string, string> = {};
    const planted: string[] = [];
    for (let i = 0; i < 300; i++) {
      const secret = i % 50 === 0 ? tokens.githubPat() : undefined;
      if (secret) planted.push(`src/f${i}.js`);
      files[`src/f${i}.js`] = `// file ${i}\n${'const x = 1;\n'.repeat(50)}${secret ? `const t = "${secret}";\n` : ''}`;
    }
    const dir = makeRepo(files);
    const pooled = json((await keyscan(['-f', 'json', '--threads', '2'], { cwd: dir })).stdout);
    const inline = json((await keyscan(['-f', 'json', '--threads', '0'], { cwd: dir })).stdout);
    expect(pooled.findings.map((f) => f.path)).toEqual(planted.sort());
    expect(pooled.findings).toEqual(inline.findings);
    expect(pooled.stats.filesScanned).toBe(300);
  });
});
