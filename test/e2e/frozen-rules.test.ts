import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { tempDir } from '../helpers/repo.js';
import { keyscanInProcess } from '../helpers/run-cli.js';

describe('the bundled CLI reads the built-in catalogue as data (dist/bundle/rules.bin)', () => {
  it('lists exactly the rules of rules/, every field and pattern', async () => {
    const cwd = tempDir();
    const bundled = await keyscan(['rules', '--json'], { cwd });
    const source = await keyscanInProcess(['rules', '--json'], { cwd });
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.length).toBeGreaterThan(100_000);
    expect(bundled.stdout).toBe(source.stdout);
  });
});
