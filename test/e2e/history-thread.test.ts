import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { looksLarge, trickyHistory } from '../helpers/history.js';
import { tempDir } from '../helpers/repo.js';

interface Report {
  findings: unknown[];
  stats: Record<string, unknown>;
  errors: unknown[];
  warnings: string[];
}

/** Everything but the time taken. */
function comparable(text: string): unknown {
  const r = JSON.parse(text) as Report;
  const { durationMs: _d, ...stats } = r.stats;
  return { findings: r.findings, stats, errors: r.errors, warnings: r.warnings };
}

describe('a history audit in a thread of its own (a large repository)', () => {
  it('reports exactly what the main thread reports (JSON and text), with the same exit codes', async () => {
    const { dir, secrets } = trickyHistory();
    const args = ['--history', '--no-cache', '--debug', '-f', 'json'];
    const inMain = await keyscan(args, { cwd: dir });
    const textInMain = await keyscan(['--history', '--no-cache'], { cwd: dir });
    expect(inMain.stderr).not.toContain('the CLI runs in a thread of its own');
    looksLarge(dir);
    const inThread = await keyscan(args, { cwd: dir });
    expect(inThread.stderr).toContain('the CLI runs in a thread of its own, its young generation capped at 6 MB');
    expect([inMain.code, inThread.code]).toEqual([1, 1]);
    expect(comparable(inThread.stdout)).toEqual(comparable(inMain.stdout));
    const text = await keyscan(['--history', '--no-cache'], { cwd: dir });
    expect(text.code).toBe(1);
    const untimed = (out: string): string => out.replace(/ in \d+(\.\d+)?m?s$/m, '');
    expect(text.stdout).toMatch(/^\d+ secrets .* found .* scanned \d+ commits/m);
    expect(untimed(text.stdout)).toBe(untimed(textInMain.stdout));
    for (const secret of secrets) expect(text.stdout + text.stderr + inThread.stdout + inThread.stderr).not.toContain(secret);
    // An error is still exit 2 there: a bad flag value, and a directory that is no repository.
    expect((await keyscan(['--history', '--shard', '0/2'], { cwd: dir })).code).toBe(2);
    const notRepo = await keyscan(['--history', '--debug', '-C', tempDir()], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: '/' } });
    expect(notRepo.stderr).toContain('the CLI runs in a thread of its own');
    expect(notRepo.code, notRepo.stderr).toBe(2);
  });
});
