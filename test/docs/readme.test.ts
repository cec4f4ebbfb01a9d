/** The README's copy-paste parts stay true to the package, the action and the CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

function yamlBlocks(): unknown[] {
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? ''));
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Array<{ uses?: string; id?: string; if?: string; with?: Record<string, string> }> }>;
}

describe('README', () => {
  it('runs npx with the package name wherever keyscan is not installed', () => {
    expect(readme).toContain('npx -p keyscan-secrets keyscan --history');
    expect(readme).toContain('npm i -D keyscan-secrets husky && npx keyscan init');
    expect(readme).not.toMatch(/npx keyscan-secrets\b/);
    expect(pkg.name).toBe('keyscan-secrets');
    expect(Object.keys(pkg.bin)).toEqual(['keyscan']);
  });

  it('shows a complete workflow that runs this major version of the action and uploads its SARIF', () => {
    const workflow = yamlBlocks().find((b): b is Workflow => typeof b === 'object' && b !== null && 'jobs' in b);
    expect(workflow).toBeDefined();
    expect(Object.keys(workflow?.on ?? {})).toEqual(expect.arrayContaining(['pull_request', 'push', 'schedule']));
    expect(workflow?.permissions['security-events']).toBe('write');
    const steps = Object.values(workflow?.jobs ?? {})[0]?.steps ?? [];
    expect(steps[0]?.uses).toMatch(/^actions\/checkout@/);
    // The history cache, restored and saved by actions/cache on the scheduled (and manual) audits only.
    expect(steps[1]?.uses).toMatch(/^actions\/cache@/);
    expect(steps[1]?.if).toBe("github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'");
    expect(steps[1]?.with?.key).toContain('${{ github.repository }}');
    expect(steps[2]).toMatchObject({ uses: `keyscan/keyscan@v${pkg.version.split('.')[0]}`, id: 'keyscan' });
    expect(steps[2]?.with?.['cache-dir']).toBe(steps[1]?.with?.path);
    expect(steps[3]?.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
    expect(steps[3]?.if).toMatch(/^always\(\)/);
    expect(steps[3]?.with?.sarif_file).toBe('${{ steps.keyscan.outputs.sarif }}');
  });

  it('documents every input and output of the action, and pins the pre-commit hook to this release', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) expect(readme).toContain(`| \`${name}\` |`);
    // And no input the action does not have (0.1.0's `version`).
    const table = readme.slice(readme.indexOf('| input | default | meaning |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    expect(rows.map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1]).sort()).toEqual(Object.keys(action.inputs).sort());
    expect(readme).toContain(`rev: v${pkg.version}`);
  });
});
