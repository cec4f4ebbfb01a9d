import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { keyscanInProcess } from '../helpers/run-cli.js';
import { slices, tokens } from '../helpers/tokens.js';

function tree(): { dir: string; secret: string } {
  const dir = tempDir();
  const secret = tokens.stripeLive();
  writeFiles(dir, { 'src/pay.ts': `const key = '${secret}';\n` });
  return { dir, secret };
}

const redacted = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: Array<{ redacted: string }> }).findings.map((f) => f.redacted);

describe('--redact=N', () => {
  it('shows the first N characters of each secret in every format, and no more of it', async () => {
    const { dir, secret } = tree();
    const r = await keyscan(['-f', 'json', '--redact=12'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(redacted(r.stdout)).toEqual([`${secret.slice(0, 12)}****`]);
    for (const format of ['text', 'sarif', 'html', 'markdown']) {
      const out = (await keyscanInProcess(['-f', format, '--redact=12'], { cwd: dir })).stdout;
      expect(out).toContain(`${secret.slice(0, 12)}****`);
      for (const slice of slices(secret.slice(5))) expect(out).not.toContain(slice);
    }
  });

  it('shows never more than a third of a secret, and only the mask with 0', async () => {
    const { dir, secret } = tree();
    expect(redacted((await keyscanInProcess(['-f', 'json', '--redact=200'], { cwd: dir })).stdout)).toEqual([
      `${secret.slice(0, Math.floor(secret.length / 3))}****`,
    ]);
    expect(redacted((await keyscanInProcess(['-f', 'json', '--redact=0'], { cwd: dir })).stdout)).toEqual(['****']);
  });

  it('keeps --redact, --redact=true, --no-redact and --redact <path> as they were', async () => {
    const { dir, secret } = tree();
    expect(redacted((await keyscanInProcess(['-f', 'json', '--redact'], { cwd: dir })).stdout)).toEqual(['sk_live_****']);
    expect(redacted((await keyscanInProcess(['-f', 'json', '--redact=true'], { cwd: dir })).stdout)).toEqual(['sk_live_****']);
    expect((await keyscanInProcess(['-f', 'json', '--no-redact'], { cwd: dir })).stdout).toContain(secret);
    const path = await keyscanInProcess(['-f', 'json', '--redact', 'src'], { cwd: dir });
    expect(redacted(path.stdout)).toEqual(['sk_live_****']);
  });

  it('refuses any other value with exit 2 instead of showing the secrets (yargs read --redact=20 as --no-redact)', async () => {
    const { dir, secret } = tree();
    const r = await keyscan(['-f', 'json', '--redact=20%'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--redact takes no value, or the number of characters');
    expect(r.stderr).not.toContain(secret);
  });
});
