import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  stages: string[];
  minimum_pre_commit_version: string;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  it('offers one node hook that scans the staged changes itself', () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      id: 'keyscan',
      language: 'node',
      entry: 'keyscan --staged',
      pass_filenames: false,
      stages: ['pre-commit'],
    });
  });

  it("runs the command this package installs, and needs a pre-commit that knows the 'pre-commit' stage name", () => {
    expect(Object.keys(pkg.bin)).toContain(hooks[0]?.entry.split(' ')[0]);
    expect(hooks[0]?.minimum_pre_commit_version).toBe('3.2.0');
  });
});
