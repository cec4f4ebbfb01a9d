import type { RuleSpec } from '../src/catalogue/spec.js';

const references = ['https://docs.gitlab.com/ee/security/tokens/#token-prefixes'];
const rotate =
  'Revoke the token in GitLab, create a replacement with the narrowest scope and expiry that work, and update every place that used it.';

function gitlabToken(id: string, prefix: string, description: string, revoke: string): RuleSpec {
  return {
    id,
    description,
    provider: 'GitLab',
    severity: 'critical',
    // 20 characters in the classic form; newer routable tokens are longer and may carry `.`-separated parts.
    regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}[A-Za-z0-9_-]{20,64}(?:\\.[A-Za-z0-9_-]{2,16}){0,2})(?![A-Za-z0-9_-])`),
    keywords: [prefix],
    entropy: 3,
    remediation: { revoke, rotate },
    references,
    tags: ['vcs'],
    examples: {
      positive: [`${prefix}{{alnum:20}}`, `GITLAB_TOKEN="${prefix}{{b64url:27}}.01.{{lowalnum:9}}"`],
      negative: [`${prefix}{{alnum:12}}`, `${prefix}xxxxxxxxxxxxxxxxxxxx`],
    },
  };
}

export const gitlabRules = [
  gitlabToken(
    'gitlab-pat',
    'glpat-',
    'GitLab personal, project or group access token',
    'https://gitlab.com/-/user_settings/personal_access_tokens',
  ),
  gitlabToken(
    'gitlab-runner-token',
    'glrt-',
    'GitLab runner authentication token',
    'https://docs.gitlab.com/ee/ci/runners/configure_runners.html#reset-the-runner-authentication-token',
  ),
  gitlabToken(
    'gitlab-deploy-token',
    'gldt-',
    'GitLab deploy token',
    'https://docs.gitlab.com/ee/user/project/deploy_tokens/#revoke-a-deploy-token',
  ),
  gitlabToken(
    'gitlab-pipeline-trigger-token',
    'glptt-',
    'GitLab pipeline trigger token',
    'https://docs.gitlab.com/ee/ci/triggers/#revoke-a-pipeline-trigger-token',
  ),
] satisfies readonly RuleSpec[];
