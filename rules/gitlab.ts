import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

const references = ['https://docs.gitlab.com/ee/security/tokens/#token-prefixes'];
const rotate =
  'Revoke the token in GitLab, create a replacement with the narrowest scope and expiry that work, and update every place that used it.';

function gitlabToken(id: string, prefix: string, description: string, revoke: string): RuleSpec {
  return custom(
    {
      id,
      description,
      provider: 'GitLab',
      severity: 'critical',
      tags: ['vcs'],
      revoke,
      rotate,
      references,
      entropy: 3,
      positive: [`${prefix}{{alnum:20}}`, `GITLAB_TOKEN="${prefix}{{b64url:27}}.01.{{lowalnum:9}}"`],
      negative: [`${prefix}{{alnum:12}}`, `${prefix}xxxxxxxxxxxxxxxxxxxx`],
    },
    {
      // 20 characters in the classic form; newer routable tokens are longer and may carry `.`-separated parts.
      regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}[A-Za-z0-9_-]{20,64}(?:\\.[A-Za-z0-9_-]{2,16}){0,2})(?![A-Za-z0-9_-])`),
      keywords: [prefix],
    },
  );
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
  gitlabToken(
    'gitlab-runner-registration-token',
    'glrtr-',
    'GitLab runner authentication token (created by registration)',
    'https://docs.gitlab.com/ee/ci/runners/configure_runners.html#reset-the-runner-authentication-token',
  ),
  gitlabToken('gitlab-oauth-app-secret', 'gloas-', 'GitLab OAuth application secret', 'https://gitlab.com/-/user_settings/applications'),
  gitlabToken('gitlab-ci-job-token', 'glcbt-', 'GitLab CI/CD job token', 'https://docs.gitlab.com/ee/ci/jobs/ci_job_token.html'),
  gitlabToken(
    'gitlab-incoming-mail-token',
    'glimt-',
    'GitLab incoming email token',
    'https://gitlab.com/-/user_settings/personal_access_tokens',
  ),
  gitlabToken('gitlab-feed-token', 'glft-', 'GitLab feed token', 'https://gitlab.com/-/user_settings/personal_access_tokens'),
  gitlabToken(
    'gitlab-agent-token',
    'glagent-',
    'GitLab agent for Kubernetes token',
    'https://docs.gitlab.com/ee/user/clusters/agent/work_with_agent.html#reset-the-agent-token',
  ),
  gitlabToken('gitlab-scim-token', 'glsoat-', 'GitLab SCIM OAuth token', 'https://docs.gitlab.com/ee/user/group/saml_sso/scim_setup.html'),
  gitlabToken(
    'gitlab-feature-flags-token',
    'glffct-',
    'GitLab feature flags client token',
    'https://docs.gitlab.com/ee/operations/feature_flags.html#get-access-credentials',
  ),
  custom(
    {
      id: 'gitlab-runner-legacy-registration-token',
      description: 'GitLab runner registration token (legacy)',
      provider: 'GitLab',
      severity: 'high',
      tags: ['vcs'],
      revoke: 'https://docs.gitlab.com/ee/ci/runners/new_creation_workflow.html',
      rotate:
        'Reset the registration token in the project, group or instance runner settings, and move to runner authentication tokens (glrt-).',
      references: references,
      entropy: 3,
      positive: ['GR1348941{{alnum:20}}', 'REGISTRATION_TOKEN="GR1348941{{b64url:20}}"'],
      negative: ['GR1348941{{alnum:8}}', 'GR1348941xxxxxxxxxxxxxxxxxxxx'],
    },
    { regex: /(?<![A-Za-z0-9_-])(?<secret>GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/, keywords: ['gr1348941'] },
  ),
] satisfies readonly RuleSpec[];
