import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

const references = [
  'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats',
];
const rotate =
  'Delete the token on GitHub, create a replacement with the narrowest scopes that work, and update every place that used it. Check the security log for its use.';

function tokenRule(id: string, prefix: string, description: string, revoke: string): RuleSpec {
  return custom(
    {
      id,
      description,
      provider: 'GitHub',
      severity: 'critical',
      tags: ['vcs'],
      revoke,
      rotate,
      references,
      entropy: 3.5,
      validator: 'github-checksum',
      positive: [`${prefix}{{crc62:30}}`, `GITHUB_TOKEN=${prefix}{{crc62:30}}`],
      negative: [`${prefix}{{alnum:30}}`, `${prefix}{{alnum:36}}`, `${prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
    },
    {
      // 30 random base62 characters and a 6-character CRC32 checksum of them, which the validator
      // checks: a hand-typed or truncated token-shaped string is not reported.
      regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${prefix}[A-Za-z0-9]{36})(?![A-Za-z0-9])`),
      keywords: [prefix],
    },
  );
}

export const githubRules = [
  tokenRule('github-pat', 'ghp_', 'GitHub personal access token (classic)', 'https://github.com/settings/tokens'),
  tokenRule('github-oauth-token', 'gho_', 'GitHub OAuth access token', 'https://github.com/settings/applications'),
  tokenRule('github-user-to-server-token', 'ghu_', 'GitHub App user access token', 'https://github.com/settings/apps/authorizations'),
  tokenRule(
    'github-server-to-server-token',
    'ghs_',
    'GitHub App installation access token',
    'https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token',
  ),
  tokenRule('github-refresh-token', 'ghr_', 'GitHub App refresh token', 'https://github.com/settings/apps/authorizations'),
  custom(
    {
      id: 'github-server-to-server-token-stateless',
      description: 'GitHub App installation access token, stateless format (ghs_<app id>_<JWT>)',
      provider: 'GitHub',
      severity: 'critical',
      tags: ['vcs'],
      revoke: 'https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token',
      rotate:
        'Revoke the installation token (DELETE /installation/token); it expires within an hour anyway. If it leaked from CI, check what the job could reach and keep minting tokens per job from the App rather than storing them.',
      references: [
        'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app',
      ],
      entropy: 4,
      maxLength: 2200,
      positive: [
        'ghs_{{digit:7}}_eyJ{{b64url:60}}.eyJ{{b64url:300}}.{{b64url:86}}',
        'GITHUB_TOKEN=ghs_{{digit:6}}_eyJ{{b64url:40}}.eyJ{{b64url:200}}.{{b64url:43}}',
      ],
      negative: ['ghs_{{digit:7}}_{{b64url:60}}', 'ghs_{{digit:7}}_eyJ{{b64url:60}}.eyJ{{b64url:300}}'],
    },
    {
      // Since April 2026 installation tokens are "ghs_", the App's numeric id, "_" and a signed JWT (~520 characters).
      regex:
        /(?<![A-Za-z0-9_])(?<secret>ghs_\d{1,12}_eyJ[A-Za-z0-9_-]{10,600}\.eyJ[A-Za-z0-9_-]{10,1200}\.[A-Za-z0-9_-]{20,400})(?![A-Za-z0-9_.-])/,
      keywords: ['ghs_'],
    },
  ),
  custom(
    {
      id: 'github-fine-grained-pat',
      description: 'GitHub fine-grained personal access token',
      provider: 'GitHub',
      severity: 'critical',
      tags: ['vcs'],
      revoke: 'https://github.com/settings/personal-access-tokens',
      rotate,
      references: references,
      entropy: 4,
      positive: ['github_pat_{{alnum:22}}_{{alnum:59}}', 'token: github_pat_{{alnum:22}}_{{alnum:59}}'],
      negative: ['github_pat_{{alnum:22}}_{{alnum:40}}', 'github_pat_{{alnum:22}}{{alnum:59}}'],
    },
    { regex: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])/, keywords: ['github_pat_'] },
  ),
] satisfies readonly RuleSpec[];
