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
