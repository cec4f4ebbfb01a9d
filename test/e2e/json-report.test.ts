import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { keyscan, ROOT } from '../helpers/cli.js';
import { commit, git, makeRepo, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

interface Report {
  schemaVersion: number;
  findings: Array<{
    ruleId: string;
    severity: string;
    provider: string;
    revoke?: string;
    tag: string;
    secretHash: string;
    liveAt?: string[];
  }>;
  stats: {
    bySeverity: Record<string, number>;
    byRule: Record<string, number>;
    byProvider: Record<string, number>;
    historyOnlyHidden?: number;
  };
}

/** The report, after checking it against the schema (with every error Ajv finds in the message). */
function valid(stdout: string): Report {
  const report = JSON.parse(stdout) as unknown;
  const ok = validate(report);
  expect(ok ? [] : validate.errors).toEqual([]);
  return report as Report;
}

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Stats that must add up to the findings listed, and the fields every finding carries. */
function expectConsistent(report: Report): void {
  const { findings, stats } = report;
  expect(report.schemaVersion).toBe(2);
  expect(Object.values(stats.bySeverity).reduce((a, b) => a + b, 0)).toBe(findings.length);
  expect(stats.bySeverity).toMatchObject(tally(findings.map((f) => f.severity)));
  expect(stats.byRule).toEqual(tally(findings.map((f) => f.ruleId)));
  expect(stats.byProvider).toEqual(tally(findings.map((f) => f.provider)));
  for (const f of findings) expect(f.tag).toBe(`#${f.secretHash.slice(0, 6)}`);
}

/** A history with live and removed keys, a key in base64, a commit message key, an env file and an allow comment. */
function richHistory(): string {
  const dir = makeRepo();
  const pat = tokens.githubPat();
  commit(dir, 'setup', {
    '.env': `STRIPE=${tokens.stripeLive()}\n`,
    'docker/config.json': `{"auths":{"ghcr.io":{"auth":"${Buffer.from(`u:${pat}`).toString('base64')}"}}}\n`,
    'src/app.ts': `const k = '${tokens.npm()}'; // keyscan:allow npm-access-token\n`,
    'deploy/id_rsa': `${tokens.privateKey()}\n`,
  });
  commit(dir, `rotate ${tokens.slackBot()}`, { '.env': null, 'notes.txt': 'rotated\n' });
  git(dir, 'checkout', '-q', '-b', 'feature');
  commit(dir, 'feature key', { 'f.py': `OPENAI = "${tokens.openai()}"\n` });
  git(dir, 'checkout', '-q', 'main');
  return dir;
}

describe('the JSON report', () => {
  it('matches schema/report.schema.json for a history scan, and its counts equal its findings', async () => {
    const dir = richHistory();
    const r = await keyscan(['--history', '-f', 'json', '--report-unused-allows'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = valid(r.stdout);
    expectConsistent(report);
    const byRule = new Map(report.findings.map((f) => [f.ruleId, f]));
    expect(byRule.get('github-pat')).toMatchObject({
      provider: 'GitHub',
      revoke: 'https://github.com/settings/tokens',
      liveAt: ['main', 'feature'],
    });
    expect(byRule.get('stripe-secret-key')).toMatchObject({ provider: 'Stripe', liveAt: [] });
    expect(byRule.get('openai-api-key')?.liveAt).toEqual(['feature']);
    expect(byRule.get('private-key')?.liveAt).toEqual(['main', 'feature']);
    expect(Object.keys(report.stats.byRule).length).toBeGreaterThanOrEqual(5);
    const live = valid((await keyscan(['--history', '-f', 'json', '--live-only'], { cwd: dir })).stdout);
    expectConsistent(live);
    expect(live.stats.historyOnlyHidden).toBe(1);
    expect(live.findings.some((f) => f.ruleId === 'stripe-secret-key')).toBe(false);
    // A shard's report (what keyscan merge reads) and a repeat audit from the history cache.
    const shard = valid((await keyscan(['--history', '-f', 'json', '--shard', '1/2'], { cwd: dir })).stdout);
    expect(shard).toHaveProperty('shard.index', 1);
    const cached = valid((await keyscan(['--history', '-f', 'json'], { cwd: dir })).stdout);
    expect(cached.stats).toHaveProperty('commitsFromCache');
  });

  it('matches the schema for file scans with --no-redact and skipped files, and for standard input', async () => {
    const dir = makeRepo();
    const key = tokens.awsKeyId();
    writeFiles(dir, { 'a.txt': `id=${key}\n`, 'big.txt': `${'x'.repeat(2000)}\n` });
    const files = await keyscan(['-f', 'json', '--no-redact', '--max-file-size', '1KiB', '.'], { cwd: dir });
    const report = valid(files.stdout);
    expectConsistent(report);
    expect(report.findings.map((f) => f.ruleId)).toContain('aws-access-key-id');
    expect(files.code).toBe(1);
    const stdin = await keyscan(['--stdin', '-f', 'json'], { cwd: dir, input: `t=${tokens.anthropic()}\n` });
    expectConsistent(valid(stdin.stdout));
    const clean = await keyscan(['-f', 'json', '.'], { cwd: makeRepo({ 'ok.txt': 'nothing here\n' }) });
    expect(clean.code).toBe(0);
    expect(valid(clean.stdout).stats.bySeverity).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });

  it('is a schema that can fail: an unknown field, a missing tag or a bad count is rejected', async () => {
    const dir = makeRepo({ 'k.txt': `t=${tokens.npm()}\n` });
    const report = JSON.parse((await keyscan(['-f', 'json', '.'], { cwd: dir })).stdout) as Report & Record<string, unknown>;
    expect(validate(report)).toBe(true);
    const [first] = report.findings;
    if (first === undefined) throw new Error('expected a finding');
    const { tag: _tag, ...untagged } = first;
    expect(validate({ ...report, findings: [untagged] })).toBe(false);
    expect(validate({ ...report, findings: [{ ...first, surprise: 1 }] })).toBe(false);
    expect(validate({ ...report, stats: { ...report.stats, bySeverity: { ...report.stats.bySeverity, critical: -1 } } })).toBe(false);
    expect(validate({ ...report, schemaVersion: 1 })).toBe(false);
  });
});
