/**
 * GitLab's report artifacts: the secret detection report (`artifacts:reports:secret_detection`),
 * which puts findings in the merge request's security widget and the vulnerability report, and
 * the code quality report (`artifacts:reports:codequality`), which marks the lines in the merge
 * request's diff. Both are redacted like every keyscan report: no field carries a secret, not
 * even `raw_source_code_extract`, which GitLab's own analyzer fills with the raw match.
 *
 * Secret detection: security-report-schemas, dist/secret-detection-report-format.json, v15.0.7
 * (test/ci/gitlab/reports.test.ts validates against its constraints, fixtures/gitlab/).
 * Code quality: https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'node:crypto';
import type { ReportRule } from '../../report/context.js';
import { escapeControl } from '../../report/escape.js';
import { mdText as escapeText } from '../../report/markdown-escape.js';
import { scrub } from '../../report/scrub.js';
import type { Finding, ScanResult, Severity } from '../../types.js';

export const SECRET_DETECTION_VERSION = '15.0.7';
export const SECRET_DETECTION_SCHEMA = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${SECRET_DETECTION_VERSION}/dist/secret-detection-report-format.json`;

const SEVERITY: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
const QUALITY_SEVERITY: Record<Severity, string> = { critical: 'critical', high: 'major', medium: 'minor', low: 'minor', info: 'info' };
/** GitLab's limits on a vulnerability's fields. */
const MAX_NAME = 255;
const MAX_SOLUTION = 7000;
const MAX_MESSAGES = 50;
/** What GitLab's analyzers write as the commit of a finding that is in no commit (a file scan). */
const NO_COMMIT = '0000000';

export interface GitlabReportInput {
  readonly result: ScanResult;
  readonly rules: readonly ReportRule[];
  readonly version: string;
  /** The commit a finding without one is reported at (the scanned head). */
  readonly headSha: string | undefined;
  /** Prepended to paths when the repository is a subdirectory of the project directory. */
  readonly pathPrefix: string;
  /** When the scan ended; it started `stats.durationMs` before. */
  readonly endedAt: Date;
  /** Lines for the reader (fetches made, fallbacks taken), as info messages. */
  readonly notes: readonly string[];
}

/** The secret detection report: an object ready for JSON.stringify. */
export function secretDetectionReport(input: GitlabReportInput): Record<string, unknown> {
  const { result } = input;
  const byId = new Map(input.rules.map((r) => [r.id, r]));
  const messages = [
    ...result.errors.map((e) => ({ level: 'warn', value: text(`not scanned: ${e.path}: ${e.message}`) })),
    ...result.warnings.map((w) => ({ level: 'warn', value: text(w) })),
    ...input.notes.map((n) => ({ level: 'info', value: text(n) })),
  ].filter((m) => m.value !== '');
  return {
    version: SECRET_DETECTION_VERSION,
    schema: SECRET_DETECTION_SCHEMA,
    scan: {
      ...scanSection(input, messages.slice(0, MAX_MESSAGES)),
      // Anything not scanned fails the scan: GitLab must not show "no vulnerabilities" for it.
      status: result.errors.length > 0 ? 'failure' : 'success',
    },
    vulnerabilities: result.findings.map((f) => vulnerability(f, byId.get(f.ruleId), input)),
  };
}

/** A report for a scan that could not run: status failure, the error as a fatal message, no findings. */
export function failedSecretDetectionReport(message: string, version: string, now: Date): Record<string, unknown> {
  const input = { version, endedAt: now, result: { stats: { durationMs: 0 } } } as const;
  return {
    version: SECRET_DETECTION_VERSION,
    schema: SECRET_DETECTION_SCHEMA,
    scan: { ...scanSection(input, [{ level: 'fatal', value: text(message) || 'keyscan could not scan' }]), status: 'failure' },
    vulnerabilities: [],
  };
}

function scanSection(
  input: { readonly version: string; readonly endedAt: Date; readonly result: { readonly stats: { readonly durationMs: number } } },
  messages: ReadonlyArray<{ level: string; value: string }>,
): Record<string, unknown> {
  const tool = {
    id: 'keyscan',
    name: 'keyscan',
    version: input.version,
    vendor: { name: 'keyscan' },
  };
  const started = new Date(input.endedAt.getTime() - Math.max(0, input.result.stats.durationMs));
  return {
    analyzer: tool,
    scanner: tool,
    type: 'secret_detection',
    start_time: timestamp(started),
    end_time: timestamp(input.endedAt),
    ...(messages.length > 0 ? { messages } : {}),
  };
}

function vulnerability(f: Finding, rule: ReportRule | undefined, input: GitlabReportInput): Record<string, unknown> {
  const path = `${input.pathPrefix}${f.path}`;
  const commit = f.commit ?? input.headSha ?? NO_COMMIT;
  const what = f.source === 'check' ? text(f.message) : `${text(f.message)}: ${text(f.redacted)}`;
  const where =
    f.commit !== undefined ? ` Introduced in commit ${f.commit.slice(0, 12)}${f.date ? ` on ${f.date.slice(0, 10)}` : ''}.` : '';
  const later = f.presentAtHead === false ? ' A later commit removed it, but it is still in git history.' : '';
  const revoke = rule?.remediation?.revoke;
  const solution =
    f.source === 'check'
      ? `See keyscan rules for ${f.ruleId}: how to fix it.`
      : `Revoke the secret first${revoke ? ` (${revoke})` : ''}, then rotate it and load the new one from a secret store or the environment. Removing it from the code does not make it safe again.`;
  return {
    id: uuid(`${f.fingerprint}\0${commit}\0${path}\0${f.startLine}\0${f.startColumn}`),
    name: text(rule?.description ?? f.ruleId).slice(0, MAX_NAME),
    description: escapeText(`${what}.${where}${later}`),
    severity: SEVERITY[f.severity],
    solution: escapeText(solution).slice(0, MAX_SOLUTION),
    identifiers: [{ type: 'keyscan_rule_id', name: `keyscan rule ${text(f.ruleId)}`, value: text(f.ruleId) }],
    location: {
      file: text(path),
      start_line: f.startLine,
      end_line: f.endLine,
      commit: {
        sha: commit,
        ...(f.author !== undefined ? { author: text(f.author) } : {}),
        ...(f.date !== undefined ? { date: f.date } : {}),
      },
    },
    // GitLab's analyzer puts the matched secret here; keyscan puts only its redacted form.
    raw_source_code_extract: f.source === 'check' ? '' : text(f.redacted),
    ...(revoke !== undefined && /^https?:\/\/\S+$/.test(revoke) ? { links: [{ name: 'Revoke', url: revoke }] } : {}),
  };
}

/** The code quality report: CodeClimate-style issues, one per finding. */
export function codeQualityReport(input: GitlabReportInput): Array<Record<string, unknown>> {
  return input.result.findings.map((f) => {
    const path = `${input.pathPrefix}${f.path}`;
    const shown = f.source === 'check' ? text(f.message) : `${text(f.message)}: ${text(f.redacted)}`;
    const commit = f.commit === undefined ? '' : ` (commit ${f.commit.slice(0, 12)})`;
    return {
      type: 'issue',
      check_name: `keyscan/${text(f.ruleId)}`,
      description: `${text(f.ruleId)}: ${shown}${commit}`,
      categories: ['Security'],
      fingerprint: createHash('sha256')
        .update(`${f.fingerprint}\0${f.commit ?? ''}\0${path}\0${f.startLine}`)
        .digest('hex'),
      severity: QUALITY_SEVERITY[f.severity],
      location: { path: text(path), lines: { begin: f.startLine } },
    };
  });
}

/** Text from the repository or a message: secrets masked, control characters escaped. */
function text(value: string): string {
  return escapeControl(scrub(value));
}

/** `yyyy-mm-ddThh:mm:ss` in UTC, the only form the schema accepts. */
function timestamp(d: Date): string {
  return d.toISOString().slice(0, 19);
}

/** A stable UUID-shaped id (GitLab recommends UUIDs), the same for the same finding in every run. */
function uuid(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
