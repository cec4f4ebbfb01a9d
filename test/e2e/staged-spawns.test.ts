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
function loggingGit(): { env: Record<string, string>; calls: () => string[] } {
  const bin = tempDir('keyscan-git-shim-');
  const log = join(bin, 'calls.log');
  const real = execPath('git');
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nfor a in "$@"; do case "$a" in -c|--no-pager|--no-replace-objects|*=*) ;; -*) ;; *) echo "$a" >> "${log}"; break;; esac; done\nexec "${real}" "$@"\n`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, KEYSCAN_CODE_CACHE: '0' },
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
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
  it('one diff for the names and statuses, one for the patches, one cat-file, one rev-parse', async () => {
    const dir = makeRepo({ 'a.js': 'a\n', 'b.js': 'b\n' }, { commit: true });
    writeFiles(dir, { 'a.js': 'a\nconst x = 1;\n', 'c.js': `const key = "${tokens.githubPat()}";\n`, 'empty.txt': '' });
    git(dir, 'add', '-A');
    const shim = loggingGit();
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir, env: shim.env });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path)).toEqual(['c.js']);
    expect(shim.calls().sort()).toEqual(['cat-file', 'diff', 'diff', 'rev-parse']);
  });
});
