import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

// AWS's documented example pair, assembled here so no file holds it whole.
const exampleKeyId = ['AKIAIOSFODNN7', 'EXAMPLE'].join('');
const exampleSecret = ['wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join('');
const docs = `# Configure the CLI\n\naws_access_key_id = ${exampleKeyId}\naws_secret_access_key = ${exampleSecret}\n`;

interface Report {
  findings: Array<{ ruleId: string; kind?: string; message: string; path: string }>;
}

describe('documented example credentials', () => {
  it('are not reported by default', async () => {
    const dir = makeRepo({ 'docs/setup.md': docs });
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).findings).toEqual([]);
  });

  it('are listed as `example` findings with --include-examples, and never fail the run', async () => {
    const dir = makeRepo({ 'docs/setup.md': docs });
    const r = await keyscan(['--include-examples', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const found = (JSON.parse(r.stdout) as Report).findings;
    expect(found.map((f) => [f.ruleId, f.kind])).toEqual([
      ['aws-access-key-id', 'example'],
      ['aws-secret-access-key', 'example'],
    ]);
    expect(found[0]?.message).toContain('documented example');
    expect(r.stdout).not.toContain(exampleSecret);
  });

  it('do not hide a real key next to them', async () => {
    const dir = makeRepo({ 'docs/setup.md': docs, 'deploy.env': `GITHUB_TOKEN=${tokens.githubPat()}\n` });
    const r = await keyscan(['--include-examples', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as Report).findings;
    expect(found.filter((f) => f.kind === undefined).map((f) => f.ruleId)).toContain('github-pat');
    expect(found.filter((f) => f.kind === 'example')).toHaveLength(2);
  });
});
