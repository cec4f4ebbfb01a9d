import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { makeRepo, tempDir, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; startLine: number; startColumn: number }>;
  stats: { filesScanned: number; bytesScanned: number; skipped: Record<string, number> };
  errors: Array<{ path: string; message: string }>;
}
const json = (s: string): Report => JSON.parse(s) as Report;

describe('hostile and unusual files', () => {
  it('finds a secret among invalid UTF-8 bytes, with a column that counts characters', async () => {
    const secret = tokens.githubPat();
    const dir = makeRepo({ 'broken.txt': Buffer.concat([Buffer.from([0x61, 0xff, 0x80, 0xc3]), Buffer.from(` t=${secret}\n`)]) });
    const f = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout).findings[0];
    // 'a' and three invalid bytes decode to four characters: the token starts at column 8.
    expect(f).toMatchObject({ ruleId: 'github-pat', startLine: 1, startColumn: 8 });
  });

  it('treats a NUL beyond the first 8000 bytes as text and scans the file', async () => {
    const dir = makeRepo({
      'late-nul.txt': Buffer.concat([Buffer.from(`${'x'.repeat(9000)}\n`), Buffer.from([0]), Buffer.from(`\nk=${tokens.npm()}\n`)]),
    });
    expect(json((await keyscan(['-f', 'json'], { cwd: dir })).stdout).findings.map((f) => f.ruleId)).toEqual(['npm-access-token']);
  });

  it('skips a 200 MB file by default and scans it when allowed', async () => {
    const dir = makeRepo();
    const fd = openSync(join(dir, 'huge.log'), 'w');
    const block = Buffer.from(`${'2024-01-01 INFO request served in 12ms\n'.repeat(25_000)}`); // ~1 MB
    for (let written = 0; written < 200 * 1024 * 1024; written += block.length) writeSync(fd, block);
    writeSync(fd, Buffer.from(`token=${tokens.githubPat()}\n`));
    closeSync(fd);
    const skipped = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(skipped.stats.skipped.tooLarge).toBe(1);
    const scanned = json((await keyscan(['-f', 'json', '--max-file-size', '256MiB'], { cwd: dir })).stdout);
    expect(scanned.findings.map((f) => f.ruleId)).toEqual(['github-pat']);
    expect(scanned.stats.bytesScanned).toBeGreaterThan(200 * 1024 * 1024);
  }, 120_000);

  it('finds a secret in a 5 MB single-line minified bundle full of keyword hits', async () => {
    const secret = tokens.stripeLive();
    const piece = 'function a(t){return t.token||t.secret||"password"};var k={apiKey:n,auth:o};';
    const half = piece.repeat(Math.ceil(2.5e6 / piece.length));
    const dir = makeRepo({ 'dist/app.min.js': `${half}var s="${secret}";${half}` });
    const r = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(r.findings.map((f) => [f.ruleId, f.startLine])).toEqual([['stripe-secret-key', 1]]);
  });

  it('walks 100,000 small files and finds the planted ones', async () => {
    const dir = tempDir();
    for (let d = 0; d < 100; d++) mkdirSync(join(dir, `d${d}`));
    for (let i = 0; i < 100_000; i++) {
      writeFileSync(join(dir, `d${i % 100}`, `f${i}.txt`), i % 25_000 === 7 ? `k=${tokens.npm()}\n` : `value ${i}\n`);
    }
    const r = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(r.stats.filesScanned).toBe(100_000);
    expect(r.findings).toHaveLength(4);
  }, 180_000);

  it('skips FIFOs and devices without blocking on them', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'ok.txt': 'fine\n' });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const walk = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(walk.stats.skipped.notRegular).toBe(1);
    const named = json((await keyscan(['-f', 'json', 'pipe', '/dev/null'], { cwd: dir })).stdout);
    expect(named.stats.skipped.notRegular).toBe(2);
  });

  it('with --skip-unreadable counts a file that cannot be read instead of failing', async () => {
    const r = await keyscan(['-f', 'json', '--skip-unreadable', '/proc/self/mem'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(json(r.stdout).stats.skipped.unreadable).toBe(1);
    const strict = await keyscan(['-f', 'json', '/proc/self/mem'], { cwd: tempDir() });
    expect(strict.code).toBe(2);
    expect(json(strict.stdout).errors[0]?.message).toContain('EIO');
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 on a file without read permission, naming it', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'secret.txt': 'x' });
    execFileSync('chmod', ['000', join(dir, 'secret.txt')]);
    const r = await keyscan(['-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r.stdout).errors).toEqual([{ path: 'secret.txt', code: 'EACCES', message: 'permission denied' }]);
  });
});
