import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

const references = ['https://docs.gitlab.com/ee/security/tokens/#token-prefixes'];
const rotate =
  'Revoke the token in GitLab, create a replacement with the narrowest scope and expiry that work, and update every place that used it.';

/**
 * What follows the prefix. By default 20 characters (Devise.friendly_token; GitLab's own auth
 * finder took 20 to 40-character bearer tokens for PATs, so no unsplit body is longer than 34),
 * or the routable form: a longer base64url payload with `.`-separated version and CRC parts
 * (glpat-<37 to 310 characters>, gitlab-org/gitlab!169322). Tokens GitLab makes otherwise have their own:
 * `body` (a regex source), with `example` generating one.
 */
interface TokenBody {
  readonly body: string;
  readonly example: string;
  /** A value of the prefix that the body rules out. */
  readonly negative?: string;
}

const DEFAULT_BODY: TokenBody = {
  body: '(?:[A-Za-z0-9_-]{20,310}(?:\\.[A-Za-z0-9_-]{2,16}){1,2}|[A-Za-z0-9_-]{20,34})',
  example: '{{alnum:20}}',
  negative: '{{hex:64}}',
};

function gitlabToken(id: string, prefix: string, description: string, revoke: string, shape: TokenBody = DEFAULT_BODY): RuleSpec {
  const assigned = shape === DEFAULT_BODY ? `${prefix}{{b64url:27}}.01.{{lowalnum:9}}` : `${prefix}${shape.example}`;
  const rule = custom(
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
      positive: [`${prefix}${shape.example}`, `GITLAB_TOKEN="${assigned}"`],
      negative: [`${prefix}{{alnum:12}}`, `${prefix}xxxxxxxxxxxxxxxxxxxx`, ...(shape.negative ? [`${prefix}${shape.negative}`] : [])],
    },
    {
      // 20 characters in the classic form; newer routable tokens are longer and carry `.`-separated parts.
      regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}${shape.body})(?![A-Za-z0-9_-])`),
      keywords: [prefix],
    },
  );
  // GitLab's prefixes are its own: `gloas-` and 32 hex digits is a cut copy, no other secret.
  return { ...rule, owns: { prefixes: [prefix], value: `${prefix}(?:${shape.body})` } };
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
    // SecureRandom.hex(20).
    { body: '[0-9a-f]{40}', example: '{{hex:40}}', negative: '{{b64url:43}}' },
  ),
  gitlabToken(
    'gitlab-runner-registration-token',
    'glrtr-',
    'GitLab runner authentication token (created by registration)',
    'https://docs.gitlab.com/ee/ci/runners/configure_runners.html#reset-the-runner-authentication-token',
  ),
  // SecureRandom.hex(32).
  gitlabToken('gitlab-oauth-app-secret', 'gloas-', 'GitLab OAuth application secret', 'https://gitlab.com/-/user_settings/applications', {
    body: '[0-9a-f]{64}',
    example: '{{hex:64}}',
    negative: '{{hex:32}}',
  }),
  gitlabToken('gitlab-ci-job-token', 'glcbt-', 'GitLab CI/CD job token', 'https://docs.gitlab.com/ee/ci/jobs/ci_job_token.html'),
  gitlabToken(
    'gitlab-incoming-mail-token',
    'glimt-',
    'GitLab incoming email token',
    'https://gitlab.com/-/user_settings/personal_access_tokens',
    // SecureRandom.hex(16) in base 36: 25 characters.
    { body: '[0-9a-z]{25}', example: '{{lowalnum:25}}', negative: '{{lowalnum:23}}' },
  ),
  gitlabToken('gitlab-feed-token', 'glft-', 'GitLab feed token', 'https://gitlab.com/-/user_settings/personal_access_tokens'),
  gitlabToken(
    'gitlab-agent-token',
    'glagent-',
    'GitLab agent for Kubernetes token',
    'https://docs.gitlab.com/ee/user/clusters/agent/work_with_agent.html#reset-the-agent-token',
    // Devise.friendly_token(50): 50 characters and more.
    { body: '[A-Za-z0-9_-]{50,1024}', example: '{{b64url:50}}', negative: '{{b64url:20}}' },
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
