/**
 * Every CI variable `keyscan ci` reads, for GitHub Actions and GitLab CI alike, blank: a test
 * running inside a real CI job must not see the real ones, whichever provider it simulates.
 */
export const BLANK_CI_ENV: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'GITHUB_ACTIONS',
    'GITHUB_EVENT_NAME',
    'GITHUB_EVENT_PATH',
    'GITHUB_OUTPUT',
    'GITHUB_STEP_SUMMARY',
    'GITHUB_REPOSITORY',
    'GITHUB_SERVER_URL',
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_WORKSPACE',
    'RUNNER_TEMP',
    'GITLAB_CI',
    'CI_PIPELINE_SOURCE',
    'CI_COMMIT_SHA',
    'CI_COMMIT_BEFORE_SHA',
    'CI_COMMIT_BRANCH',
    'CI_COMMIT_TAG',
    'CI_DEFAULT_BRANCH',
    'CI_MERGE_REQUEST_IID',
    'CI_MERGE_REQUEST_DIFF_BASE_SHA',
    'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA',
    'CI_PROJECT_DIR',
    'CI_PROJECT_URL',
  ].map((k) => [k, '']),
);
