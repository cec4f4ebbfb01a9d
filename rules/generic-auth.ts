/**
 * Credentials recognised by where they are written rather than by their shape: HTTP
 * authorization headers, tool configuration files (.npmrc, .pypirc, .netrc, docker config),
 * Kubernetes Secrets and Terraform variables. Tagged `generic`: a provider rule that matches the
 * same secret wins.
 */
import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

const tags = ['generic'];
const rotateWhereIssued =
  'Find the system that issued the credential, change or revoke it there, and load the replacement from a secret store or the environment instead of a committed file.';
const owasp = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';

export const genericAuthRules: readonly RuleSpec[] = [
  custom(
    {
      id: 'http-basic-auth-header',
      description: 'HTTP Basic authentication credentials (base64 user:password)',
      provider: 'Generic',
      severity: 'high',
      tags,
      revoke: owasp,
      rotate: rotateWhereIssued,
      references: ['https://datatracker.ietf.org/doc/html/rfc7617'],
      validator: 'basic-auth',
      positive: [
        'Authorization: Basic {{base64}}deploy:{{alnum:20}}{{/base64}}',
        'curl -H "Authorization: basic {{base64}}ci-bot:{{password:16}}{{/base64}}" https://ci.example.org',
      ],
      negative: [
        'Authorization: Basic {{b64:24}}',
        'Authorization: Basic ${BASIC_AUTH}',
        'Basic information about the API',
        // A test suite's or a manual's credentials (found in git's and Rails' test suites).
        'creds=Basic {{base64}}alice:secret-passwd{{/base64}}',
        "'Authorization': 'Basic {{base64}}user:password{{/base64}}'",
      ],
    },
    { regex: /\b[Bb](?:ASIC|asic)\s+(?<secret>[A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])/, keywords: ['basic '] },
  ),
  custom(
    {
      id: 'http-bearer-token',
      description: 'Bearer token in an Authorization header (curl, HTTP files, client code)',
      provider: 'Generic',
      severity: 'medium',
      tags,
      revoke: owasp,
      rotate: rotateWhereIssued,
      references: ['https://datatracker.ietf.org/doc/html/rfc6750'],
      entropy: { alnum: 4, base64: 4.2, hex: 3.2, other: 4.2 },
      positive: [
        'curl -H "Authorization: Bearer {{alnum:40}}" https://api.example.org/v1/items',
        "headers = {'Authorization': 'Bearer {{b64url:64}}'}",
      ],
      negative: [
        'curl -H "Authorization: Bearer $TOKEN" https://api.example.org',
        'Authorization: Bearer <token>',
        "'Authorization': `Bearer ${token}`",
      ],
    },
    {
      regex: /[Aa]uthorization["']?\s*[:=,]\s*["'`]?[Bb]earer\s+(?<secret>[A-Za-z0-9._~+/-]{20,2000}=*)(?![A-Za-z0-9._~+/=-])/,
      keywords: ['bearer '],
    },
  ),
  custom(
    {
      id: 'curl-user-password',
      description: 'Password passed to curl with -u / --user',
      provider: 'Generic',
      severity: 'high',
      tags,
      revoke: owasp,
      rotate: rotateWhereIssued,
      references: ['https://curl.se/docs/manpage.html#-u'],
      entropy: 3,
      positive: [
        'curl -u admin:{{alnum:16}} https://ci.example.org/api/json',
        'curl --user "deploy:{{password:20}}" -X POST https://repo.example.org/upload',
        // The password quoted apart from the user, two spaces, and an option on a continuation line.
        "curl --user  kevin:'{{alnum:16}}' -X PATCH https://api.example.org/v1/items",
        'curl -X POST https://cache.example.org:11222/rest \\\n  -H "Content-Type: text/plain" \\\n  -u developer:{{alnum:16}}',
      ],
      negative: [
        'curl -u admin:$PASSWORD https://ci.example.org',
        'curl -u "$USER:$PASS" https://x.example.org',
        'curl -u "${USER}:${PASS}" https://x.example.org',
        'curl -u user https://x.example.org',
        'curl --user-agent "Agent:{{alnum:16}}" https://x.example.org',
        // A new command on the next line: only a backslash continues the curl command.
        'curl https://x.example.org\n-u admin:{{alnum:16}}',
      ],
    },
    {
      // The command may go on over backslash-continued lines; `$` starts a shell variable except
      // before a digit (`P@ss$1`: a positional parameter inside an unquoted password).
      regex:
        /\bcurl\b(?:[^\n\\]|\\[^\n]|\\\r?\n){0,400}?(?:[ \t]|\\\r?\n)(?:-u|--user)(?:[ \t]{1,8}|=)["']?[^\s:"'$]{0,64}:["']?(?<secret>(?:[^\s"'$]|\$(?![A-Za-z_{(])){6,128})["']?(?=\s|$)/,
      keywords: ['curl'],
    },
  ),
  custom(
    {
      id: 'curl-user-api-key',
      description: 'API key passed to curl as the user name of -u / --user, with an empty password',
      provider: 'Generic',
      severity: 'high',
      tags,
      revoke: owasp,
      rotate: rotateWhereIssued,
      // Several APIs (Stripe, Mailchimp, Mailgun…) document basic auth with the key as the user name.
      references: ['https://curl.se/docs/manpage.html#-u', 'https://datatracker.ietf.org/doc/html/rfc7617'],
      entropy: 3.2,
      positive: ['curl -u {{alnum:32}}: https://api.example.org', 'curl https://api.example.org/v1 --user "{{b64url:24}}:" -d x=1'],
      negative: [
        'curl -u "$API_KEY:" https://api.example.org',
        'curl -u "{{alnum:6}}:" https://api.example.org',
        'curl -u "YOUR_API_KEY:" https://x.example.org',
      ],
    },
    {
      regex:
        /\bcurl\b(?:[^\n\\]|\\[^\n]|\\\r?\n){0,400}?(?:[ \t]|\\\r?\n)(?:-u|--user)(?:[ \t]{1,8}|=)["']?(?<secret>(?=[^\s:"']{0,127}[0-9])[A-Za-z0-9._~+/!@#%^&*=-]{12,128}):["']?(?=\s|$)/,
      keywords: ['curl'],
    },
  ),
  custom(
    {
      id: 'http-credential-header',
      description: 'API key or token in a request header on a command line (curl -H, wget --header)',
      provider: 'Generic',
      severity: 'medium',
      tags,
      revoke: owasp,
      rotate: rotateWhereIssued,
      references: ['https://curl.se/docs/manpage.html#-H', 'https://datatracker.ietf.org/doc/html/rfc9110#name-authorization'],
      entropy: 3,
      positive: [
        'curl -H "X-Api-Key: {{alnum:32}}" https://api.example.org/v1/items',
        "curl --header 'Authorization: Token {{hex:40}}' https://api.example.org",
        'curl -X GET \\\n  -H "apikey: {{hex:8}}-{{hex:4}}-4{{hex:3}}-a{{hex:3}}-{{hex:12}}" \\\n  https://api.example.org',
        'wget --header="X-Auth-Token: {{b64url:40}}" https://api.example.org/export',
      ],
      negative: [
        'curl -H "X-Api-Key: $API_KEY" https://api.example.org',
        'curl -H "Authorization: Token ${TOKEN}" https://api.example.org',
        'curl -H "X-Api-Key: YOUR_API_KEY" https://api.example.org',
        'curl -H "Content-Type: application/json" https://api.example.org',
        'curl -H "X-CSRF-Token: {{alnum:32}}" https://app.example.org',
        'curl -H "X-Auth-Email: {{lower:10}}@example.org" https://api.example.org',
      ],
    },
    {
      // Bearer and Basic have their own rules; a CSRF token is a session's, not a credential to revoke.
      regex:
        /(?:^|\s)(?:-H|--header)(?:[ \t]{1,8}|=)["'](?!(?:x-)?(?:csrf|xsrf))(?:(?:proxy-)?authorization|[a-z0-9-]{0,30}(?:api-?key|api-?token|access-?key|access-?token|auth-?token|auth-?key|secret|token))[ \t]*:[ \t]*(?:(?:token|api-?token|api-?key|key|ssws)[ \t]+)?(?!(?:bearer|basic)\s)(?<secret>(?![a-z_.-]{1,300}["']|[A-Z_.-]{1,300}["'])[A-Za-z0-9._~+/=-]{10,512})["']/i,
      keywords: ['-h "', "-h '", '--header'],
    },
  ),
  custom(
    {
      id: 'npmrc-auth-token',
      description: 'Registry auth token in an .npmrc file',
      provider: 'npm',
      severity: 'high',
      tags,
      revoke: 'https://www.npmjs.com/settings/~/tokens',
      rotate:
        'Revoke the token at the registry that issued it (npm, GitHub Packages, Artifactory…), create a new one, and reference it as ${NPM_TOKEN} in .npmrc.',
      references: ['https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration'],
      entropy: 3.5,
      positive: ['//npm.pkg.github.com/:_authToken={{alnum:40}}', '//registry.example.org/repository/npm/:_authToken="{{b64url:64}}"'],
      negative: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', '//npm.pkg.github.com/:_authToken=', 'always-auth=true'],
    },
    { regex: /:_authToken\s*=\s*["']?(?<secret>[A-Za-z0-9._~+/=-]{20,512})["']?(?![A-Za-z0-9._~+/=-])/, keywords: ['_authtoken'] },
  ),
  custom(
    {
      id: 'npmrc-auth',
      description: 'Base64 credentials (_auth or _password) in an .npmrc file',
      provider: 'npm',
      severity: 'high',
      tags,
      revoke: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc',
      rotate: 'Change the password at the registry that owns it, and reference it from the environment in .npmrc.',
      references: ['https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration'],
      validator: 'basic-auth',
      positive: [
        '_auth={{base64}}builder:{{alnum:20}}{{/base64}}',
        '//registry.example.org/:_auth = {{base64}}ci:{{password:18}}{{/base64}}',
      ],
      negative: ['_auth=${NPM_AUTH}', '_auth={{b64:20}}', 'oauth=true'],
    },
    { regex: /(?:^|[\s:/])_auth\s*=\s*["']?(?<secret>[A-Za-z0-9+/]{8,512}={0,2})["']?(?![A-Za-z0-9+/=])/m, keywords: ['_auth'] },
  ),
  custom(
    {
      id: 'pypirc-password',
      description: 'Password or token in a .pypirc file',
      provider: 'PyPI',
      severity: 'high',
      tags,
      revoke: 'https://pypi.org/manage/account/token/',
      rotate: 'Revoke the token (or change the password) at the index, prefer Trusted Publishing, and keep .pypirc out of the repository.',
      references: ['https://packaging.python.org/en/latest/specifications/pypirc/'],
      entropy: 3,
      positive: [
        '[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pkgs.example.org/simple\nusername = ci\npassword = {{password:20}}\n',
        '[pypi]\nusername = __token__\npassword = {{alnum:40}}\n',
      ],
      negative: ['[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n', '[pypi]\nusername = __token__\n'],
    },
    {
      regex: /\[(?:distutils|pypi|testpypi)\][\s\S]{0,600}?\n[ \t]*password\s*[:=]\s*(?<secret>[^\s]{8,300})/,
      keywords: ['[pypi]', '[testpypi]', '[distutils]'],
    },
  ),
  custom(
    {
      id: 'netrc-password',
      description: 'Password in a .netrc file',
      provider: 'Generic',
      severity: 'high',
      tags,
      revoke: owasp,
      rotate: rotateWhereIssued,
      references: ['https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html'],
      entropy: 3,
      maxLength: 300,
      positive: [
        'machine api.heroku.com\n  login jane@example.com\n  password {{alnum:32}}\n',
        'machine github.com login ci-bot password {{password:20}}',
      ],
      negative: ['machine github.com login ci-bot password $GITHUB_TOKEN', 'machine learning models need data'],
    },
    { regex: /\bmachine\s+[^\s]+\s+(?:login\s+[^\s]+\s+)?password\s+(?<secret>[^\s"'`$]{6,256})(?=\s|$)/, keywords: ['machine '] },
  ),
  custom(
    {
      id: 'docker-config-auth',
      description: 'Registry credentials in a docker config.json (auths → auth)',
      provider: 'Docker',
      severity: 'high',
      tags,
      revoke: 'https://docs.docker.com/reference/cli/docker/login/',
      rotate:
        'Change the password or revoke the token at the registry, run docker login again with a credential helper, and keep config.json out of the repository.',
      references: ['https://docs.docker.com/reference/cli/docker/login/#credential-stores'],
      validator: 'basic-auth',
      positive: [
        '{"auths": {"registry.example.org": {"auth": "{{base64}}ci:{{alnum:24}}{{/base64}}"}}}',
        '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "{{base64}}jane:{{password:16}}{{/base64}}"\n    }\n  }\n}',
      ],
      negative: ['{"auths": {"registry.example.org": {"auth": ""}}}', '{"auths": {"registry.example.org": {}}, "credsStore": "desktop"}'],
    },
    { regex: /"auth"\s*:\s*"(?<secret>[A-Za-z0-9+/]{8,1000}={0,2})"/, keywords: ['"auth"'] },
  ),
  custom(
    {
      id: 'kubernetes-secret-data',
      description: 'Secret value in a Kubernetes Secret manifest',
      provider: 'Kubernetes',
      severity: 'high',
      tags,
      revoke: 'https://kubernetes.io/docs/concepts/configuration/secret/',
      rotate:
        'Rotate the credential the Secret holds at its issuer, then keep Secrets out of the repository (Sealed Secrets, SOPS, External Secrets or a secret manager).',
      references: ['https://kubernetes.io/docs/concepts/configuration/secret/'],
      entropy: { base64: 3.2, alnum: 3.2, hex: 3, other: 3 },
      maxLength: 2048,
      positive: [
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: {{base64}}{{alnum:20}}{{/base64}}\n',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  api-token: {{alnum:32}}\n',
      ],
      negative: [
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ""\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  password: {{base64}}{{alnum:20}}{{/base64}}\n',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${DB_PASSWORD}\n',
      ],
    },
    {
      // An indented entry with a secret-ish key, near `kind: Secret` (the keyword window): the
      // manifest's structure is not parsed, which keeps the pattern linear on any input.
      regex:
        /^[ \t]+[\w.-]{0,40}?(?:pass|pwd|secret|token|key|credential|auth|cert)[\w.-]{0,40}:[ \t]*["']?(?<secret>[A-Za-z0-9+/=_.~!@#%^&*-]{8,4096})["']?[ \t]*\r?$/im,
      keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'"],
    },
  ),
  custom(
    {
      id: 'terraform-variable-default',
      description: 'Secret default value of a Terraform variable',
      provider: 'Terraform',
      severity: 'high',
      tags,
      revoke: owasp,
      rotate: `${rotateWhereIssued} Give the variable no default and mark it sensitive.`,
      references: ['https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output'],
      entropy: 3,
      positive: [
        'variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "{{alnum:20}}"\n}\n',
        'variable "api_token" {\n  default = "{{b64url:32}}"\n}\n',
      ],
      negative: [
        'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
        'variable "region" {\n  default = "{{alnum:20}}"\n}\n',
      ],
    },
    {
      regex:
        /variable\s+"[\w-]*(?:password|passwd|secret|token|api_key|apikey|access_key|private_key|credential)[\w-]*"\s*\{[^}]{0,400}?\bdefault\s*=\s*"(?<secret>[^"\s$]{8,256})"/i,
      keywords: ['variable "'],
    },
  ),
  custom(
    {
      id: 'laravel-app-key',
      description: 'Laravel application key (APP_KEY)',
      provider: 'Laravel',
      severity: 'high',
      tags: ['generic', 'framework'],
      revoke: 'https://laravel.com/docs/encryption#gracefully-rotating-encryption-keys',
      rotate:
        'Generate a new key (php artisan key:generate), keep the old one in APP_PREVIOUS_KEYS while data is re-encrypted, and keep .env out of the repository.',
      references: ['https://laravel.com/docs/encryption#configuration'],
      entropy: 4,
      positive: ['APP_KEY=base64:{{b64:43}}=', "'key' => env('APP_KEY', 'base64:{{b64:43}}='),"],
      negative: ['APP_KEY=', 'APP_KEY=base64:{{b64:10}}='],
    },
    { regex: /base64:(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/, keywords: ['app_key'] },
  ),
  custom(
    {
      id: 'age-secret-key',
      description: 'age encryption secret key',
      provider: 'age',
      severity: 'critical',
      tags: ['private-key'],
      revoke: 'https://github.com/FiloSottile/age#readme',
      rotate:
        'Generate a new identity (age-keygen), re-encrypt the files to the new recipient, and remove the old recipient everywhere (e.g. .sops.yaml).',
      references: ['https://age-encryption.org/v1'],
      entropy: 4,
      positive: [
        'AGE-SECRET-KEY-1{{bech32up:58}}',
        '# created: 2024-01-01\n# public key: age1{{lowalnum:58}}\nAGE-SECRET-KEY-1{{bech32up:58}}',
      ],
      negative: ['AGE-SECRET-KEY-1{{bech32up:20}}', 'age1{{lowalnum:58}}'],
    },
    {
      regex: /(?<![A-Za-z0-9-])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/,
      keywords: ['age-secret-key-1'],
    },
  ),
];
