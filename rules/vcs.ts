/** Source hosting other than GitHub and GitLab: Bitbucket, Atlassian, Sourcegraph, Gitea, Azure DevOps. */
import type { RuleSpec } from '../src/catalogue/spec.js';
import { assigned, token } from './define.js';

const tags = ['vcs'];

export const vcsRules: readonly RuleSpec[] = [
  token(
    {
      id: 'bitbucket-app-password',
      description: 'Bitbucket app password',
      provider: 'Bitbucket',
      severity: 'critical',
      tags,
      partner: 'Used together with the Bitbucket username.',
      revoke: 'https://bitbucket.org/account/settings/app-passwords/',
      rotate:
        'Revoke the app password under Personal settings → App passwords, and replace it with an API token or access token with narrow scopes.',
      references: ['https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/'],
      entropy: 3.5,
      positive: ['ATBB{{alnum:32}}', 'BITBUCKET_APP_PASSWORD=ATBB{{alnum:24}}{{hex:8}}'],
      negative: ['ATBB{{alnum:12}}', 'ATBBXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
    { prefixes: ['ATBB'], body: '[A-Za-z0-9_=.-]{32}' },
  ),
  token(
    {
      id: 'bitbucket-access-token',
      description: 'Bitbucket repository, project or workspace access token',
      provider: 'Bitbucket',
      severity: 'critical',
      tags,
      revoke: 'https://bitbucket.org/',
      rotate: 'Revoke the token in the repository, project or workspace settings → Access tokens, create a new one, and update its users.',
      references: ['https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/'],
      entropy: 4,
      maxLength: 1024,
      positive: ['ATCTT3xFfGN0{{b64url:170}}={{HEX:8}}', 'BITBUCKET_TOKEN=ATCTT3xFfGN0{{b64url:180}}={{HEX:8}}'],
      negative: ['ATCTT3xFfGN0{{b64url:20}}', 'ATCTT3xFfGN0'],
    },
    { prefixes: ['ATCTT3xFfGN0'], body: '[A-Za-z0-9_=-]{100,400}' },
  ),
  token(
    {
      id: 'atlassian-api-token',
      description: 'Atlassian API token (Jira, Confluence, Bitbucket)',
      provider: 'Atlassian',
      severity: 'critical',
      tags: ['saas'],
      partner: 'Used together with the account’s email address.',
      revoke: 'https://id.atlassian.com/manage-profile/security/api-tokens',
      rotate:
        'Revoke the token under Atlassian account → Security → API tokens, create a new one with an expiry (and scopes), and update its users.',
      references: ['https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/'],
      entropy: 4,
      maxLength: 1024,
      positive: ['ATATT3xFfGF0{{b64url:170}}={{HEX:8}}', 'JIRA_API_TOKEN=ATATT3xFfGF0{{b64url:180}}={{HEX:8}}'],
      negative: ['ATATT3xFfGF0{{b64url:20}}', 'ATATT3xFfGF0'],
    },
    { prefixes: ['ATATT3xFfGF0', 'ATATT3'], body: '[A-Za-z0-9_=-]{100,400}', keywords: ['atatt3'] },
  ),
  assigned(
    {
      id: 'atlassian-legacy-api-token',
      description: 'Atlassian API token (legacy 24-character format)',
      provider: 'Atlassian',
      severity: 'high',
      tags: ['saas'],
      partner: 'Used together with the account’s email address.',
      revoke: 'https://id.atlassian.com/manage-profile/security/api-tokens',
      rotate: 'Revoke the token under Atlassian account → Security → API tokens and create a new one.',
      references: ['https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/'],
      entropy: 3.5,
      positive: ['JIRA_API_TOKEN={{alnum:24}}', 'confluence_token: "{{alnum:24}}"'],
      negative: ['JIRA_API_TOKEN={{alnum:12}}', 'JIRA_BASE_URL=https://acme.atlassian.net'],
    },
    {
      names: ['jira_api_token', 'jira_token', 'jira_api_key', 'confluence_token', 'confluence_api', 'atlassian_token', 'atlassian_api'],
      body: '[A-Za-z0-9]{24}',
    },
  ),
  token(
    {
      id: 'sourcegraph-access-token',
      description: 'Sourcegraph access token',
      provider: 'Sourcegraph',
      severity: 'high',
      tags,
      revoke: 'https://sourcegraph.com/user/settings/tokens',
      rotate: 'Delete the token under User settings → Access tokens, create a new one, and update its users.',
      references: ['https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token'],
      entropy: 3,
      positive: ['sgp_{{hex:40}}', 'SRC_ACCESS_TOKEN=sgp_{{hex:16}}_{{hex:40}}', 'sgp_local_{{hex:40}}'],
      negative: ['sgp_{{hex:20}}', 'sgp_{{alnum:40}}z'],
    },
    { prefixes: ['sgp_'], body: '(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}' },
  ),
  assigned(
    {
      id: 'gitea-access-token',
      description: 'Gitea or Forgejo access token',
      provider: 'Gitea',
      severity: 'high',
      tags,
      revoke: 'https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens',
      rotate: 'Delete the token under Settings → Applications, create a scoped replacement, and update its users.',
      references: ['https://docs.gitea.com/development/api-usage'],
      entropy: 3,
      positive: ['GITEA_TOKEN={{hex:40}}', 'forgejo_token: "{{hex:40}}"'],
      negative: ['GITEA_TOKEN={{hex:20}}', 'GITEA_URL=https://git.example.org'],
    },
    { names: ['gitea_token', 'gitea_access', 'gitea_api', 'forgejo_token', 'forgejo_access', 'codeberg_token'], body: '[a-f0-9]{40}' },
  ),
  assigned(
    {
      id: 'azure-devops-pat',
      description: 'Azure DevOps personal access token',
      provider: 'Azure DevOps',
      severity: 'critical',
      tags: ['vcs'],
      revoke: 'https://dev.azure.com/_usersSettings/tokens',
      rotate:
        'Revoke the token under User settings → Personal access tokens, create one with the narrowest scopes and expiry, and update its users.',
      references: ['https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate'],
      entropy: 3.5,
      positive: ['AZURE_DEVOPS_PAT={{base32:52}}', 'azure_devops_token: "{{alnum:52}}AZDO{{alnum:28}}"', 'ADO_PAT={{lowbase32:52}}'],
      negative: ['AZURE_DEVOPS_PAT={{lowalnum:20}}', 'pat: "{{lowalnum:52}}"'],
    },
    {
      names: ['azure_devops', 'azure-devops', 'azuredevops', 'ado_pat', 'ado_token', 'vsts', 'system_accesstoken'],
      // Legacy: 52 characters of lowercase base32; since 2024: 84 characters with "AZDO" at 76.
      body: '(?:[A-Za-z0-9]{52}AZDO[A-Za-z0-9]{28}|[a-z2-7]{52}|[A-Z2-7]{52})',
    },
  ),
];
