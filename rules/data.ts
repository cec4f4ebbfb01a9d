/** Data platforms: warehouses, vector and search databases, serverless databases, pipelines. */
import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom, JWT_BODY, JWT_EXAMPLE, named, prefixed } from './define.js';

const tags = ['data'];
const rotateIn = (where: string): string =>
  `Delete the key in ${where}, create a new one with the narrowest role, and update the services that use it; for applications, prefer short-lived credentials issued by a vault or the platform's OIDC federation.`;

export const dataRules: readonly RuleSpec[] = [
  named(
    tags,
    {
      id: 'weaviate-api-key',
      description: 'Weaviate Cloud API key',
      provider: 'Weaviate',
      revoke: 'https://console.weaviate.cloud/',
      rotate: rotateIn('the Weaviate Cloud console (the cluster → API Keys); a read-only key for query-only clients'),
      references: ['https://weaviate.io/developers/wcs/platform/manage-api-keys'],
      example: '{{alnum:40}}',
    },
    { names: ['weaviate'], body: '[A-Za-z0-9]{32,64}' },
  ),
  named(
    tags,
    {
      id: 'qdrant-api-key',
      description: 'Qdrant Cloud API key',
      provider: 'Qdrant',
      revoke: 'https://cloud.qdrant.io/',
      rotate: rotateIn('Qdrant Cloud (the cluster → API Keys); a key scoped to one collection and with an expiry'),
      references: ['https://qdrant.tech/documentation/cloud/authentication/'],
      example: '{{b64url:48}}',
    },
    { names: ['qdrant'], body: '[A-Za-z0-9_|.-]{32,400}' },
  ),
  named(
    tags,
    {
      id: 'aiven-token',
      description: 'Aiven personal or application token',
      provider: 'Aiven',
      severity: 'critical',
      revoke: 'https://console.aiven.io/profile/tokens',
      rotate: rotateIn('the Aiven console (User profile → Tokens, or the application user); give it a maximum age'),
      references: ['https://aiven.io/docs/platform/howto/create_authentication_token'],
      example: '{{b64:372}}',
    },
    { names: ['aiven'], body: '[A-Za-z0-9+/]{300,400}={0,2}', edge: 'A-Za-z0-9+/=_-' },
  ),
  named(
    tags,
    {
      id: 'clickhouse-cloud-api-secret',
      description: 'ClickHouse Cloud API key secret',
      provider: 'ClickHouse',
      severity: 'critical',
      revoke: 'https://console.clickhouse.cloud/organizations',
      rotate: rotateIn('ClickHouse Cloud (Organization → API Keys); give the key an expiry'),
      references: ['https://clickhouse.com/docs/cloud/manage/openapi'],
      example: '4b1d{{alnum:38}}',
    },
    { names: ['clickhouse'], body: '4b1d[A-Za-z0-9]{38}' },
  ),
  named(
    tags,
    {
      id: 'turso-auth-token',
      description: 'Turso database or platform auth token',
      provider: 'Turso',
      revoke: 'https://app.turso.tech/',
      rotate:
        'Invalidate the database’s tokens (turso db tokens invalidate) or revoke the platform token, mint one with an expiry (--expiration) and read-only where possible, and deploy it.',
      references: ['https://docs.turso.tech/cli/db/tokens/create'],
      example: JWT_EXAMPLE,
    },
    { names: ['turso', 'libsql'], body: JWT_BODY },
  ),
  prefixed(
    tags,
    {
      id: 'xata-api-key',
      description: 'Xata API key',
      provider: 'Xata',
      revoke: 'https://app.xata.io/settings',
      rotate: rotateIn('Xata (Account settings → API keys)'),
      references: ['https://xata.io/docs/getting-started/api-keys'],
      example: '{{alnum:36}}',
    },
    { prefixes: ['xau_'], body: '[A-Za-z0-9]{32,40}' },
  ),
  named(
    tags,
    {
      id: 'tinybird-token',
      description: 'Tinybird auth token',
      provider: 'Tinybird',
      revoke: 'https://www.tinybird.co/docs/get-started/administration/auth-tokens',
      rotate:
        'Refresh the token in the workspace (Tokens → Refresh), prefer resource-scoped static tokens or short-lived JWTs for clients, and deploy it.',
      references: ['https://www.tinybird.co/docs/get-started/administration/auth-tokens'],
      example: 'p.eyJ{{b64url:120}}.{{b64url:43}}',
    },
    { names: ['tinybird', 'tb_token'], body: 'p\\.eyJ[A-Za-z0-9_-]{20,600}\\.[A-Za-z0-9_-]{20,100}' },
  ),
  prefixed(
    tags,
    {
      id: 'cockroachdb-cloud-api-key',
      description: 'CockroachDB Cloud service account API key',
      provider: 'CockroachDB',
      severity: 'critical',
      revoke: 'https://cockroachlabs.cloud/access/serviceaccounts',
      rotate: rotateIn('CockroachDB Cloud (Access Management → Service Accounts → API keys)'),
      references: ['https://www.cockroachlabs.com/docs/cockroachcloud/managing-access#api-access'],
      example: '{{alnum:22}}_{{alnum:40}}',
    },
    { prefixes: ['CCDB1_'], body: '[A-Za-z0-9]{20,30}_[A-Za-z0-9]{30,50}' },
  ),
  prefixed(
    tags,
    {
      id: 'dbt-cloud-token',
      description: 'dbt Cloud service token or personal access token',
      provider: 'dbt Labs',
      revoke: 'https://cloud.getdbt.com/settings/profile',
      rotate:
        'Delete the token (Account settings → Service tokens, or Personal tokens), create a service token with only the permission sets it needs, and deploy it.',
      references: ['https://docs.getdbt.com/docs/dbt-cloud-apis/service-tokens'],
      example: '{{b64url:48}}',
    },
    { prefixes: ['dbtc_', 'dbtu_'], body: '[A-Za-z0-9_-]{40,64}' },
  ),
  named(
    tags,
    {
      id: 'fivetran-api-secret',
      description: 'Fivetran API secret',
      provider: 'Fivetran',
      severity: 'critical',
      revoke: 'https://fivetran.com/dashboard/user/api-config',
      rotate: 'Regenerate the API key and secret (User menu → API Key → Generate new secret), prefer a scoped system key, and deploy them.',
      references: ['https://fivetran.com/docs/rest-api/getting-started'],
      example: '{{alnum:32}}',
    },
    { names: ['fivetran'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'keen-api-key',
      description: 'Keen master, write or read key',
      provider: 'Keen',
      revoke: 'https://keen.io/projects',
      rotate: 'Regenerate the master key or revoke the access key in the project’s Access tab, and deploy the new one.',
      references: ['https://keen.io/docs/access/'],
      example: '{{HEX:64}}',
    },
    { names: ['keen_master', 'keen_write', 'keen_read', 'keenio', 'keen_io'], body: '[A-F0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'metabase-api-key',
      description: 'Metabase API key',
      provider: 'Metabase',
      revoke: 'https://www.metabase.com/docs/latest/people-and-groups/api-keys',
      rotate:
        'Delete the key in Admin → Settings → Authentication → API keys, create one in a group with only the access it needs, and deploy it.',
      references: ['https://www.metabase.com/docs/latest/people-and-groups/api-keys'],
      example: 'mb_{{b64:44}}',
    },
    { names: ['metabase'], body: 'mb_[A-Za-z0-9+/]{40,50}={0,2}', edge: 'A-Za-z0-9+/=_-' },
  ),
  custom(
    {
      id: 'tableau-pat-secret',
      description: 'Tableau personal access token secret',
      provider: 'Tableau',
      severity: 'high',
      tags,
      revoke: 'https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm',
      rotate:
        'Revoke the token (My Account Settings → Personal Access Tokens), create a new one (they expire after 15 days unused), or use connected-app JWTs for automation.',
      references: ['https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm'],
      entropy: 3.5,
      positive: [
        'TABLEAU_PAT_SECRET={{b64:22}}==:{{alnum:32}}',
        'token test-token-6\n{{b64:22}}==:{{alnum:32}}\nserver=prod-useast-a.online.tableau.com',
        '{{b64:22}}==:{{alnum:32}}',
      ],
      negative: ['TABLEAU_PAT_SECRET={{b64:22}}==:{{alnum:12}}', 'ratio={{b64:22}}==:{{alnum:40}}', 'x{{b64:22}}==:{{alnum:32}}'],
    },
    {
      // The secret's own shape (a base64 16-byte value, "==:", 32 letters and digits) is
      // distinctive: PAT secrets are often written next to the token name, not to "tableau".
      regex: /(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{22}==:[A-Za-z0-9]{32})(?![A-Za-z0-9+/=_-])/,
      keywords: ['==:'],
    },
  ),
  named(
    tags,
    {
      id: 'influxdb-token',
      description: 'InfluxDB API token',
      provider: 'InfluxDB',
      severity: 'critical',
      revoke: 'https://docs.influxdata.com/influxdb/cloud/admin/tokens/delete-token/',
      rotate: 'Delete the token (Load Data → API Tokens), create one with read or write access to only the buckets it uses, and deploy it.',
      references: ['https://docs.influxdata.com/influxdb/cloud/admin/tokens/'],
      example: '{{b64url:86}}==',
    },
    { names: ['influx'], body: '[A-Za-z0-9_-]{86}==', edge: 'A-Za-z0-9_=-' },
  ),
  named(
    tags,
    {
      id: 'motherduck-token',
      description: 'MotherDuck access token',
      provider: 'MotherDuck',
      revoke: 'https://app.motherduck.com/settings/tokens',
      rotate: 'Revoke the token (Settings → Access tokens), create a read-scaling or expiring token where possible, and deploy it.',
      references: ['https://motherduck.com/docs/key-tasks/authenticating-and-connecting-to-motherduck/authenticating-to-motherduck/'],
      example: JWT_EXAMPLE,
    },
    { names: ['motherduck'], body: JWT_BODY },
  ),
  named(
    tags,
    {
      id: 'convex-deploy-key',
      description: 'Convex deploy key',
      provider: 'Convex',
      severity: 'critical',
      revoke: 'https://dashboard.convex.dev/',
      rotate:
        'Delete the deploy key in the deployment settings (Settings → Deploy keys), generate a new one for CI only, and store it as a CI secret.',
      references: ['https://docs.convex.dev/cli/deploy-key-types'],
      example: 'prod:{{lower:6}}-{{lower:6}}-{{digit:3}}|{{b64url:80}}',
      entropy: 0,
    },
    { names: ['convex_deploy_key'], body: '(?:prod|dev|preview|project):[a-z0-9-]{3,60}\\|[A-Za-z0-9=_-]{40,300}' },
  ),
  prefixed(
    tags,
    {
      id: 'astra-db-token',
      description: 'DataStax Astra DB application token',
      provider: 'DataStax',
      severity: 'critical',
      revoke: 'https://astra.datastax.com/settings/tokens',
      rotate: rotateIn('Astra (Settings → Application Tokens); a token with a database-scoped role'),
      references: ['https://docs.datastax.com/en/astra-db-serverless/administration/manage-application-tokens.html'],
      example: '{{alnum:24}}:{{hex:64}}',
    },
    { prefixes: ['AstraCS:'], body: '[A-Za-z0-9]{24}:[a-f0-9]{64}', keywords: ['astracs:'] },
  ),
  named(
    tags,
    {
      id: 'meilisearch-master-key',
      description: 'Meilisearch master or admin API key',
      provider: 'Meilisearch',
      severity: 'critical',
      revoke: 'https://www.meilisearch.com/docs/learn/security/basic_security',
      rotate:
        'Change the master key (restart with a new MEILI_MASTER_KEY), which regenerates the default keys; give clients search-only keys with an expiry.',
      references: ['https://www.meilisearch.com/docs/learn/security/basic_security'],
      example: '{{b64url:32}}',
      entropy: 3.5,
    },
    { names: ['meili'], body: '[A-Za-z0-9_-]{16,64}' },
  ),
  named(
    tags,
    {
      id: 'typesense-api-key',
      description: 'Typesense admin API key',
      provider: 'Typesense',
      revoke: 'https://cloud.typesense.org/clusters',
      rotate: 'Delete the key (DELETE /keys/:id, or in Typesense Cloud), create scoped search-only keys for clients, and deploy it.',
      references: ['https://typesense.org/docs/latest/api/api-keys.html'],
      example: '{{alnum:32}}',
    },
    { names: ['typesense'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'hasura-admin-secret',
      description: 'Hasura GraphQL admin secret',
      provider: 'Hasura',
      severity: 'critical',
      revoke: 'https://cloud.hasura.io/projects',
      rotate:
        'Set a new HASURA_GRAPHQL_ADMIN_SECRET on the project (Env vars), redeploy, and give clients JWT or webhook auth instead of the admin secret.',
      references: ['https://hasura.io/docs/latest/deployment/securing-graphql-endpoint/'],
      example: '{{b64url:48}}',
      entropy: 3.5,
    },
    { names: ['hasura'], body: '[A-Za-z0-9_-]{32,64}' },
  ),
  named(
    tags,
    {
      id: 'redis-cloud-api-key',
      description: 'Redis Cloud API secret key',
      provider: 'Redis Cloud',
      severity: 'critical',
      revoke: 'https://app.redislabs.com/#/access-management/api-keys',
      rotate: rotateIn('Redis Cloud (Access Management → API Keys)'),
      references: ['https://redis.io/docs/latest/operate/rc/api/get-started/manage-api-keys/'],
      example: '{{alnum:50}}',
    },
    { names: ['redis_cloud', 'rediscloud', 'redislabs'], body: '[A-Za-z0-9]{40,60}' },
  ),
  custom(
    {
      id: 'prisma-accelerate-url',
      description: 'Prisma Accelerate or Prisma Postgres connection string with its API key',
      provider: 'Prisma',
      severity: 'critical',
      tags,
      revoke: 'https://console.prisma.io/',
      rotate: 'Delete the API key of the environment in the Prisma console (API keys), generate a new connection string, and deploy it.',
      references: ['https://www.prisma.io/docs/accelerate/getting-started'],
      positive: [
        `DATABASE_URL="prisma://accelerate.prisma-data.net/?api_key=${JWT_EXAMPLE}"`,
        `url = "prisma+postgres://accelerate.prisma-data.net/?api_key=${JWT_EXAMPLE}"`,
      ],
      negative: ['DATABASE_URL="prisma://accelerate.prisma-data.net/?api_key=__API_KEY__"', `https://example.com/?api_key=${JWT_EXAMPLE}`],
    },
    {
      regex: new RegExp(`prisma(?:\\+postgres)?://[A-Za-z0-9.-]{1,100}/?\\?api_key=(?<secret>${JWT_BODY})`),
      keywords: ['prisma://', 'prisma+postgres://'],
    },
  ),
];
