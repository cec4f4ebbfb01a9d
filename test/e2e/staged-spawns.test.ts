import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

/**
 * A `git` first on PATH that logs its subcommand and runs the real one: what a pre-commit run
 * starts. Each git process costs a hook a few milliseconds of start-up.
 */
function loggingGit(slowRevParse = false): { env: Record<string, string>; calls: () => string[]; events: () => string[] } {
  const bin = tempDir('keyscan-git-shim-');
  const log = join(bin, 'calls.log');
  const events = join(bin, 'events.log');
  const real = execPath('git');
  writeFileSync(
    join(bin, 'git'),
    [
      '#!/bin/sh',
      `for a in "$@"; do case "$a" in -c|--no-pager|--no-replace-objects|*=*) ;; -*) ;; *) sub="$a"; echo "$a" >> "${log}"; break;; esac; done`,
      `echo "start $sub" >> "${events}"`,
      // A slow rev-parse shows whether the other commands wait for it.
      slowRevParse
        ? `if [ "$sub" = rev-parse ]; then sleep 1; "${real}" "$@"; code=$?; echo "end $sub" >> "${events}"; exit $code; fi`
        : '',
      `exec "${real}" "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  writeFileSync(events, '');
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, KEYSCAN_CODE_CACHE: '0' },
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    events: () => readFileSync(events, 'utf8').split('\n').filter(Boolean),
  };
}

function execPath(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      readFileSync(join(dir, name));
      return join(dir, name);
    } catch {
      // not here
    }
  }
  throw new Error(`${name} is not on PATH`);
}

describe('--staged starts few git processes', () => {
  it('one diff for the names, statuses and patches, one cat-file, and no rev-parse at the root', async () => {
    const dir = makeRepo({ 'a.js': 'a\n', 'b.js': 'b\n' }, { commit: true });
    writeFiles(dir, { 'a.js': 'a\nconst x = 1;\n', 'c.js': `const key = "${tokens.githubPat()}";\n`, 'empty.txt': '' });
    git(dir, 'add', '-A');
    const shim = loggingGit();
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir, env: shim.env });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path)).toEqual(['c.js']);
    // The root is evident (src/git/evident-root.ts); one diff prints both (src/git/staged-read.ts).
    expect(shim.calls().sort()).toEqual(['cat-file', 'diff']);
  });

  it("the hook's own command line starts all three at once, not each after the one before", async () => {
    const dir = makeRepo({ 'a.js': 'a\n' }, { commit: true });
    // Larger than a pipe's buffer: what git prints before keyscan reads it must all arrive.
    const filler = 'const line = computeValue(42); // filler\n'.repeat(4000);
    writeFiles(dir, { 'a.js': `a\n${filler}`, 'c.js': `${filler}const key = "${tokens.githubPat()}";\n`, 'empty.txt': '' });
    git(dir, 'add', '-A');
    // An include in the repository config: the root is no longer evident, so rev-parse is asked.
    git(dir, 'config', 'include.path', 'no-such.config');
    const shim = loggingGit(true);
    const r = await keyscan(['--staged'], { cwd: dir, env: shim.env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('c.js:');
    expect(shim.calls().sort()).toEqual(['cat-file', 'diff', 'rev-parse']);
    // The diff and cat-file started while rev-parse was still running.
    const events = shim.events();
    expect(events.indexOf('end rev-parse')).toBe(events.length - 1);
  });

  it('from a subdirectory, nothing starts early and the scan is the same', async () => {
    const dir = makeRepo({ 'a.js': 'a\n', 'sub/b.js': 'b\n' }, { commit: true });
    writeFiles(dir, { 'a.js': 'a\nconst x = 1;\n', 'c.js': `const key = "${tokens.githubPat()}";\n` });
    git(dir, 'add', '-A');
    const shim = loggingGit();
    const r = await keyscan(['--staged'], { cwd: join(dir, 'sub'), env: shim.env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('c.js:');
    expect(r.stdout).toMatch(/scanned 2 files/);
    // Nothing started early outside the root: the same three, the scan's own, at the root.
    expect(shim.calls().sort()).toEqual(['cat-file', 'diff', 'rev-parse']);
  });
});
