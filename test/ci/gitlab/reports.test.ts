/**
 * GitLab's report artifacts against the facts of their published formats: the secret detection
 * report against fixtures/gitlab/ (the constraints of security-report-schemas v15.0.7), the code
 * quality report against the fields GitLab documents. Neither may carry a secret.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import {
  codeQualityReport,
  failedSecretDetectionReport,
  SECRET_DETECTION_VERSION,
  secretDetectionReport,
} from '../../../src/ci/gitlab/reports.js';
import { emptySkipCounts, type Finding, type ScanResult } from '../../../src/types.js';
import { ROOT } from '../../helpers/cli.js';
import { finding } from '../../helpers/findings.js';
import { secretBody, slices, tokens } from '../../helpers/tokens.js';

const facts = JSON.parse(readFileSync(`${ROOT}fixtures/gitlab/secret-detection-report-15.0.7.facts.json`, 'utf8')) as object;
const validate = new Ajv({ strict: true, allErrors: true }).compile(facts);

function result(findings: Finding[], over: Partial<ScanResult> = {}): ScanResult {
  return {
    findings,
    errors: [],
    warnings: [],
    stats: {
      filesScanned: 2,
      bytesScanned: 100,
      durationMs: 1500,
      skipped: emptySkipCounts(),
      suppressed: { inline: 0, allowlist: 0, baseline: 0 },
    },
    ...over,
  };
}

function input(r: ScanResult) {
  return {
    result: r,
    rules: builtinRules,
    version: '0.1.0',
    headSha: 'c'.repeat(40),
    pathPrefix: '',
    endedAt: new Date('2026-12-02T00:30:15.123Z'),
    notes: ['Fetched to depth 20 from the remote.'],
  };
}

describe('the GitLab secret detection report', () => {
  it('meets the published schema, with one vulnerability per finding and no secret in any field', () => {
    const secret = tokens.githubPat();
    const inHistory = finding({
      secretText: secret,
      commit: 'd'.repeat(40),
      author: 'Test Author',
      date: '2024-01-03T00:00:00Z',
      presentAtHead: false,
    });
    const inFile = finding({ path: 'config/app.js', startLine: 7, endLine: 7, fingerprint: 'e'.repeat(64) });
    const report = secretDetectionReport(input(result([inHistory, inFile])));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.version).toBe(SECRET_DETECTION_VERSION);
    expect(report.scan).toMatchObject({
      status: 'success',
      type: 'secret_detection',
      start_time: '2026-12-02T00:30:13',
      end_time: '2026-12-02T00:30:15',
    });
    const [first, second] = report.vulnerabilities as Array<Record<string, unknown>>;
    expect(first).toMatchObject({
      severity: 'Critical',
      name: 'GitHub personal access token (classic)',
      identifiers: [{ type: 'keyscan_rule_id', value: 'github-pat' }],
      location: { file: 'src/app.ts', start_line: 3, end_line: 3, commit: { sha: 'd'.repeat(40), author: 'Test Author' } },
      raw_source_code_extract: 'ghp_****',
    });
    expect(String(first?.description)).toContain('still in git history');
    // A file scan's finding is placed at the scanned head; ids are stable and distinct.
    expect(second).toMatchObject({ location: { file: 'config/app.js', commit: { sha: 'c'.repeat(40) } } });
    expect(first?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first?.id).not.toBe(second?.id);
    expect(secretDetectionReport(input(result([inHistory, inFile]))).vulnerabilities).toEqual(report.vulnerabilities);
    const text = JSON.stringify(report);
    for (const s of slices(secretBody(secret))) expect(text).not.toContain(s);
  });

  it('fails the scan, in the schema, when paths were not scanned or keyscan could not scan', () => {
    const r = result([], { errors: [{ path: 'big.bin', message: 'permission denied', code: 'EACCES' }] });
    const report = secretDetectionReport(input(r));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.scan).toMatchObject({
      status: 'failure',
      messages: [{ level: 'warn', value: 'not scanned: big.bin: permission denied' }, { level: 'info' }],
    });

    const secret = tokens.githubPat();
    const failed = failedSecretDetectionReport(`bad config near "${secret}"`, '0.1.0', new Date());
    expect(validate(failed), JSON.stringify(validate.errors)).toBe(true);
    expect(failed.scan).toMatchObject({ status: 'failure', messages: [{ level: 'fatal' }] });
    for (const s of slices(secretBody(secret))) expect(JSON.stringify(failed)).not.toContain(s);
  });

  it('the facts schema rejects what GitLab would reject (so the checks above can fail)', () => {
    const report = secretDetectionReport(input(result([finding()])));
    // biome-ignore lint/suspicious/noExplicitAny: a deep copy, broken on purpose one field at a time
    type Loose = Record<string, any>;
    const broken = (mutate: (r: Loose) => void): boolean => {
      const copy = JSON.parse(JSON.stringify(report)) as Loose;
      mutate(copy);
      return validate(copy);
    };
    expect(broken((r) => (r.scan.end_time = '2026-12-02T00:30:15.123Z'))).toBe(false);
    expect(broken((r) => (r.scan.type = 'sast'))).toBe(false);
    expect(broken((r) => (r.vulnerabilities[0].severity = 'critical'))).toBe(false);
    expect(broken((r) => (r.vulnerabilities[0].identifiers = []))).toBe(false);
    expect(broken((r) => delete r.vulnerabilities[0].location.commit)).toBe(false);
  });
});

describe('the GitLab code quality report', () => {
  it('is a CodeClimate issue per finding, with the fields GitLab reads, redacted', () => {
    const secret = tokens.githubPat();
    const issues = codeQualityReport({ ...input(result([finding({ secretText: secret })])), pathPrefix: 'app/' });
    expect(issues).toEqual([
      {
        type: 'issue',
        check_name: 'keyscan/github-pat',
        description: 'github-pat: GitHub personal access token (classic): ghp_****',
        categories: ['Security'],
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: 'critical',
        location: { path: 'app/src/app.ts', lines: { begin: 3 } },
      },
    ]);
    for (const s of slices(secretBody(secret))) expect(JSON.stringify(issues)).not.toContain(s);
  });
});
