import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom, named, token, UUID, UUID_EXAMPLE } from './define.js';

const tags = ['package-registry'];

const languageRegistryRules = [
  {
    id: 'npm-access-token',
    description: 'npm access token',
    provider: 'npm',
    severity: 'critical',
    // 30 random base62 characters and their CRC32, as GitHub's tokens.
    regex: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    keywords: ['npm_'],
    entropy: 3.5,
    validator: 'github-checksum',
    remediation: {
      revoke: 'https://www.npmjs.com/settings/~/tokens',
      rotate:
        'Delete the token (npm token revoke or the Access Tokens page), create a granular token with the narrowest packages and expiry, and check your packages for versions you did not publish.',
    },
    references: ['https://docs.npmjs.com/about-access-tokens'],
    tags: ['package-registry'],
    examples: {
      positive: ['npm_{{crc62:30}}', '//registry.npmjs.org/:_authToken=npm_{{crc62:30}}'],
      negative: ['npm_{{alnum:20}}', 'npm_{{alnum:36}}', 'npm_install_dependencies_for_the_project'],
    },
  },
  custom(
    {
      id: 'npm-legacy-token',
      description: 'npm legacy access token (a UUID) in an .npmrc auth line for registry.npmjs.org',
      provider: 'npm',
      severity: 'critical',
      tags,
      revoke: 'https://www.npmjs.com/settings/~/tokens',
      rotate:
        'Legacy tokens are being retired: revoke it (npm token revoke), use a granular token with an expiry or trusted publishing from CI instead, and check your packages for versions you did not publish.',
      references: [
        'https://docs.npmjs.com/about-access-tokens',
        'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
      ],
      entropy: 3,
      positive: [`//registry.npmjs.org/:_authToken=${UUID_EXAMPLE}`, `echo "//registry.npmjs.org/:_authToken=${UUID_EXAMPLE}" > ~/.npmrc`],
      negative: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', `//registry.example.org/:_authToken=${UUID_EXAMPLE}`],
    },
    {
      // Before npm_ tokens, npm issued UUIDs; the .npmrc line for the public registry names them.
      regex: new RegExp(`//registry\\.npmjs\\.org/:_authToken\\s*=\\s*["']?(?<secret>${UUID})(?![0-9a-f-])`),
      keywords: ['registry.npmjs.org/:_authtoken'],
    },
  ),
  {
    id: 'pypi-upload-token',
    description: 'PyPI API token',
    provider: 'PyPI',
    severity: 'critical',
    // A macaroon whose base64 starts with the serialised location "pypi.org".
    regex: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300})(?![A-Za-z0-9_-])/,
    keywords: ['pypi-ageichlwas5vcmc'],
    entropy: 4,
    maxLength: 600,
    remediation: {
      revoke: 'https://pypi.org/manage/account/token/',
      rotate: 'Remove the token on PyPI, prefer Trusted Publishing, or create a project-scoped token and store it as a CI secret.',
    },
    references: ['https://pypi.org/help/#apitoken'],
    tags: ['package-registry'],
    examples: {
      positive: ['pypi-AgEIcHlwaS5vcmc{{b64url:120}}', 'password = pypi-AgEIcHlwaS5vcmc{{b64url:70}}'],
      negative: ['pypi-AgEIcHlwaS5vcmc{{b64url:20}}', 'pypi-{{b64url:80}}'],
    },
  },
  token(
    {
      id: 'pypi-test-upload-token',
      description: 'TestPyPI API token',
      provider: 'PyPI',
      severity: 'medium',
      tags,
      revoke: 'https://test.pypi.org/manage/account/token/',
      rotate: 'Remove the token on TestPyPI and create a project-scoped one (or use Trusted Publishing).',
      references: ['https://test.pypi.org/help/#apitoken'],
      entropy: 4,
      maxLength: 600,
      positive: ['pypi-AgENdGVzdC5weXBpLm9yZw{{b64url:120}}', 'TEST_PYPI_TOKEN=pypi-AgENdGVzdC5weXBpLm9yZw{{b64url:80}}'],
      negative: ['pypi-AgENdGVzdC5weXBpLm9yZw{{b64url:20}}', 'pypi-AgENdGVzdC5weXBpLm9yZw'],
    },
    { prefixes: ['pypi-AgENdGVzdC5weXBpLm9yZw'], body: '[A-Za-z0-9_-]{50,300}' },
  ),
  token(
    {
      id: 'rubygems-api-key',
      description: 'RubyGems API key',
      provider: 'RubyGems',
      severity: 'critical',
      tags,
      revoke: 'https://rubygems.org/profile/api_keys',
      rotate:
        'Delete the key under Settings → API keys, create a scoped one (or use trusted publishing), and check your gems for versions you did not push.',
      references: ['https://guides.rubygems.org/api-key-scopes/'],
      entropy: 3,
      positive: ['rubygems_{{hex:48}}', 'GEM_HOST_API_KEY=rubygems_{{hex:48}}'],
      negative: ['rubygems_{{hex:20}}', 'rubygems_org_mirror_settings'],
    },
    { prefixes: ['rubygems_'], body: '[a-f0-9]{48}' },
  ),
  token(
    {
      id: 'nuget-api-key',
      description: 'NuGet.org API key',
      provider: 'NuGet',
      severity: 'critical',
      tags,
      revoke: 'https://www.nuget.org/account/apikeys',
      rotate: 'Delete or regenerate the key under API Keys, scope the new key to the packages it pushes, and update CI.',
      references: ['https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys'],
      entropy: 3.5,
      positive: ['oy2{{lowalnum:43}}', 'NUGET_API_KEY=oy2{{lowalnum:43}}'],
      negative: ['oy2{{lowalnum:20}}', 'oy2{{lowalnum:50}}'],
    },
    { prefixes: ['oy2'], body: '[a-z0-9]{43}', edge: 'A-Za-z0-9' },
  ),
  token(
    {
      id: 'docker-hub-pat',
      description: 'Docker Hub personal access token',
      provider: 'Docker',
      severity: 'high',
      tags,
      partner: 'Used together with the Docker ID.',
      revoke: 'https://app.docker.com/settings/personal-access-tokens',
      rotate:
        'Delete the token under Account settings → Personal access tokens, create one with the narrowest scope, and update docker login in CI.',
      references: ['https://docs.docker.com/security/for-developers/access-tokens/'],
      entropy: 3.5,
      positive: ['dckr_pat_{{b64url:27}}', 'DOCKERHUB_TOKEN=dckr_pat_{{b64url:27}}'],
      negative: ['dckr_pat_{{b64url:10}}', 'dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
    { prefixes: ['dckr_pat_'], body: '[A-Za-z0-9_-]{27}' },
  ),
  token(
    {
      id: 'docker-hub-org-token',
      description: 'Docker Hub organization access token',
      provider: 'Docker',
      severity: 'high',
      tags,
      revoke: 'https://docs.docker.com/security/for-admins/access-tokens/',
      rotate: 'Delete the token in the organization’s Access tokens settings, create a new one with the narrowest access, and update CI.',
      references: ['https://docs.docker.com/security/for-admins/access-tokens/'],
      entropy: 3.5,
      positive: ['dckr_oat_{{b64url:32}}', 'DOCKER_ORG_TOKEN=dckr_oat_{{b64url:32}}'],
      negative: ['dckr_oat_{{b64url:10}}', 'dckr_oat_example'],
    },
    { prefixes: ['dckr_oat_'], body: '[A-Za-z0-9_-]{27,40}' },
  ),
  custom(
    {
      id: 'docker-config-auth-escaped',
      description: 'Registry credentials of a docker config.json embedded as an escaped JSON string (DOCKER_AUTH_CONFIG)',
      provider: 'Docker',
      severity: 'high',
      tags,
      revoke: 'https://docs.docker.com/reference/cli/docker/login/',
      rotate:
        'Change the password or revoke the token at the registry, then pass the config from a CI secret (a masked DOCKER_AUTH_CONFIG variable or a credential helper) instead of committing it.',
      references: [
        'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
        'https://docs.gitlab.com/ci/docker/using_docker_images/',
      ],
      validator: 'basic-auth',
      positive: [
        'environment = ["DOCKER_AUTH_CONFIG={\\"auths\\":{\\"registry.example.org\\":{\\"auth\\":\\"{{base64}}ci:{{alnum:24}}{{/base64}}\\"}}}"]',
        'config: "{\\n\\t\\"auths\\": {\\"https://index.docker.io/v1/\\": {\\"auth\\": \\"{{base64}}jane:{{password:16}}{{/base64}}\\"}}}"',
      ],
      negative: ['DOCKER_AUTH_CONFIG={\\"auths\\":{\\"registry.example.org\\":{\\"auth\\":\\"\\"}}}', '{\\"credsStore\\": \\"desktop\\"}'],
    },
    {
      // The same "auth": base64(user:password) as in config.json, with its quotes escaped once or more.
      regex: /\\{1,7}"auth\\{1,7}"\s{0,8}:\s{0,8}\\{1,7}"(?<secret>[A-Za-z0-9+/]{8,1000}={0,2})\\{1,7}"/,
      keywords: ['"auth\\'],
    },
  ),
  token(
    {
      id: 'jfrog-api-key',
      description: 'JFrog Artifactory API key',
      provider: 'JFrog',
      severity: 'high',
      tags,
      revoke: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key',
      rotate: 'Revoke the API key (deprecated) in your profile and switch to a scoped access or identity token.',
      references: ['https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key'],
      entropy: 4,
      positive: ['AKCp{{alnum:69}}', 'ARTIFACTORY_API_KEY=AKCp{{alnum:69}}'],
      negative: ['AKCp{{alnum:30}}', 'AKCpX'],
    },
    { prefixes: ['AKCp'], body: '[A-Za-z0-9]{69}', edge: 'A-Za-z0-9' },
  ),
  token(
    {
      id: 'jfrog-identity-token',
      description: 'JFrog identity or reference token',
      provider: 'JFrog',
      severity: 'high',
      tags,
      revoke: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
      rotate:
        'Revoke the token under Administration → Identity and Access → Access Tokens, create a scoped one with an expiry, and update its users.',
      references: ['https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens'],
      entropy: 4,
      positive: ['cmVmdGtuOjAxOj{{alnum:50}}', 'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOj{{alnum:50}}'],
      negative: ['cmVmdGtuOjAxOj{{alnum:10}}', 'cmVmdGtu'],
    },
    { prefixes: ['cmVmdGtuOjAxOj'], body: '[A-Za-z0-9]{34,80}', edge: 'A-Za-z0-9' },
  ),
  token(
    {
      id: 'clojars-deploy-token',
      description: 'Clojars deploy token',
      provider: 'Clojars',
      severity: 'high',
      tags,
      revoke: 'https://clojars.org/tokens',
      rotate: 'Disable the token on the Deploy Tokens page, create a new (scoped) one, and update CI.',
      references: ['https://github.com/clojars/clojars-web/wiki/Deploy-Tokens'],
      entropy: 3.5,
      positive: ['CLOJARS_{{lowalnum:60}}', 'CLOJARS_PASSWORD=CLOJARS_{{lowalnum:60}}'],
      negative: ['CLOJARS_{{lowalnum:20}}', 'CLOJARS_USERNAME'],
    },
    { prefixes: ['CLOJARS_'], body: '[a-z0-9]{60}', edge: 'A-Za-z0-9' },
  ),
  token(
    {
      id: 'crates-io-api-token',
      description: 'crates.io API token',
      provider: 'crates.io',
      severity: 'critical',
      tags,
      revoke: 'https://crates.io/settings/tokens',
      rotate:
        'Revoke the token under Account Settings → API Tokens, create one with the narrowest scopes and expiry (or use trusted publishing), and update CI.',
      references: ['https://doc.rust-lang.org/cargo/reference/publishing.html'],
      entropy: 3.5,
      positive: ['cio{{alnum:32}}', 'CARGO_REGISTRY_TOKEN=cio{{alnum:32}}'],
      negative: ['cio{{alnum:12}}', 'cio{{alnum:40}}'],
    },
    { prefixes: ['cio'], body: '[A-Za-z0-9]{32}', edge: 'A-Za-z0-9' },
  ),
] satisfies readonly RuleSpec[];

const rotateIn = (where: string): string =>
  `Delete the token in ${where}, create one scoped to the packages it publishes (with an expiry where offered), and store it as a CI secret; publish through OIDC trusted publishing where the registry supports it.`;

/** Registries and artifact stores beyond the big language registries. */
const moreRegistryRules: readonly RuleSpec[] = [
  named(
    tags,
    {
      id: 'quay-robot-token',
      description: 'Quay.io robot account token or OAuth access token',
      provider: 'Quay',
      revoke: 'https://quay.io/organization/',
      rotate:
        'Regenerate the robot account’s token (Organization → Robot Accounts → Regenerate), give the robot read-only access where it only pulls, and update its users.',
      references: ['https://docs.quay.io/glossary/robot-accounts.html'],
      example: '{{upalnum:64}}',
    },
    { names: ['quay'], body: '[A-Z0-9]{64}|[A-Za-z0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'cloudsmith-api-key',
      description: 'Cloudsmith API key',
      provider: 'Cloudsmith',
      revoke: 'https://cloudsmith.io/user/settings/api/',
      rotate: rotateIn('Cloudsmith (User settings → API Settings, or a service account)'),
      references: ['https://help.cloudsmith.io/docs/api-key'],
      example: '{{hex:40}}',
    },
    { names: ['cloudsmith'], body: '[a-f0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'packagecloud-token',
      description: 'packagecloud API token',
      provider: 'packagecloud',
      revoke: 'https://packagecloud.io/api_token',
      rotate: 'Regenerate the API token (Account → API Token) and update its users; installs use read tokens per repository.',
      references: ['https://packagecloud.io/docs/api#api_tokens'],
      example: '{{hex:48}}',
    },
    { names: ['packagecloud'], body: '[a-f0-9]{48}' },
  ),
  named(
    tags,
    {
      id: 'gemfury-token',
      description: 'Gemfury push or deploy token',
      provider: 'Gemfury',
      revoke: 'https://manage.fury.io/manage/tokens',
      rotate: rotateIn('Gemfury (Account → Tokens)'),
      references: ['https://gemfury.com/help/tokens/'],
      example: '{{b64url:20}}',
    },
    { names: ['gemfury', 'fury_token', 'fury_push_token', 'fury_auth'], body: '[A-Za-z0-9_-]{20,40}' },
  ),
  named(
    tags,
    {
      id: 'hex-api-key',
      description: 'Hex.pm API key',
      provider: 'Hex',
      revoke: 'https://hex.pm/dashboard/keys',
      rotate: rotateIn('hex.pm (Dashboard → Keys, or mix hex.user key revoke)'),
      references: ['https://hex.pm/docs/publish'],
      example: '{{hex:32}}',
    },
    { names: ['hex_api_key', 'hexpm', 'hex_api'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'cocoapods-trunk-token',
      description: 'CocoaPods trunk session token',
      provider: 'CocoaPods',
      revoke: 'https://guides.cocoapods.org/making/getting-setup-with-trunk.html',
      rotate: 'Clean the sessions (pod trunk me clean-sessions --all), register a new session, and store its token as a CI secret.',
      references: ['https://guides.cocoapods.org/making/getting-setup-with-trunk.html'],
      example: '{{hex:32}}',
    },
    { names: ['cocoapods', 'cocoapods_trunk'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'sonatype-user-token',
      description: 'Sonatype Central (Maven Central, OSSRH) user token',
      provider: 'Sonatype',
      revoke: 'https://central.sonatype.com/account',
      rotate:
        'Revoke the user token in the Central Portal (Account → Generate User Token, which replaces it), and store the new pair as CI secrets.',
      references: ['https://central.sonatype.org/publish/generate-portal-token/'],
      example: '{{b64:44}}',
      entropy: 3.5,
    },
    {
      names: ['ossrh', 'sonatype', 'maven_central', 'mavencentral', 'central_token'],
      body: '[A-Za-z0-9+/]{40,64}={0,2}',
      edge: 'A-Za-z0-9+/=_-',
    },
  ),
  named(
    tags,
    {
      id: 'open-vsx-token',
      description: 'Open VSX registry access token',
      provider: 'Open VSX',
      revoke: 'https://open-vsx.org/user-settings/tokens',
      rotate: rotateIn('Open VSX (User settings → Access Tokens)'),
      references: ['https://github.com/eclipse/openvsx/wiki/Publishing-Extensions'],
      example: UUID_EXAMPLE,
    },
    { names: ['ovsx', 'open_vsx', 'openvsx'], body: UUID },
  ),
  named(
    tags,
    {
      id: 'chocolatey-api-key',
      description: 'Chocolatey community repository API key',
      provider: 'Chocolatey',
      revoke: 'https://community.chocolatey.org/account',
      rotate: 'Regenerate the API key on the account page and update the publishing pipeline.',
      references: ['https://docs.chocolatey.org/en-us/create/commands/api-key/'],
      example: UUID_EXAMPLE,
    },
    { names: ['chocolatey', 'choco_api_key', 'choco_key'], body: UUID },
  ),
  named(
    tags,
    {
      id: 'buf-token',
      description: 'Buf Schema Registry token',
      provider: 'Buf',
      revoke: 'https://buf.build/settings/user',
      rotate: rotateIn('the Buf Schema Registry (Settings → Tokens, or a bot user’s token)'),
      references: ['https://buf.build/docs/bsr/authentication/'],
      example: '{{hex:64}}',
    },
    { names: ['buf_token'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'harbor-robot-secret',
      description: 'Harbor robot account secret',
      provider: 'Harbor',
      revoke: 'https://goharbor.io/docs/main/working-with-projects/project-configuration/create-robot-accounts/',
      rotate:
        'Refresh the robot account’s secret (Robot Accounts → Refresh secret), give it pull-only permissions and an expiry where it only pulls, and update its users.',
      references: ['https://goharbor.io/docs/main/working-with-projects/project-configuration/create-robot-accounts/'],
      example: '{{alnum:32}}',
    },
    { names: ['harbor'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'ngc-api-key',
      description: 'NVIDIA NGC registry API key',
      provider: 'NVIDIA NGC',
      revoke: 'https://org.ngc.nvidia.com/setup/api-keys',
      rotate: rotateIn('NGC (Setup → API Keys); a personal key limited to the registry'),
      references: ['https://docs.nvidia.com/ngc/gpu-cloud/ngc-user-guide/index.html#generating-api-key'],
      example: '{{alnum:84}}',
    },
    { names: ['ngc_api_key', 'ngc_cli_api_key', 'ngc_key'], body: '[A-Za-z0-9]{84}' },
  ),
  named(
    tags,
    {
      id: 'packagist-api-token',
      description: 'Packagist API token',
      provider: 'Packagist',
      revoke: 'https://packagist.org/profile/',
      rotate: 'Regenerate the API token on the Packagist profile page and update the webhooks that use it.',
      references: ['https://packagist.org/about#how-to-update-packages'],
      example: '{{alnum:20}}',
    },
    { names: ['packagist'], body: '[A-Za-z0-9]{20}' },
  ),
  custom(
    {
      id: 'sidekiq-enterprise-credentials',
      description: 'Sidekiq Pro or Enterprise gem server credentials (Bundler setting)',
      provider: 'Sidekiq',
      severity: 'high',
      tags,
      revoke: 'https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro-and-Enterprise-Installation',
      rotate:
        'Ask Contributed Systems for new credentials (they are per license), set them with bundle config --global or as a CI secret, and never in Gemfile or a committed .bundle/config.',
      references: ['https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro-and-Enterprise-Installation'],
      positive: ['BUNDLE_ENTERPRISE__CONTRIBSYS__COM={{hex:8}}:{{hex:8}}', 'export BUNDLE_GEMS__CONTRIBSYS__COM="{{hex:8}}:{{hex:8}}"'],
      negative: ['BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDENTIALS}', 'BUNDLE_GEMS__CONTRIBSYS__COM={{hex:4}}:{{hex:4}}'],
    },
    {
      regex:
        /BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM(?:["'`]?[ \t]{0,8}[=:][ \t]{0,8}["'`]?|["']?[ \t]*\r?\n[ \t]*value:[ \t]*["']?)(?<secret>[a-z0-9]{8}:[a-z0-9]{8})(?![A-Za-z0-9])/,
      keywords: ['__contribsys__com'],
    },
  ),
  custom(
    {
      id: 'sidekiq-gem-source-url',
      description: 'Sidekiq Pro or Enterprise gem source URL with its credentials',
      provider: 'Sidekiq',
      severity: 'high',
      tags,
      revoke: 'https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro-and-Enterprise-Installation',
      rotate:
        'Ask Contributed Systems for new credentials, write the source without them (source "https://gems.contribsys.com/") and give Bundler the credentials through BUNDLE_GEMS__CONTRIBSYS__COM outside the repository.',
      references: ['https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro-and-Enterprise-Installation'],
      positive: [
        'source "https://{{hex:8}}:{{hex:8}}@gems.contribsys.com/"',
        'http://{{hex:8}}:{{hex:8}}@enterprise.contribsys.com:80/path',
      ],
      negative: ['source "https://gems.contribsys.com/"', 'https://{{hex:8}}:{{hex:8}}@gems.example.com/'],
    },
    {
      regex: /https?:\/\/(?<secret>[a-z0-9]{8}:[a-z0-9]{8})@(?:gems|enterprise)\.contribsys\.com/,
      keywords: ['contribsys.com'],
    },
  ),
];

export const packageRegistryRules: readonly RuleSpec[] = [...languageRegistryRules, ...moreRegistryRules];
