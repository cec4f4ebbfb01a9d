/**
 * The committed action bundle (action/) is what the runner runs, so it must be exactly what the
 * sources build to: one changed source file without a rebuild and this fails.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';

const REBUILD = 'Run `npm run build:action` and commit action/.';

describe('action bundle', () => {
  it('is identical to a fresh build', () => {
    const fresh = tempDir('keyscan-action-build-');
    execFileSync(process.execPath, [join(ROOT, 'scripts/bundle-action.mjs'), fresh], { cwd: ROOT, stdio: 'pipe' });
    const committed = join(ROOT, 'action');
    expect(readdirSync(committed).sort(), `action/ has other files than a fresh build. ${REBUILD}`).toEqual(readdirSync(fresh).sort());
    for (const file of readdirSync(fresh)) {
      const same = readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file)));
      expect(same, `action/${file} is not what the sources build to. ${REBUILD}`).toBe(true);
    }
  });

  it('is deterministic: two builds give the same bytes', () => {
    const [a, b] = [tempDir('keyscan-action-build-'), tempDir('keyscan-action-build-')];
    for (const out of [a, b]) execFileSync(process.execPath, [join(ROOT, 'scripts/bundle-action.mjs'), out], { cwd: ROOT, stdio: 'pipe' });
    for (const file of readdirSync(a)) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
  });
});
