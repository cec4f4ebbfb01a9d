/**
 * Credential files: formats whose whole purpose is to hold a password or token (`.netrc`,
 * `.pgpass`, a saved FTP session, a committed `.env`). Each rule is limited to the paths where
 * the tool reads or writes that file, so the slot itself vouches for the value: no entropy is
 * asked, `admin` is a leak there. What is skipped is judged on the value alone (empty, a reference
 * such as `${VAR}`, a tool's own placeholder): the `credential-value` and `secret-name-value`
 * validators. Tagged `generic` after their family, so a provider rule that recognises the same
 * token (a `ghp_` in `.git-credentials`) wins with its own revocation help.
 */
import type { RuleSpec } from '../src/catalogue/spec.js';
import type { ValidatorName } from '../src/engine/validators.js';

interface FileRule {
  readonly id: string;
  readonly description: string;
  readonly provider?: string;
  readonly severity?: RuleSpec['severity'];
  /** Where the tool keeps the file. */
  readonly path: RegExp;
  readonly regex: RegExp;
  readonly keywords: readonly string[];
  readonly validator?: ValidatorName;
  readonly references: readonly string[];
  readonly revoke?: string;
  readonly rotate?: string;
  readonly maxLength?: number;
  readonly allowSecret?: NonNullable<RuleSpec['allowSecret']>;
  readonly positive: readonly string[];
  readonly negative: readonly string[];
  /** A path the rule's `path` matches, for its examples. */
  readonly examplePath: string;
}

const OWASP = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';
const ROTATE =
  'Change the password (or revoke the token) on the system it opens, then keep the file out of the repository: add it to .gitignore, remove it with git rm --cached, and load the credential from a secret store or the environment.';

function fileRule(r: FileRule): RuleSpec {
  return {
    id: r.id,
    description: r.description,
    provider: r.provider ?? 'Generic',
    severity: r.severity ?? 'high',
    regex: r.regex,
    keywords: r.keywords,
    path: r.path,
    validator: r.validator ?? 'credential-value',
    ...(r.maxLength === undefined ? {} : { maxLength: r.maxLength }),
    ...(r.allowSecret === undefined ? {} : { allowSecret: r.allowSecret }),
    remediation: { revoke: r.revoke ?? OWASP, rotate: r.rotate ?? ROTATE },
    references: r.references,
    tags: ['credential-file', 'generic'],
    examples: { positive: r.positive, negative: r.negative, path: r.examplePath },
  };
}

/**
 * A committed env file that is not a template: `.env`, `.env.production`, `prod.env`, but not
 * `.env.example` and its kin, nor source files named after env files (`.env.ts`).
 */
export const ENV_FILE_PATH =
  /(?:^|\/)(?:\.env(?:\.(?!(?:example|sample|template|dist|defaults|tpl|tmpl|schema)(?:\.|$))[\w.-]+)?|[\w.-]+\.env)(?<!(?:^|\/)(?:example|sample|template)\.env)(?<!\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|php|cs|swift|md|mdx|rst|html?))$/i;

/** Application configuration that is committed and read at run time. */
const APP_CONFIG_PATH =
  /(?:^|\/)(?:appsettings(?:\.[\w-]+)?\.json|(?:web|app)\.config|application(?:-[\w-]+)?\.(?:properties|ya?ml)|database\.ya?ml|(?:config|settings|secrets)(?:\.[\w-]+)?\.(?:ya?ml|json|toml|ini|properties)|[\w-]+\.(?:ini|cfg|conf|properties))$/i;

/** Where connection strings are configuration, not code (JetBrains keeps JDBC URLs in `.idea/*.xml`). */
const CONFIG_PATH = new RegExp(`${ENV_FILE_PATH.source}|${APP_CONFIG_PATH.source}|(?:^|/)\\.idea/[\\w./-]+\\.xml$`, 'i');

/** Shell scripts and CI job definitions: where commands with passwords are written down. */
const SCRIPT_PATH =
  /(?:^|\/)(?:[^/]+\.(?:sh|bash|zsh|ksh|fish|ps1|psm1|bat|cmd)|(?:Dockerfile|Containerfile|Makefile|Jenkinsfile|Procfile)[^/]*|\.gitlab-ci\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|azure-pipelines\.ya?ml|\.drone\.ya?ml|\.github\/workflows\/[^/]+\.ya?ml|\.circleci\/config\.ya?ml)$/i;

/** Shell and database client histories: what someone typed, on a real machine. */
const HISTORY_PATH =
  /(?:^|\/)(?:\.(?:bash|zsh|sh|ksh|mysql|psql|sqlite|rediscli|python|node_repl)_history|fish_history|\.histfile|ConsoleHost_history\.txt)$/i;

/**
 * Passwords that scripts and CI jobs give throwaway local databases (service containers,
 * docker-entrypoint-initdb.d): the same defaults the connection-URL rule leaves out. In a shell
 * history they are reported: they opened a real machine.
 */
const LOCAL_DEFAULTS = /^(?:password|passw0rd|pass|secret|postgres|mysql|root|admin|guest|test|example|changeme|pwd|redis|mongo|user|sa)$/i;

/** Commands that take a password: `mysql -pX`, `sshpass -p X`, `redis-cli -a X`, `--password=X`, `--password X`. */
const ARGUMENT = String.raw`\bmysql(?:dump|admin|import|sh|check)?\b[^\n]{0,300}?[ \t]-p|\bsshpass[ \t]+-p[ \t]*|\bredis-cli\b[^\n]{0,300}?[ \t]-a[ \t]+|[ \t]--?(?:password|passwd|pass|db-password|db_password|admin-password|http-password|ftp-password|proxy-password|client-secret|api-key|apikey|token|auth-token|access-token|secret)[ \t]*=[ \t]*|[ \t]--(?:password|passwd|db-password|admin-password|http-password|client-secret|api-key|token|auth-token)[ \t]+`;
/**
 * Literals every {@link ARGUMENT} match holds: a client's name, or the option's dash and name
 * (`-pass` is in `--password`, `-passwd` and `--db-password`; `-token` in `--auth-token`;
 * `-secret` in `--client-secret`). As keywords they let the command rules run near them, not over
 * every script whole (the same for the two lists below).
 */
const ARGUMENT_KEYWORDS = ['mysql', 'sshpass', 'redis-cli', '-pass', '-db_password', '-api-key', '-apikey', '-token', '-secret'];
/** Environment variables that database and SSH clients read a password from. */
const VARIABLE = String.raw`\b(?:PGPASSWORD|MYSQL_PWD|SSHPASS|REDISCLI_AUTH|PGPASS|MSSQL_SA_PASSWORD|SA_PASSWORD|MYSQL_ROOT_PASSWORD|POSTGRES_PASSWORD)[ \t]*=[ \t]*`;
/** In every {@link VARIABLE} match (`pgpass` in `PGPASSWORD`, `sa_password` in `MSSQL_SA_PASSWORD`). */
const VARIABLE_KEYWORDS = ['pgpass', 'mysql_pwd', 'sshpass', 'rediscli_auth', 'sa_password', 'mysql_root_password', 'postgres_password'];
/** `curl -u user:` and HTTPie's `-a user:`. */
const USER_PASSWORD = String.raw`(?:\bcurl\b[^\n]{0,300}?[ \t](?:-u|--user|--proxy-user)|\bhttp(?:ie)?\b[^\n]{0,300}?[ \t](?:-a|--auth))[ \t]*["']?[^\s:"'$]{1,128}:`;
/** In every {@link USER_PASSWORD} match (`http` in `httpie`). */
const USER_PASSWORD_KEYWORDS = ['curl', 'http'];
/** The password itself, up to the end of the shell word; `$VAR` and `$(cmd)` are references. */
const COMMAND_VALUE = String.raw`["']?(?<secret>[^\s"'\x60;|&)$\\][^\s"'\x60;|&)]{0,1023})`;

/** A quoted or bare value after `=`/`:`; quotes are not part of the secret. */
const VALUE = String.raw`["'\x60]?(?<secret>(?<=")[^"\n]{1,4000}(?=")|(?<=')[^'\n]{1,4000}(?=')|(?<!["'\x60])[^\s"'\x60#][^\s"'\x60]{0,4000})`;

/** `NAME=value` / `NAME: value` at the start of a line (`export` allowed), for name-judged rules. */
const ASSIGNED = String.raw`^[ \t]*(?:export[ \t]+)?[A-Za-z_][\w.-]{0,100}[ \t]*(?:=|:(?=[ \t]))[ \t]*${VALUE}`;

export const credentialFileRules: readonly RuleSpec[] = [
  fileRule({
    id: 'env-secret-value',
    description: 'Secret-named variable with a value in a committed env file',
    path: ENV_FILE_PATH,
    regex: new RegExp(ASSIGNED, 'm'),
    keywords: [],
    validator: 'secret-name-value',
    maxLength: 4200,
    references: ['https://12factor.net/config', 'https://github.com/motdotla/dotenv#should-i-commit-my-env-file'],
    rotate:
      'Rotate the credential at the service it opens (the value is in the repository and its history), untrack the env file (git rm --cached), add it to .gitignore, and commit an .env.example with empty values instead.',
    positive: [
      'APP_NAME=Laravel\nDB_CONNECTION=mysql\nDB_PASSWORD=admin\nREDIS_PASSWORD=null\n',
      'export STRIPE_WEBHOOK_SECRET="{{password:20}}"\n',
      'MAIL_PASSWORD={{lower:8}}\n',
      "JWT_SECRET='{{alnum:12}}'\n",
    ],
    negative: [
      'DB_PASSWORD=\nREDIS_PASSWORD=null\nMAIL_PASSWORD=\n',
      'API_TOKEN=${API_TOKEN}\nDB_PASSWORD=$(cat /run/secrets/db)\n',
      'SSL_KEY=/etc/ssl/private/server.key\nSESSION_SECRET_NAME=sid\nPWD=/srv/app\n',
      'STRIPE_PUBLISHABLE_KEY=pk_test_{{alnum:24}}\nTOKEN_TTL=3600\n',
    ],
    examplePath: 'deploy/.env.production',
  }),
  fileRule({
    id: 'config-connection-password',
    description: 'Password in a connection URL in a committed env or application config file',
    path: CONFIG_PATH,
    regex: /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^:/?#@\s"'`]{0,128}:(?<secret>[^@/?#\s"'`]{1,256})@[\w.[\]-]/i,
    keywords: ['://'],
    references: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING',
      'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
    ],
    positive: [
      'DATABASE_URL=postgres://app:admin@db.internal:5432/app\n',
      'REDIS_URL=redis://:{{lower:8}}@cache:6379/0\n',
      'MONGO_URI=mongodb+srv://app:admin@cluster0.example.net/app?retryWrites=true\n',
    ],
    negative: ['DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n', 'DATABASE_URL=postgres://db.internal:5432/app\n'],
    examplePath: '.env',
  }),
  fileRule({
    id: 'config-connection-string-password',
    description: 'Password in an ADO.NET, ODBC or JDBC connection string in a committed env or application config file',
    path: CONFIG_PATH,
    regex: /[;?&"'](?:password|pwd)[ \t]*=[ \t]*(?<secret>[^;&\s"'`<]{1,256})/i,
    keywords: ['password', 'pwd'],
    references: [
      'https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax',
      'https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html',
    ],
    positive: [
      '{ "ConnectionStrings": { "Default": "Server=sql01;Database=shop;User Id=shop;Password=password;" } }\n',
      'spring.datasource.url=jdbc:sqlserver://sql01:1433;databaseName=shop;user=shop;password=admin;encrypt=true\n',
    ],
    negative: [
      '{ "ConnectionStrings": { "Default": "Server=sql01;Database=shop;Trusted_Connection=True;" } }\n',
      '"Default": "Server=sql01;Password=${DB_PASSWORD};"\n',
    ],
    examplePath: 'src/Shop/appsettings.Production.json',
  }),
  fileRule({
    id: 'netrc-file-password',
    description: 'Password in a .netrc file',
    path: /(?:^|\/)[._]netrc$/i,
    regex: /(?:^|\s)password[ \t\r\n]+["']?(?<secret>[^\s"']{1,512})/,
    keywords: [],
    references: [
      'https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html',
      'https://everything.curl.dev/usingcurl/netrc.html',
    ],
    positive: [
      'machine api.heroku.com\n  login jane@example.com\n  password {{alnum:32}}\n',
      'default login anonymous password {{lower:6}}\n',
      'machine ftp.example.org\nlogin backup\npassword\n{{password:12}}\n',
    ],
    negative: ['machine github.com login ci-bot password $GITHUB_TOKEN\n', 'machine github.com login ci-bot\n'],
    examplePath: 'home/.netrc',
  }),
  fileRule({
    id: 'git-credentials-password',
    description: 'Password or token in a git credential store (.git-credentials)',
    path: /(?:^|\/)(?:\.git-credentials|\.config\/git\/credentials|git-credentials(?:\.txt)?)$/i,
    regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^:/?#@\s]{0,128}:(?<secret>[^@/?#\s]{1,512})@[\w.-]+/i,
    keywords: ['://'],
    references: ['https://git-scm.com/docs/git-credential-store#_storage_format'],
    positive: [
      'https://jane:{{alnum:20}}@github.example.org\n',
      'https://x-access-token:{{lower:10}}@git.example.org\nhttps://ci:admin@gitlab.internal\n',
    ],
    negative: ['https://github.com/org/repo\n', 'https://jane:${TOKEN}@github.example.org\n'],
    examplePath: 'home/.git-credentials',
  }),
  fileRule({
    id: 'pgpass-password',
    description: 'Password in a PostgreSQL password file (.pgpass)',
    provider: 'PostgreSQL',
    path: /(?:^|\/)(?:\.pgpass|pgpass\.conf)$/i,
    regex: /^[^:#\n]{1,256}:[^:\n]{1,16}:[^:\n]{1,256}:[^:\n]{1,256}:(?<secret>[^\n\r]{1,512})/m,
    keywords: [],
    references: ['https://www.postgresql.org/docs/current/libpq-pgpass.html'],
    positive: ['db.internal:5432:app:app:{{password:16}}\n', '# prod\n*:*:*:postgres:postgres\nlocalhost:5432:*:report:{{lower:8}}\n'],
    negative: ['# hostname:port:database:username:password\n', 'db.internal:5432:app:app:\n'],
    examplePath: 'home/.pgpass',
  }),
  fileRule({
    id: 'mysql-option-file-password',
    description: 'Password in a MySQL option file (.my.cnf)',
    provider: 'MySQL',
    path: /(?:^|\/)(?:\.my\.cnf|my\.cnf|my\.ini|debian\.cnf|[\w.-]+\.cnf)$/i,
    regex: /^[ \t]*password[ \t]*=[ \t]*["']?(?<secret>[^"'\s][^"'\r\n]{0,511}?)["']?[ \t]*\r?$/m,
    keywords: [],
    references: [
      'https://dev.mysql.com/doc/refman/8.0/en/option-files.html',
      'https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html',
    ],
    positive: ['[client]\nuser = root\npassword = {{password:14}}\n', '[mysqldump]\nuser=backup\npassword="{{lower:9}}"\n'],
    negative: ['[client]\nuser = root\npassword =\n', '[mysqld]\nvalidate_password.policy = STRONG\n'],
    examplePath: 'home/.my.cnf',
  }),
  fileRule({
    id: 'htpasswd-entry',
    description: 'Password hash in an Apache/FTP password file (.htpasswd, ftpd.passwd)',
    severity: 'medium',
    path: /(?:^|\/)(?:[\w.-]*\.htpasswd|htpasswd|\.?htpasswd[\w.-]*|ftpd\.passwd|ftpasswd|[\w.-]*(?:proftpd|vsftpd|pure-ftpd|pureftpd)[\w./-]*passw[\w.-]*|passwd\.(?:ftp|proftpd))$/i,
    regex: /^[^:\s#]{1,128}:(?<secret>[^:\s]{4,256})/m,
    keywords: [],
    references: ['https://httpd.apache.org/docs/2.4/misc/password_encryptions.html', 'https://www.proftpd.org/docs/howto/AuthFiles.html'],
    rotate:
      'Change the password of every user in the file (a hash in a repository can be cracked offline), keep the file outside the repository, and prefer bcrypt hashes (htpasswd -B).',
    positive: ['jane:{{alnum:13}}\n', 'ftpuser:{{lower:10}}:1001:1001::/srv/ftp:/bin/false\n', 'admin:{SHA}{{b64:27}}=\n'],
    negative: ['# user:hash\n', 'jane:\n'],
    examplePath: 'public/.htpasswd',
  }),
  fileRule({
    id: 'npm-config-credential',
    description: 'Registry credential in .npmrc or .yarnrc.yml',
    provider: 'npm',
    path: /(?:^|\/)(?:\.npmrc|npmrc|\.yarnrc\.yml|\.yarnrc)$/i,
    regex:
      /(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent|_authIdent)["']?[ \t]*[=:][ \t]*["']?(?<secret>[^\s"'#][^\s"']{0,1023})/i,
    keywords: [],
    revoke: 'https://docs.npmjs.com/revoking-access-tokens',
    references: [
      'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
      'https://yarnpkg.com/configuration/yarnrc#npmAuthToken',
    ],
    positive: [
      '//registry.internal/:_authToken={{lowalnum:12}}\n',
      'npmRegistries:\n  "https://npm.internal":\n    npmAuthIdent: "ci:{{lower:8}}"\n',
      '//registry.internal/:username=ci\n//registry.internal/:_password={{base64}}{{lower:8}}{{/base64}}\n',
    ],
    negative: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', 'npmAuthToken: "${NPM_TOKEN}"\n'],
    examplePath: 'app/.npmrc',
  }),
  fileRule({
    id: 'pypirc-file-password',
    description: 'Password or token in a .pypirc file',
    provider: 'PyPI',
    path: /(?:^|\/)\.?pypirc$/i,
    regex: /^[ \t]*password[ \t]*[:=][ \t]*(?<secret>[^\s][^\r\n]{0,1023}?)[ \t]*\r?$/m,
    keywords: [],
    revoke: 'https://pypi.org/manage/account/token/',
    references: ['https://packaging.python.org/en/latest/specifications/pypirc/'],
    positive: [
      '[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pkgs.internal/simple\nusername = ci\npassword = {{lower:10}}\n',
      '[pypi]\nusername: __token__\npassword: {{alnum:30}}\n',
    ],
    negative: ['[pypi]\nusername = __token__\npassword =\n', '[pypi]\nusername = __token__\n'],
    examplePath: 'home/.pypirc',
  }),
  fileRule({
    id: 'gem-credentials-key',
    description: 'API key in a RubyGems credentials file (~/.gem/credentials)',
    provider: 'RubyGems',
    path: /(?:^|\/)\.gem\/credentials$|(?:^|\/)gem-credentials$/i,
    regex: /^[ \t]*(?::[\w-]+|["']?https?:\/\/[^\s"']+["']?)[ \t]*:[ \t]*(?:Bearer[ \t]+)?["']?(?<secret>[^\s"'#][^\s"']{0,511})/m,
    keywords: [],
    revoke: 'https://rubygems.org/profile/api_keys',
    references: ['https://guides.rubygems.org/api-key-scopes/', 'https://guides.rubygems.org/command-reference/#gem-signin'],
    positive: [
      '---\n:rubygems_api_key: {{hex:32}}\n',
      '---\n:rubygems_api_key: rubygems_{{hex:48}}\n"https://rubygems.pkg.github.com/acme": Bearer {{alnum:20}}\n',
    ],
    negative: ['---\n', '---\n:rubygems_api_key: "<%= ENV[\'GEM_HOST_API_KEY\'] %>"\n'],
    examplePath: 'home/.gem/credentials',
  }),
  fileRule({
    id: 'composer-auth-credential',
    description: 'Credential in a Composer auth.json',
    provider: 'Composer',
    path: /(?:^|\/)auth\.json$/i,
    regex: /"(?:password|consumer-secret|github\.com|gitlab\.com|[\w.-]+\.[a-z]{2,})"[ \t]*:[ \t]*"(?<secret>(?:[^"\\\n]|\\.){1,1024})"/,
    keywords: [],
    references: ['https://getcomposer.org/doc/articles/authentication-for-private-packages.md'],
    positive: [
      '{\n    "http-basic": {\n        "repo.example.org": {\n            "username": "ci",\n            "password": "{{lower:10}}"\n        }\n    }\n}\n',
      '{\n    "github-oauth": {\n        "github.com": "{{alnum:40}}"\n    }\n}\n',
    ],
    negative: [
      '{\n    "http-basic": {\n        "repo.example.org": {\n            "username": "ci",\n            "password": ""\n        }\n    }\n}\n',
      '{ "require": { "php": "^8.2" } }\n',
    ],
    examplePath: 'auth.json',
  }),
  fileRule({
    id: 'nuget-config-password',
    description: 'Package source password in a NuGet.Config',
    provider: 'NuGet',
    path: /(?:^|\/)nuget\.config$/i,
    regex: /\bkey[ \t]*=[ \t]*"(?:ClearTextPassword|Password)"[ \t]+value[ \t]*=[ \t]*"(?<secret>[^"\n]{1,4096})"/i,
    keywords: [],
    references: ['https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials'],
    positive: [
      '<packageSourceCredentials>\n  <internal>\n    <add key="Username" value="ci" />\n    <add key="ClearTextPassword" value="{{lower:10}}" />\n  </internal>\n</packageSourceCredentials>\n',
      '<add key="Password" value="{{b64:60}}" />\n',
    ],
    negative: ['<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />\n', '<add key="Username" value="ci" />\n'],
    examplePath: 'NuGet.Config',
  }),
  fileRule({
    id: 'maven-settings-password',
    description: 'Server password in a Maven settings.xml',
    provider: 'Maven',
    path: /(?:^|\/)(?:\.m2\/)?settings(?:-security)?\.xml$/i,
    regex: /<(?<tag>password|passphrase|master)>(?<secret>[^<\n]{1,4096})<\/\k<tag>>/,
    keywords: [],
    references: ['https://maven.apache.org/settings.html#servers', 'https://maven.apache.org/guides/mini/guide-encryption.html'],
    positive: [
      '<servers>\n  <server>\n    <id>releases</id>\n    <username>deploy</username>\n    <password>{{lower:10}}</password>\n  </server>\n</servers>\n',
      '<settingsSecurity>\n  <master>{{{b64:24}}=}</master>\n</settingsSecurity>\n',
    ],
    negative: ['<server>\n  <id>releases</id>\n  <password>${env.MAVEN_PASSWORD}</password>\n</server>\n', '<server><id>x</id></server>\n'],
    examplePath: 'home/.m2/settings.xml',
  }),
  fileRule({
    id: 'gradle-properties-secret',
    description: 'Secret-named property with a value in gradle.properties',
    provider: 'Gradle',
    path: /(?:^|\/)gradle\.properties$/i,
    regex: /^[ \t]*[A-Za-z_][\w.-]{0,100}[ \t]*[=:][ \t]*(?<secret>[^\s][^\r\n]{0,1023}?)[ \t]*\r?$/m,
    keywords: [],
    validator: 'secret-name-value',
    references: [
      'https://docs.gradle.org/current/userguide/build_environment.html#sec:gradle_configuration_properties',
      'https://docs.gradle.org/current/userguide/signing_plugin.html',
    ],
    positive: [
      'org.gradle.jvmargs=-Xmx2g\nossrhPassword={{lower:10}}\n',
      'signing.keyId=24875D73\nsigning.password={{password:12}}\nsigning.secretKeyRingFile=/home/ci/.gnupg/secring.gpg\n',
    ],
    negative: ['org.gradle.jvmargs=-Xmx2g\nkotlin.code.style=official\n', 'signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg\n'],
    examplePath: 'gradle.properties',
  }),
  fileRule({
    id: 'docker-config-token',
    description: 'Identity or registry token in a docker config.json',
    provider: 'Docker',
    path: /(?:^|\/)(?:config\.json|\.dockercfg|\.dockerconfigjson)$/i,
    regex: /"(?:identitytoken|registrytoken)"[ \t]*:[ \t]*"(?<secret>[^"\n]{8,4096})"/i,
    keywords: ['identitytoken', 'registrytoken'],
    revoke: 'https://docs.docker.com/reference/cli/docker/login/',
    references: [
      'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
      'https://github.com/docker/cli/blob/master/cli/config/types/authconfig.go',
    ],
    positive: [
      '{\n  "auths": {\n    "acr.example.io": {\n      "auth": "",\n      "identitytoken": "{{b64url:60}}"\n    }\n  }\n}\n',
      '{"auths":{"r.example.org":{"registrytoken":"{{alnum:40}}"}}}',
    ],
    negative: ['{"auths":{"r.example.org":{}},"credsStore":"desktop"}', '{"auths":{"r.example.org":{"identitytoken":""}}}'],
    examplePath: 'home/.docker/config.json',
  }),
  fileRule({
    id: 'kubeconfig-credential',
    description: 'User credential in a kubeconfig (client key, token or password)',
    provider: 'Kubernetes',
    path: /(?:^|\/)(?:\.kube\/config|kubeconfig[\w.-]*|[\w.-]+\.kubeconfig|admin\.conf|kubelet\.conf|config)$|\.kube\/[^/]+$/i,
    regex:
      /^[ \t]+(?:client-key-data|token|password|id-token|refresh-token|client-secret|access-token)[ \t]*:[ \t]*["']?(?<secret>[^\s"'#][^\s"']{0,16383})/m,
    keywords: [],
    maxLength: 16500,
    revoke: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
      'https://kubernetes.io/docs/reference/config-api/kubeconfig.v1/',
    ],
    positive: [
      'apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    client-certificate-data: {{b64:64}}\n    client-key-data: {{b64:120}}\n',
      'apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: {{alnum:40}}\n',
      'users:\n- name: basic\n  user:\n    username: admin\n    password: {{lower:10}}\n',
    ],
    negative: ['users:\n- name: sso\n  user:\n    exec:\n      command: aws\n', 'users:\n- name: ci\n  user:\n    token: ""\n'],
    examplePath: 'home/.kube/config',
  }),
  fileRule({
    id: 'terraform-state-secret',
    description: 'Secret attribute or sensitive output in a Terraform state file',
    provider: 'Terraform',
    path: /\.tfstate(?:\.backup|\.\d+\.backup)?$/i,
    regex: /"[\w-]{0,80}"[ \t]*:[ \t]*"(?<secret>(?:[^"\\\n]|\\.){1,16384})"/,
    keywords: ['password', 'secret', 'token', 'key"', 'credential'],
    validator: 'secret-name-value',
    maxLength: 16500,
    revoke: 'https://developer.hashicorp.com/terraform/language/state/sensitive-data',
    rotate:
      'Rotate every secret the state holds (state keeps sensitive values in plain text), move the state to an encrypted remote backend with access control, and never commit *.tfstate.',
    references: ['https://developer.hashicorp.com/terraform/language/state/sensitive-data'],
    positive: [
      '{\n  "version": 4,\n  "resources": [\n    {\n      "type": "aws_db_instance",\n      "instances": [\n        {\n          "attributes": {\n            "username": "app",\n            "password": "{{lower:10}}"\n          },\n          "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]\n        }\n      ]\n    }\n  ]\n}\n',
      '{"resources":[{"instances":[{"attributes":{"primary_access_key":"{{b64:86}}==","name":"st"}}]}]}',
    ],
    negative: [
      '{"resources":[{"instances":[{"attributes":{"password":null,"name":"x"}}]}]}',
      '{"resources":[{"instances":[{"attributes":{"key_name":"deploy","secret_arn":"arn:aws:secretsmanager:eu-west-1:1:secret:x"}}]}]}',
    ],
    examplePath: 'infra/terraform.tfstate',
  }),
  fileRule({
    id: 'terraform-state-sensitive-output',
    description: 'Sensitive output value in a Terraform state file',
    provider: 'Terraform',
    path: /\.tfstate(?:\.backup|\.\d+\.backup)?$/i,
    regex:
      /"value"[ \t]*:[ \t]*"(?<secret>(?:[^"\\\n]|\\.){1,16384})"[ \t]*,[\s]{0,40}"type"[ \t]*:[ \t]*"string"[ \t]*,[\s]{0,40}"sensitive"[ \t]*:[ \t]*true/,
    keywords: ['"sensitive"'],
    maxLength: 16500,
    revoke: 'https://developer.hashicorp.com/terraform/language/state/sensitive-data',
    references: ['https://developer.hashicorp.com/terraform/language/values/outputs#sensitive-suppressing-values-in-cli-output'],
    positive: [
      '"outputs": {\n    "db_dsn": {\n      "value": "{{lower:12}}",\n      "type": "string",\n      "sensitive": true\n    }\n  }\n',
      '"outputs":{"k":{"value":"{{alnum:30}}","type":"string","sensitive":true}}',
    ],
    negative: [
      '"outputs": {\n    "region": {\n      "value": "eu-west-1",\n      "type": "string"\n    }\n  }\n',
      '"outputs":{"k":{"value":"","type":"string","sensitive":true}}',
    ],
    examplePath: 'terraform.tfstate.backup',
  }),
  fileRule({
    id: 'cloud-cli-credentials',
    description: 'Secret in a cloud or storage CLI credentials file (AWS CLI, s3cmd, boto, rclone)',
    path: /(?:^|\/)(?:\.aws\/(?:credentials|config)|\.s3cfg|s3cfg|\.boto|boto\.cfg|rclone\.conf)$/i,
    regex:
      /^[ \t]*(?:aws_secret_access_key|aws_session_token|aws_security_token|secret_key|secret_access_key|access_token|gpg_passphrase|proxy_password|gs_secret_access_key|gs_oauth2_refresh_token|pass|password|password2|client_secret|key|account_key|sas_url|token|bearer_token)[ \t]*=[ \t]*(?<secret>[^\s][^\r\n]{0,8191}?)[ \t]*\r?$/m,
    keywords: [],
    maxLength: 8400,
    references: [
      'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
      'https://s3tools.org/kb/item14.htm',
      'https://rclone.org/docs/#config-file',
    ],
    positive: [
      '[default]\naccess_key = {{upalnum:20}}\nsecret_key = {{alnum:40}}\nhost_base = s3.example.org\n',
      '[remote]\ntype = sftp\nhost = files.internal\nuser = backup\npass = {{b64url:40}}\n',
    ],
    negative: ['[default]\nregion = eu-west-1\noutput = json\n', '[remote]\ntype = s3\nprovider = AWS\nenv_auth = true\n'],
    examplePath: 'home/.aws/credentials',
  }),
  fileRule({
    id: 'cloud-cli-token-cache',
    description: 'Token or client secret in a cloud CLI credential cache (gcloud, Azure CLI)',
    path: /(?:^|\/)(?:\.config\/gcloud\/[\w./-]+\.json|application_default_credentials\.json|\.azure\/[\w.-]+\.json|msal_token_cache\.json|accessTokens\.json|service_principal_entries\.json|credentials\.db\.json)$/i,
    regex:
      /"(?:client_secret|refresh_token|access_token|accessToken|refreshToken|secret|private_key|password)"[ \t]*:[ \t]*"(?<secret>(?:[^"\\\n]|\\.){8,16384})"/,
    keywords: [],
    maxLength: 16500,
    references: [
      'https://cloud.google.com/docs/authentication/application-default-credentials',
      'https://learn.microsoft.com/en-us/cli/azure/authenticate-azure-cli',
    ],
    positive: [
      '{\n  "client_id": "{{digit:12}}-{{lowalnum:32}}.apps.googleusercontent.com",\n  "client_secret": "{{alnum:24}}",\n  "refresh_token": "1//{{b64url:60}}",\n  "type": "authorized_user"\n}\n',
      '{"RefreshToken": {"x": {"credential_type": "RefreshToken", "secret": "{{b64url:80}}"}}}',
    ],
    negative: ['{"installation_id": "{{hex:32}}"}', '{"client_secret": ""}'],
    examplePath: 'home/.config/gcloud/application_default_credentials.json',
  }),
  fileRule({
    id: 'jenkins-credentials-secret',
    description: 'Secret in a Jenkins credentials.xml or job config',
    provider: 'Jenkins',
    path: /(?:^|\/)(?:credentials\.xml|jobs\/[^/]+\/config\.xml|config\.xml)$/i,
    regex:
      /<(?<tag>password|secret|passphrase|privateKey|apiToken|secretBytes|token|clientSecret|secretKey|accessKey)>(?<secret>[^<]{4,16384})<\/\k<tag>>/,
    keywords: [],
    maxLength: 16500,
    revoke: 'https://www.jenkins.io/doc/book/using/using-credentials/',
    rotate:
      'Rotate each credential at its issuer (Jenkins secrets are decryptable with the controller’s secrets/ directory), then re-enter them in the Jenkins credentials store and remove the file from the repository.',
    references: ['https://www.jenkins.io/doc/book/using/using-credentials/', 'https://plugins.jenkins.io/credentials/'],
    positive: [
      '<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <id>deploy</id>\n  <username>deploy</username>\n  <password>{AQAAABAAAAAQ{{b64:44}}=}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n',
      '<org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n  <id>api</id>\n  <secret>{{alnum:32}}</secret>\n</org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n',
    ],
    negative: [
      '<password></password>\n',
      '<hudson.model.StringParameterDefinition><name>TOKEN</name></hudson.model.StringParameterDefinition>\n',
    ],
    examplePath: 'jenkins/credentials.xml',
  }),
  fileRule({
    id: 'wordpress-config-secret',
    description: 'Database password or authentication key/salt in a WordPress wp-config.php',
    provider: 'WordPress',
    path: /(?:^|\/)wp-config(?:[\w.-]*)?\.php(?:\.[\w~-]+)?$/i,
    regex:
      /\bdefine\s*\(\s*["'](?:DB_PASSWORD|AUTH_KEY|SECURE_AUTH_KEY|LOGGED_IN_KEY|NONCE_KEY|AUTH_SALT|SECURE_AUTH_SALT|LOGGED_IN_SALT|NONCE_SALT|FTP_PASS|WP_REDIS_PASSWORD|SMTP_PASS(?:WORD)?)["']\s*,\s*(?<q>["'])(?<secret>(?:(?!\k<q>)[^\\\n]|\\.){1,512})\k<q>/,
    keywords: [],
    revoke: 'https://api.wordpress.org/secret-key/1.1/salt/',
    rotate:
      'Change the database user’s password, generate new keys and salts (https://api.wordpress.org/secret-key/1.1/salt/; this logs everyone out), and keep wp-config.php out of the repository.',
    references: ['https://developer.wordpress.org/advanced-administration/wordpress/wp-config/'],
    positive: [
      "define( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', '{{lower:8}}' );\n",
      "define('AUTH_KEY',         '{{alnum:8}}(]|;{[<,>{{alnum:8}}');\ndefine('NONCE_SALT', \"{{password:40}}\");\n",
    ],
    negative: [
      "define( 'DB_PASSWORD', 'password_here' );\ndefine( 'AUTH_KEY', 'put your unique phrase here' );\n",
      "define( 'DB_PASSWORD', getenv('WP_DB_PASSWORD') );\n",
    ],
    examplePath: 'public/wp-config.php',
  }),
  fileRule({
    id: 'django-secret-key',
    description: 'Django SECRET_KEY in a settings module',
    provider: 'Django',
    path: /(?:^|\/)(?:[\w-]*settings[\w-]*|settings\/[\w-]+|local|production|prod|dev|base|config)\.py$/i,
    regex:
      /^[ \t]*SECRET_KEY[ \t]*=[ \t]*(?:(?:os\.environ\.get|os\.getenv|env(?:\.str)?|config)\(\s*["']\w+["']\s*,\s*(?:default\s*=\s*)?)?(?<q>["'])(?<secret>(?:(?!\k<q>)[^\\\n]|\\.){8,512})\k<q>/m,
    keywords: ['secret_key'],
    // Generated by startproject: a phrase of words is a framework's or a tutorial's placeholder.
    validator: 'generated-value',
    revoke: 'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
    rotate:
      'Generate a new key (django.core.management.utils.get_random_secret_key), keep the old one in SECRET_KEY_FALLBACKS while sessions and signed data roll over, and read it from the environment.',
    references: [
      'https://docs.djangoproject.com/en/stable/ref/settings/#secret-key',
      'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key',
    ],
    positive: [
      "SECRET_KEY = 'django-insecure-{{lowalnum:20}}(-_=+)!@#{{lowalnum:10}}'\n",
      "SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '{{lowalnum:30}}^&*(){{lowalnum:10}}')\n",
    ],
    negative: [
      "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n",
      "SECRET_KEY = env('SECRET_KEY')\n",
      "    SECRET_KEY = 'development key'\n",
    ],
    examplePath: 'mysite/settings.py',
  }),
  fileRule({
    id: 'rails-master-key',
    description: 'Rails master key (config/master.key or config/credentials/*.key)',
    provider: 'Rails',
    severity: 'critical',
    path: /(?:^|\/)config\/(?:master|credentials\/[\w-]+)\.key$/i,
    regex: /^\s*(?<secret>[0-9a-f]{32})\s*$/,
    keywords: [],
    revoke: 'https://guides.rubyonrails.org/security.html#custom-credentials',
    rotate:
      'Create new credentials with a new key (bin/rails credentials:edit after moving the old files away), re-enter every secret, rotate each of them at its issuer (they are readable with the leaked key), and keep *.key files ignored.',
    references: ['https://guides.rubyonrails.org/security.html#custom-credentials'],
    positive: ['{{hex:32}}', '{{hex:32}}\n'],
    negative: ['{{hex:31}}\n', 'see https://guides.rubyonrails.org\n'],
    examplePath: 'config/master.key',
  }),
  fileRule({
    id: 'rails-secrets-yml',
    description: 'Secret in a Rails config/secrets.yml',
    provider: 'Rails',
    path: /(?:^|\/)config\/secrets\.ya?ml$/i,
    regex: /^[ \t]*[A-Za-z_][\w.-]{0,100}[ \t]*:[ \t]*["']?(?<secret>[^\s"'#&*!|>%<][^\s"']{0,4095})/m,
    keywords: [],
    validator: 'secret-name-value',
    revoke: 'https://guides.rubyonrails.org/security.html#custom-credentials',
    references: ['https://guides.rubyonrails.org/v5.1/security.html#custom-secrets'],
    positive: [
      'production:\n  secret_key_base: {{hex:128}}\n',
      'development:\n  secret_key_base: {{hex:64}}\n  stripe_secret: {{lower:12}}\n',
    ],
    negative: ['production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n', 'production:\n  domain: example.org\n'],
    examplePath: 'config/secrets.yml',
  }),
  fileRule({
    id: 'filezilla-saved-password',
    description: 'Saved password in FileZilla’s site manager or recent servers',
    provider: 'FileZilla',
    path: /(?:^|\/)(?:sitemanager|recentservers|filezilla|quickconnect)\.xml$/i,
    regex: /<Pass(?:[ \t]+encoding="(?:base64|plain)")?>(?<secret>[^<\n]{1,4096})<\/Pass>/,
    keywords: [],
    references: ['https://wiki.filezilla-project.org/Site_Manager'],
    positive: [
      '<FileZilla3>\n  <Servers>\n    <Server>\n      <Host>ftp.example.org</Host>\n      <User>deploy</User>\n      <Pass encoding="base64">{{base64}}{{lower:10}}{{/base64}}</Pass>\n    </Server>\n  </Servers>\n</FileZilla3>\n',
      '<Server><Host>10.0.0.5</Host><User>root</User><Pass>{{lower:8}}</Pass></Server>\n',
    ],
    negative: ['<Server><Host>ftp.example.org</Host><User>deploy</User></Server>\n', '<Server><Pass></Pass></Server>\n'],
    examplePath: 'AppData/FileZilla/sitemanager.xml',
  }),
  fileRule({
    id: 'winscp-saved-password',
    description: 'Saved (obfuscated) session password in a WinSCP.ini',
    provider: 'WinSCP',
    path: /(?:^|\/)winscp(?:[\w.-]*)?\.ini$/i,
    regex: /^[ \t]*Password=(?<secret>[0-9A-Fa-f]{8,4096})[ \t]*\r?$/m,
    keywords: [],
    references: ['https://winscp.net/eng/docs/ui_pref_storage', 'https://winscp.net/eng/docs/security_credentials'],
    positive: [
      '[Sessions\\deploy@ftp.example.org]\nHostName=ftp.example.org\nUserName=deploy\nPassword={{HEX:48}}\n',
      '[Sessions\\root@10.0.0.5]\r\nPassword={{HEX:64}}\r\n',
    ],
    negative: ['[Sessions\\deploy@ftp.example.org]\nHostName=ftp.example.org\n', '[Configuration\\Interface]\nPassword=\n'],
    examplePath: 'WinSCP.ini',
  }),
  fileRule({
    id: 'sftp-client-config-password',
    description: 'Password in an editor’s or database tool’s saved connection (Sublime SFTP, VS Code SFTP, .ftpconfig, DBeaver, Robo 3T)',
    path: /(?:^|\/)(?:sftp-config(?:-alt\d*)?\.json|\.vscode\/sftp\.json|\.?ftpconfig|\.?sftpconfig|\.?ftppass|data-sources[\w-]*\.json|robomongo[\w.-]*\.json|robo3t[\w.-]*\.json|studio3t[\w.-]*\.json)$/i,
    regex:
      /"(?:password|pass|passphrase|userPassword|sshUserPassword|sshPassphrase|sshPassword)"[ \t]*:[ \t]*"(?<secret>(?:[^"\\\n]|\\.){1,4096})"/,
    keywords: [],
    references: [
      'https://codexns.io/products/sftp_for_subime/settings',
      'https://github.com/Natizyskunk/vscode-sftp/wiki/Configuration',
      'https://dbeaver.com/docs/dbeaver/Admin-Manage-Connections/',
    ],
    positive: [
      '{\n    // sftp, ftp or ftps\n    "type": "sftp",\n    "host": "example.org",\n    "user": "deploy",\n    "password": "{{lower:10}}",\n    "remote_path": "/var/www/"\n}\n',
      '{\n  "name": "prod",\n  "host": "10.0.0.5",\n  "protocol": "sftp",\n  "username": "root",\n  "password": "{{password:14}}"\n}\n',
    ],
    negative: [
      '{\n    "type": "sftp",\n    "host": "example.org",\n    "user": "deploy",\n    "ssh_key_file": "~/.ssh/id_rsa"\n}\n',
      '{ "password": "" }\n',
    ],
    examplePath: 'project/sftp-config.json',
  }),
  fileRule({
    id: 'jetbrains-saved-password',
    description: 'Saved password in a JetBrains IDE project file (.idea data sources, web servers, deployment)',
    provider: 'JetBrains',
    path: /(?:^|\/)\.idea\/(?:[\w.-]+\.xml|dataSources\/[\w.-]+\.xml)$/i,
    regex: /(?:\b(?:password|passphrase)|name="(?:password|passphrase)"[ \t]+value)[ \t]*=[ \t]*"(?<secret>[^"\n]{1,4096})"/i,
    keywords: [],
    references: [
      'https://www.jetbrains.com/help/idea/settings-tools-deployment.html',
      'https://www.jetbrains.com/help/datagrip/configuring-database-connections.html',
    ],
    positive: [
      '<component name="WebServers">\n  <option name="servers">\n    <webServer id="1" name="prod" url="http://example.org">\n      <fileTransfer host="example.org" port="21" rootFolder="/www" accessType="FTP" login="deploy" password="{{hex:24}}" />\n    </webServer>\n  </option>\n</component>\n',
      '<data-source name="prod">\n  <property name="password" value="{{lower:10}}" />\n</data-source>\n',
    ],
    negative: ['<fileTransfer host="example.org" login="deploy" />\n', '<option name="rememberPassword" value="true" />\n'],
    examplePath: '.idea/webServers.xml',
  }),
  fileRule({
    id: 'ansible-vault-password-file',
    description: 'Ansible Vault password file',
    provider: 'Ansible',
    severity: 'critical',
    path: /(?:^|\/)\.?(?:ansible[-_])?vault[-_.]?pass(?:word)?(?:[-_.]?file)?(?:\.txt)?$/i,
    // Greedy, ending on a non-space: a lazy run before `\s*$` retried the tail once per length
    // (quadratic on a long run of spaces, found by the load-time safety check).
    regex: /^[ \t]*(?<secret>[^\s#](?:[^\r\n]{0,1022}[^\s])?)\s*$/,
    keywords: [],
    revoke: 'https://docs.ansible.com/ansible/latest/vault_guide/vault_managing_passwords.html',
    rotate:
      'Re-key every vault with a new password (ansible-vault rekey), rotate the secrets the vaults hold (anyone with the repository can decrypt them), and keep the password file out of the repository.',
    references: ['https://docs.ansible.com/ansible/latest/vault_guide/vault_managing_passwords.html'],
    positive: ['{{password:24}}\n', '{{lower:10}}'],
    negative: ['#!/bin/sh\npass show ansible/vault\n', '\n'],
    examplePath: 'ops/.vault_pass',
  }),
  fileRule({
    id: 'ansible-inventory-password',
    description: 'Connection or become password in an Ansible inventory or vars file',
    provider: 'Ansible',
    path: /(?:^|\/)(?:inventory|hosts|group_vars|host_vars)(?:\/|$)|\.(?:ini|ya?ml|cfg)$|(?:^|\/)hosts[\w.-]*$/i,
    regex: /\bansible_(?:ssh_|become_|sudo_|winrm_)?pass(?:word)?\b["']?[ \t]*[=:][ \t]*["']?(?<secret>[^\s"'#][^\s"']{0,1023})/i,
    keywords: ['ansible_'],
    revoke: 'https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html',
    references: [
      'https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html#connecting-to-hosts-behavioral-inventory-parameters',
    ],
    positive: [
      '[web]\nweb1 ansible_host=10.0.0.5 ansible_user=deploy ansible_password={{lower:10}}\n',
      'ansible_become_pass: "{{password:12}}"\n',
    ],
    negative: ['ansible_become_pass: "{{ vault_become_pass }}"\n', 'ansible_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n'],
    examplePath: 'inventory/hosts.ini',
  }),
  fileRule({
    id: 'sql-user-password',
    description: 'Password in a SQL statement that creates or changes a user',
    path: /\.(?:sql|dump|ddl|psql|pgsql|mysql|sqlite|bak)(?:\.txt)?$|(?:^|\/)(?:[^/]+\.(?:sh|bash|ps1|bat)|Dockerfile[^/]*|\.(?:mysql|psql)_history)$/i,
    regex:
      /\b(?:IDENTIFIED[ \t]+(?:WITH[ \t]+\w+[ \t]+)?BY(?:[ \t]+PASSWORD)?|(?:WITH|LOGIN|ENCRYPTED|UNENCRYPTED)[ \t]+PASSWORD(?:[ \t]*=)?|SET[ \t]+PASSWORD(?:[ \t]+FOR[ \t]+[^=\n]{1,200})?[ \t]*=[ \t]*(?:PASSWORD[ \t]*\()?)[ \t]*(?<q>["'])(?<secret>(?:(?!\k<q>)[^\\\n]|\\.){1,512})\k<q>/i,
    keywords: ['identified', 'password'],
    allowSecret: [LOCAL_DEFAULTS],
    revoke: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
    rotate:
      'Change the database user’s password (ALTER USER), keep user creation out of committed dumps, and pass passwords to provisioning scripts from a secret store.',
    references: [
      'https://dev.mysql.com/doc/refman/8.0/en/create-user.html',
      'https://www.postgresql.org/docs/current/sql-createrole.html',
      'https://learn.microsoft.com/en-us/sql/t-sql/statements/create-login-transact-sql',
    ],
    positive: [
      "CREATE USER 'app'@'%' IDENTIFIED BY '{{password:14}}';\nGRANT ALL ON app.* TO 'app'@'%';\n",
      "ALTER USER report WITH PASSWORD '{{alnum:12}}';\n",
      "CREATE LOGIN etl WITH PASSWORD = '{{alnum:16}}';\n",
      "SET PASSWORD FOR 'root'@'localhost' = PASSWORD('{{lower:10}}');\n",
    ],
    negative: [
      "CREATE USER 'app'@'%' IDENTIFIED BY '${DB_PASSWORD}';\n",
      'CREATE USER app;\n',
      'CREATE USER "code.example" WITH PASSWORD \'secret\' CREATEDB;\n',
    ],
    examplePath: 'db/dump.sql',
  }),
  fileRule({
    id: 'shell-password-argument',
    description: 'Password on a command line in a script or CI job (mysql -p, sshpass -p, --password=)',
    path: SCRIPT_PATH,
    regex: new RegExp(`(?:${ARGUMENT})${COMMAND_VALUE}`),
    keywords: ARGUMENT_KEYWORDS,
    validator: 'command-credential',
    allowSecret: [LOCAL_DEFAULTS],
    references: ['https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html', 'https://linux.die.net/man/1/sshpass'],
    positive: [
      'mysqldump -u root -p{{lower:10}} app > app.sql\n',
      "sshpass -p '{{password:12}}' ssh deploy@10.0.0.5 uptime\n",
      'docker login registry.example.org --username ci --password {{alnum:20}}\n',
      'redis-cli -h cache -a {{lower:8}} ping\n',
    ],
    negative: [
      'mysql -u root -p app\n',
      'sshpass -p "$SSH_PASSWORD" ssh deploy@host\n',
      'mysql -uroot -proot -e "CREATE DATABASE test"\n',
      // A token's option takes a generated value, never a word.
      'test-tool simple-ipc send --token=ping >actual\n',
    ],
    examplePath: 'scripts/backup.sh',
  }),
  fileRule({
    id: 'shell-password-variable',
    description: 'Password set for a database client in a script or CI job (PGPASSWORD=, MYSQL_PWD=, SSHPASS=)',
    path: SCRIPT_PATH,
    regex: new RegExp(`(?:${VARIABLE})${COMMAND_VALUE}`),
    keywords: VARIABLE_KEYWORDS,
    allowSecret: [LOCAL_DEFAULTS],
    references: [
      'https://www.postgresql.org/docs/current/libpq-envars.html',
      'https://dev.mysql.com/doc/refman/8.0/en/environment-variables.html',
    ],
    positive: ['PGPASSWORD={{lower:10}} psql -h db -U app app < seed.sql\n', 'export MYSQL_PWD="{{password:12}}"\n'],
    negative: ['PGPASSWORD="$DB_PASSWORD" psql -h db\n', 'PGPASSWORD="postgres" createdb -U postgres -h localhost app\n'],
    examplePath: 'scripts/restore.sh',
  }),
  fileRule({
    id: 'shell-user-password',
    description: 'user:password passed to curl or an HTTP client in a script or CI job',
    path: SCRIPT_PATH,
    regex: new RegExp(`(?:${USER_PASSWORD})${COMMAND_VALUE}`),
    keywords: USER_PASSWORD_KEYWORDS,
    allowSecret: [LOCAL_DEFAULTS],
    references: ['https://curl.se/docs/manpage.html#-u', 'https://httpie.io/docs/cli/authentication'],
    positive: [
      'curl -u admin:{{lower:8}} https://ci.internal/api/json\n',
      'curl -sS --user "deploy:{{password:12}}" -T app.zip https://repo.internal/\n',
    ],
    negative: [
      'curl -u "$USER:$PASS" https://ci.internal\n',
      'curl -u admin https://ci.internal\n',
      'curl -u elastic:changeme http://localhost:9200\n',
    ],
    examplePath: 'deploy.sh',
  }),
  fileRule({
    id: 'shell-history-password',
    description: 'Password typed on a command line, kept in a shell or database client history',
    path: HISTORY_PATH,
    regex: new RegExp(`(?:${ARGUMENT}|${VARIABLE}|${USER_PASSWORD})${COMMAND_VALUE}`),
    keywords: [...new Set([...ARGUMENT_KEYWORDS, ...VARIABLE_KEYWORDS, ...USER_PASSWORD_KEYWORDS])],
    validator: 'command-credential',
    references: [
      'https://www.gnu.org/software/bash/manual/html_node/Bash-History-Facilities.html',
      'https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html',
    ],
    rotate:
      'Change the password on the system the command opened (a history file is everything typed, in order), remove the history file from the repository, and pass passwords through prompts, option files or a secret store.',
    positive: [
      'ls -la\nmysql -u root -proot shop\n',
      ": 1700000000:0;sshpass -p 'admin' ssh root@10.0.0.5\n",
      'PGPASSWORD={{lower:10}} psql -h db\ncurl -u jane:{{password:12}} https://ci.internal\n',
    ],
    negative: ['mysql -u root -p shop\n', 'sshpass -p "$PW" ssh host\n'],
    examplePath: 'home/.bash_history',
  }),
];
