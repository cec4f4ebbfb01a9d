/**
 * Secrets managers, infrastructure-as-code platforms and service-discovery tokens (HashiCorp
 * Vault, Doppler, Infisical, 1Password, Pulumi and Terraform Cloud tokens are in ci.ts).
 */
import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom, JWT_BODY, JWT_EXAMPLE, named, prefixed, UUID, UUID_EXAMPLE } from './define.js';

const tags = ['secrets-tools'];
/** A leaked key to a secrets store exposes every secret it can read. */
const rotateIn = (where: string): string =>
  `Revoke the credential in ${where} at once and audit what it read; issue the workload a short-lived identity instead (OIDC or cloud IAM auth to the store) so no long-lived key is kept in files.`;

export const secretsToolRules: readonly RuleSpec[] = [
  named(
    tags,
    {
      id: 'akeyless-access-key',
      description: 'Akeyless access key',
      provider: 'Akeyless',
      severity: 'critical',
      revoke: 'https://console.akeyless.io/auth-methods',
      rotate: rotateIn('the Akeyless console (Auth Methods → the API key method → Reset access key)'),
      references: ['https://docs.akeyless.io/docs/api-key'],
      example: '{{b64:43}}=',
    },
    { names: ['akeyless'], body: '[A-Za-z0-9+/]{43}=', edge: 'A-Za-z0-9+/=_-' },
  ),
  named(
    tags,
    {
      id: 'bitwarden-sm-access-token',
      description: 'Bitwarden Secrets Manager machine-account access token',
      provider: 'Bitwarden',
      severity: 'critical',
      revoke: 'https://vault.bitwarden.com/#/sm',
      rotate: rotateIn('Bitwarden Secrets Manager (Machine accounts → the account → Access tokens → Revoke)'),
      references: ['https://bitwarden.com/help/access-tokens/'],
      example: `0.${UUID_EXAMPLE}.{{alnum:30}}:{{b64:22}}==`,
      entropy: 0,
    },
    { names: ['bws', 'bitwarden'], body: `0\\.${UUID}\\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==`, edge: 'A-Za-z0-9+/=_-' },
  ),
  named(
    tags,
    {
      id: 'conjur-api-key',
      description: 'CyberArk Conjur API key',
      provider: 'CyberArk Conjur',
      severity: 'critical',
      revoke: 'https://docs.cyberark.com/conjur-open-source/latest/en/content/operations/services/rotate-api-keys.htm',
      rotate: rotateIn('Conjur (conjur host rotate-api-key, or the UI)'),
      references: ['https://docs.cyberark.com/conjur-open-source/latest/en/content/developer/conjur_api.htm'],
      example: '{{lowalnum:54}}',
    },
    { names: ['conjur'], body: '[a-z0-9]{50,56}' },
  ),
  named(
    tags,
    {
      id: 'keeper-ksm-token',
      description: 'Keeper Secrets Manager one-time access token',
      provider: 'Keeper',
      severity: 'critical',
      revoke: 'https://keepersecurity.com/vault/#secrets-manager',
      rotate: rotateIn('Keeper Secrets Manager (the application → Devices → Remove)'),
      references: ['https://docs.keeper.io/en/keeperpam/secrets-manager/about/one-time-token'],
      example: 'US:{{b64url:43}}',
    },
    { names: ['keeper', 'ksm_token', 'ksm_config'], body: '(?:US|EU|AU|GOV|JP|CA):[A-Za-z0-9_-]{43}' },
  ),
  prefixed(
    tags,
    {
      id: 'phase-service-token',
      description: 'Phase service or personal access token',
      provider: 'Phase',
      severity: 'critical',
      revoke: 'https://console.phase.dev/',
      rotate: rotateIn('the Phase console (the app → Access → Service tokens)'),
      references: ['https://docs.phase.dev/console/tokens'],
      example: 'v1:{{hex:64}}:{{hex:64}}:{{hex:64}}:{{hex:64}}',
      entropy: 0,
      maxLength: 320,
    },
    { prefixes: ['pss_service:', 'pss_user:'], body: 'v[12](?::[a-f0-9]{64}){2,4}', edge: 'A-Za-z0-9_:-' },
  ),
  custom(
    {
      id: 'dotenv-vault-key',
      description: 'dotenv-vault decryption key (DOTENV_KEY)',
      provider: 'Dotenv',
      severity: 'critical',
      tags,
      revoke: 'https://www.dotenv.org/docs/security/dotenv-key',
      rotate:
        'Rotate the environment’s key (npx dotenv-vault rotatekey <environment>), rebuild the .env.vault, and set the new DOTENV_KEY only in the deployment’s secret settings.',
      references: ['https://www.dotenv.org/docs/security/dotenv-key'],
      positive: [
        'DOTENV_KEY="dotenv://:key_{{hex:64}}@dotenv.org/vault/.env.vault?environment=production"',
        'dotenv://:key_{{hex:64}}@dotenv.local/vault/.env.vault?environment=ci',
      ],
      negative: ['dotenv://:key_{{hex:16}}@dotenv.org/vault/.env.vault', 'DOTENV_KEY="dotenv://:key_1234@dotenv.org/vault/.env.vault"'],
    },
    { regex: /dotenv:\/\/:key_(?<secret>[a-f0-9]{64})@dotenv\.[a-z]{2,10}\/vault\//, keywords: ['dotenv://'] },
  ),
  named(
    tags,
    {
      id: 'dotenvx-private-key',
      description: 'dotenvx private decryption key',
      provider: 'dotenvx',
      severity: 'critical',
      revoke: 'https://dotenvx.com/docs/quickstart',
      rotate:
        'Rotate the key pair (dotenvx rotate), commit the re-encrypted .env, and keep DOTENV_PRIVATE_KEY only in the deployment’s secret settings or .env.keys (never committed).',
      references: ['https://dotenvx.com/docs/quickstart'],
      example: '{{hex:64}}',
    },
    { names: ['dotenv_private_key'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'hcp-client-secret',
      description: 'HashiCorp Cloud Platform service principal client secret',
      provider: 'HashiCorp Cloud Platform',
      severity: 'critical',
      revoke: 'https://portal.cloud.hashicorp.com/access/service-principals',
      rotate: rotateIn('HCP (Access control → Service principals → Keys → Delete); HCP workload identity federation avoids the key in CI'),
      references: ['https://developer.hashicorp.com/hcp/docs/hcp/iam/service-principal'],
      example: '{{b64url:64}}',
    },
    { names: ['hcp_client_secret'], body: '[A-Za-z0-9_-]{64}' },
  ),
  named(
    tags,
    {
      id: 'spacelift-api-secret',
      description: 'Spacelift API key secret',
      provider: 'Spacelift',
      severity: 'critical',
      revoke: 'https://docs.spacelift.io/integrations/api#spacelift-api-key-token',
      rotate: rotateIn('Spacelift (Organization settings → API keys); CI can log in with OIDC instead'),
      references: ['https://docs.spacelift.io/integrations/api#spacelift-api-key-token'],
      example: '{{hex:64}}',
    },
    { names: ['spacelift'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'scalr-api-token',
      description: 'Scalr API token',
      provider: 'Scalr',
      severity: 'critical',
      revoke: 'https://docs.scalr.io/docs/api-tokens',
      rotate: rotateIn('Scalr (Profile or service account → API tokens)'),
      references: ['https://docs.scalr.io/docs/api-tokens'],
      example: JWT_EXAMPLE,
    },
    { names: ['scalr'], body: JWT_BODY },
  ),
  named(
    tags,
    {
      id: 'vault-approle-secret-id',
      description: 'HashiCorp Vault AppRole secret ID',
      provider: 'HashiCorp Vault',
      severity: 'critical',
      revoke: 'https://developer.hashicorp.com/vault/api-docs/auth/approle#destroy-approle-secret-id',
      rotate: rotateIn('Vault (vault write auth/approle/role/<role>/secret-id/destroy)'),
      references: ['https://developer.hashicorp.com/vault/docs/auth/approle'],
      example: UUID_EXAMPLE,
    },
    { names: ['vault_secret_id', 'approle_secret_id', 'vault_approle_secret'], body: UUID },
  ),
  named(
    tags,
    {
      id: '1password-connect-token',
      description: '1Password Connect server access token',
      provider: '1Password',
      severity: 'critical',
      revoke: 'https://my.1password.com/developer-tools/infrastructure-secrets/connect',
      rotate: rotateIn('1Password (Developer → Connect servers → the server → Revoke token)'),
      references: ['https://developer.1password.com/docs/connect/manage-connect/'],
      example: JWT_EXAMPLE,
    },
    { names: ['op_connect_token', 'onepassword_connect_token'], body: JWT_BODY },
  ),
  named(
    tags,
    {
      id: 'infisical-client-secret',
      description: 'Infisical machine identity (universal auth) client secret',
      provider: 'Infisical',
      severity: 'critical',
      revoke: 'https://app.infisical.com/organization/access-management?selectedTab=identities',
      rotate: rotateIn('Infisical (Access control → Machine identities → Universal Auth → Client secrets)'),
      references: ['https://infisical.com/docs/documentation/platform/identities/universal-auth'],
      example: '{{hex:64}}',
    },
    { names: ['infisical'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'consul-acl-token',
      description: 'HashiCorp Consul ACL token',
      provider: 'HashiCorp Consul',
      severity: 'critical',
      revoke: 'https://developer.hashicorp.com/consul/commands/acl/token/delete',
      rotate:
        'Delete the token (consul acl token delete), create one bound to a narrow policy, and have agents get theirs from Vault’s Consul secrets engine.',
      references: ['https://developer.hashicorp.com/consul/docs/security/acl/tokens'],
      example: UUID_EXAMPLE,
    },
    { names: ['consul_http_token', 'consul_token', 'consul_acl_token'], body: UUID },
  ),
  named(
    tags,
    {
      id: 'nomad-acl-token',
      description: 'HashiCorp Nomad ACL secret ID',
      provider: 'HashiCorp Nomad',
      severity: 'critical',
      revoke: 'https://developer.hashicorp.com/nomad/commands/acl/token/delete',
      rotate: 'Delete the token (nomad acl token delete), create one bound to a narrow policy with a TTL, or use workload identity.',
      references: ['https://developer.hashicorp.com/nomad/tutorials/access-control/access-control-tokens'],
      example: UUID_EXAMPLE,
    },
    { names: ['nomad_token', 'nomad_acl_token'], body: UUID },
  ),
];
