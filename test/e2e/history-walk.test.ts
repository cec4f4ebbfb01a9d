import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { trickyHistory } from '../helpers/history.js';
import { commit } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

// A `git` ahead of the real one on PATH that writes each command line to a log, then runs git.
const shim = mkdtempSync(join(tmpdir(), 'keyscan-walk-'));
const log = join(shim, 'calls');
const realGit = (process.env.PATH ?? '')
  .split(delimiter)
  .map((d) => join(d, 'git'))
  .find((p) => {
    try {
      return readFileSync(p).length > 0;
    } catch {
      return false;
    }
  });
writeFileSync(join(shim, 'git'), `#!/bin/sh\nprintf '%s\\037' "$@" >> '${log}'\necho >> '${log}'\nexec '${realGit}' "$@"\n`);
chmodSync(join(shim, 'git'), 0o755);
afterAll(() => rmSync(shim, { recursive: true, force: true }));

/** The `git log` processes that walk the scan's commit list (`--no-walk --stdin`) for names, not patches. */
function nameWalks(): string[][] {
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\x1f').filter((a) => a !== ''));
  return calls.filter((args) => args.includes('log') && args.includes('--no-walk=unsorted') && !args.includes('-p'));
}

describe('--history walks its commits once for names, messages and changes', () => {
  const { dir } = trickyHistory();
  // An env file and a template, so that both env-file checks have something to read.
  commit(dir, 'env', { '.env': `STRIPE_KEY=${tokens.stripeLive()}\n`, '.env.example': 'STRIPE_KEY=\n' });
  for (const design of ['blobs', 'patches'] as const) {
    it(`one git log over the commits in the ${design} design, with the same report`, async () => {
      rmSync(log, { force: true });
      const r = await keyscan(['--history', '--no-cache', '-f', 'json'], {
        cwd: dir,
        env: { KEYSCAN_HISTORY_DESIGN: design, PATH: `${shim}${delimiter}${process.env.PATH ?? ''}` },
      });
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }> };
      expect(report.findings.some((f) => f.ruleId === 'env-file-committed')).toBe(true);
      // Before: the metadata walk, the blob design's own `git log --raw`, and one `git log
      // --name-only` per env-file check.
      expect(nameWalks()).toHaveLength(1);
    });
  }
});
