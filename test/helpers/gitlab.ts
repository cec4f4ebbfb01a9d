/**
 * A simulated GitLab CI job: the predefined variables the runner sets for a pipeline, for running
 * `keyscan ci` against a real repository, and the report artifacts it leaves behind.
 * https://docs.gitlab.com/ci/variables/predefined_variables/
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLANK_CI_ENV } from './ci-env.js';
import { type CliRun, keyscan } from './cli.js';
import { tempDir } from './repo.js';

/** Every CI variable keyscan ci reads, blank: a test running inside a real CI must not see the real ones. */
const BLANK = BLANK_CI_ENV;

export interface GitlabRun extends CliRun {
  /** gl-secret-detection-report.json, parsed (undefined when not written). */
  readonly secretReport: { scan: { status: string }; vulnerabilities: Array<Record<string, unknown>> } | undefined;
  /** gl-code-quality-report.json, parsed. */
  readonly qualityReport: Array<{ check_name: string; location: { path: string; lines: { begin: number } } }> | undefined;
  /** Both reports' text. */
  readonly reportText: string;
}

/**
 * Runs `keyscan ci` in `projectDir` as a GitLab job with `vars` (CI_PIPELINE_SOURCE and the rest).
 * The reports go to a temp dir (--report-dir) unless `reportDir` is null: then to CI_PROJECT_DIR.
 */
export async function runGitlabCi(
  projectDir: string,
  vars: Record<string, string>,
  args: readonly string[] = [],
  reportDir: string | null = tempDir('keyscan-gl-'),
): Promise<GitlabRun> {
  const env = {
    ...BLANK,
    CI: 'true',
    GITLAB_CI: 'true',
    CI_PROJECT_DIR: projectDir,
    CI_PROJECT_URL: 'https://gitlab.example.com/acme/widgets',
    ...vars,
  };
  const r = await keyscan(['ci', ...(reportDir === null ? [] : ['--report-dir', reportDir]), ...args], { cwd: projectDir, env });
  const dir = reportDir ?? projectDir;
  const read = (name: string): string => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  const secretText = read('gl-secret-detection-report.json');
  const qualityText = read('gl-code-quality-report.json');
  return {
    ...r,
    secretReport: secretText === '' ? undefined : (JSON.parse(secretText) as GitlabRun['secretReport']),
    qualityReport: qualityText === '' ? undefined : (JSON.parse(qualityText) as GitlabRun['qualityReport']),
    reportText: `${secretText}\n${qualityText}`,
  };
}
