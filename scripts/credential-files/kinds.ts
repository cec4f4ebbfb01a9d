/**
 * The credential-file recall set: for each kind of file that exists to hold a credential, files
 * written the way the tool writes them (after each format's documentation), several variants per
 * kind, with values generated from a seed. Nothing credential-shaped is committed: the files exist
 * only at run time. Each file says which values in it are secrets, so a scan can be scored.
 */
import { randomString, seededRandom } from '../../src/catalogue/examples.js';

/** One generated file and the secrets written into it (as they appear in the text). */
export interface CredentialFile {
  readonly kind: string;
  readonly variant: string;
  /** POSIX, relative to the scan root. */
  readonly path: string;
  readonly text: string;
  readonly secrets: readonly string[];
}

export interface Gen {
  /** `n` characters drawn from `alphabet`. */
  readonly chars: (alphabet: string, n: number) => string;
  readonly pick: <T>(items: readonly T[]) => T;
  /** A password a person would pick: a word, digits, maybe punctuation. */
  readonly human: () => string;
  /** A password people leave in configs: `admin`, `password`, `root`… */
  readonly weak: () => string;
  readonly alnum: (n: number) => string;
  readonly hex: (n: number) => string;
  readonly b64: (bytes: number) => string;
  readonly b64url: (n: number) => string;
  /** A PEM block of `label` with `lines` lines of 64 base64 characters, and a short last line. */
  readonly pem: (label: string, lines: number) => string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64URL = `${ALNUM}-_`;
const WORDS = ['summer', 'dragon', 'coffee', 'winter', 'rocket', 'monkey', 'shadow', 'falcon', 'harbor', 'pepper', 'orange', 'tiger'];
const WEAK = ['admin', 'password', 'root', 'letmein', 'qwerty', 'welcome1', 'passw0rd', 'Password1', 'admin123', 'secret1'];

export function generator(seed: string): Gen {
  const random = seededRandom(seed);
  const chars = (alphabet: string, n: number): string => randomString(alphabet, n, random);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const b64 = (bytes: number): string =>
    Buffer.from(chars(ALNUM, bytes))
      .toString('base64')
      .slice(0, Math.ceil((bytes * 4) / 3));
  const pemBody = (lines: number): string =>
    [...Array.from({ length: lines }, () => chars(`${ALNUM}+/`, 64)), `${chars(`${ALNUM}+/`, 40)}==`].join('\n');
  return {
    chars,
    pick,
    human: () => {
      const word = pick(WORDS);
      return `${word[0]?.toUpperCase()}${word.slice(1)}${chars('0123456789', pick([2, 4]))}${pick(['', '!', '#', '.', '$'])}`;
    },
    weak: () => pick(WEAK),
    alnum: (n) => chars(ALNUM, n),
    hex: (n) => chars(HEX, n),
    b64,
    b64url: (n) => chars(B64URL, n),
    pem: (label, lines) => `-----BEGIN ${label}-----\n${pemBody(lines)}\n-----END ${label}-----`,
  };
}

type Variant = (g: Gen) => { path: string; text: string; secrets: string[] };

const basic = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64');

/** Every kind, with its variants. Paths are where the tool keeps the file. */
export const KINDS: Readonly<Record<string, Readonly<Record<string, Variant>>>> = {
  netrc: {
    'curl multi-line': (g) => {
      const p = g.alnum(32);
      return {
        path: 'home/.netrc',
        text: `machine api.heroku.com\n  login jane@example.org\n  password ${p}\nmachine git.heroku.com\n  login jane@example.org\n  password ${p}\n`,
        secrets: [p],
      };
    },
    'one line per host': (g) => {
      const a = g.human();
      const b = g.weak();
      return {
        path: 'ci/.netrc',
        text: `machine ftp.example.org login backup password ${a}\nmachine nexus.internal login deploy password ${b}\n`,
        secrets: [a, b],
      };
    },
    'windows _netrc with default': (g) => {
      const p = g.human();
      return {
        path: 'Users/jane/_netrc',
        text: `machine files.example.org\nlogin jane\npassword ${p}\n\ndefault login anonymous password guest@example.org\n`,
        secrets: [p],
      };
    },
  },
  'git-credentials': {
    'github token': (g) => {
      const t = `ghp_${g.alnum(36)}`;
      return { path: 'home/.git-credentials', text: `https://jane:${t}@github.com\n`, secrets: [t] };
    },
    'several hosts': (g) => {
      const a = g.b64url(20);
      const b = encodeURIComponent(g.human()); // git credential-store writes URLs percent-encoded
      return {
        path: 'home/.git-credentials',
        text: `https://oauth2:${a}@gitlab.example.org\nhttps://deploy:${b}@git.internal.example.org\n`,
        secrets: [a, b],
      };
    },
    'xdg location': (g) => {
      const p = g.weak();
      return { path: 'home/.config/git/credentials', text: `https://ci:${p}@bitbucket.internal\n`, secrets: [p] };
    },
  },
  pgpass: {
    'one line': (g) => {
      const p = g.human();
      return { path: 'home/.pgpass', text: `db.internal:5432:app:app:${p}\n`, secrets: [p] };
    },
    'wildcards and comments': (g) => {
      const a = g.weak();
      const b = g.alnum(24);
      return {
        path: 'home/.pgpass',
        text: `# hostname:port:database:username:password\n*:*:*:postgres:${a}\nreplica.internal:5432:*:report:${b}\n`,
        secrets: [a, b],
      };
    },
    'windows pgpass.conf': (g) => {
      const p = g.human();
      return { path: 'AppData/Roaming/postgresql/pgpass.conf', text: `localhost:5432:shop:shop:${p}\r\n`, secrets: [p] };
    },
  },
  'my.cnf': {
    client: (g) => {
      const p = g.human();
      return { path: 'home/.my.cnf', text: `[client]\nuser = root\npassword = ${p}\nhost = 127.0.0.1\n`, secrets: [p] };
    },
    'mysqldump quoted': (g) => {
      const p = g.alnum(16);
      return { path: 'etc/mysql/conf.d/backup.cnf', text: `[mysqldump]\nuser=backup\npassword="${p}"\nsingle-transaction\n`, secrets: [p] };
    },
    'debian.cnf': (g) => {
      const p = g.alnum(16);
      return {
        path: 'etc/mysql/debian.cnf',
        text: `# Automatically generated for Debian scripts. DO NOT TOUCH!\n[client]\nhost     = localhost\nuser     = debian-sys-maint\npassword = ${p}\nsocket   = /var/run/mysqld/mysqld.sock\n`,
        secrets: [p],
      };
    },
  },
  htpasswd: {
    'apr1 (htpasswd -m)': (g) => {
      const h = `$apr1$${g.chars(`${ALNUM}./`, 8)}$${g.chars(`${ALNUM}./`, 22)}`;
      return { path: 'public/.htpasswd', text: `jane:${h}\n`, secrets: [h] };
    },
    'bcrypt (htpasswd -B)': (g) => {
      const h = `$2y$05$${g.chars(`${ALNUM}./`, 53)}`;
      return { path: 'conf/.htpasswd', text: `admin:${h}\n`, secrets: [h] };
    },
    'sha1 (htpasswd -s)': (g) => {
      const h = `{SHA}${Buffer.from(g.hex(40), 'hex').toString('base64')}`;
      return { path: 'site/htpasswd', text: `deploy:${h}\n`, secrets: [h] };
    },
    'proftpd ftpasswd': (g) => {
      const h = `$6$${g.chars(`${ALNUM}./`, 16)}$${g.chars(`${ALNUM}./`, 86)}`;
      return { path: 'etc/proftpd/ftpd.passwd', text: `ftpuser:${h}:2001:2001::/srv/ftp/ftpuser:/bin/false\n`, secrets: [h] };
    },
  },
  shadow: {
    sha512crypt: (g) => {
      const h = `$6$${g.chars(`${ALNUM}./`, 16)}$${g.chars(`${ALNUM}./`, 86)}`;
      return { path: 'etc/shadow', text: `root:${h}:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n`, secrets: [h] };
    },
    yescrypt: (g) => {
      const h = `$y$j9T$${g.chars(`${ALNUM}./`, 22)}$${g.chars(`${ALNUM}./`, 43)}`;
      return { path: 'backup/etc/shadow-', text: `deploy:${h}:19800:0:99999:7:::\n`, secrets: [h] };
    },
  },
  'putty-ppk': {
    'ppk3 commented dummy-key': (g) => {
      const priv = g.b64(32);
      return {
        path: 'keys/deploy.ppk',
        text: `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: dummy-key\nPublic-Lines: 2\n${g.chars(`${ALNUM}+/`, 64)}\n${g.chars(`${ALNUM}+/`, 16)}\nPrivate-Lines: 1\n${priv}\nPrivate-MAC: ${g.hex(64)}\n`,
        secrets: [priv],
      };
    },
    'ppk2 rsa': (g) => {
      const lines = Array.from({ length: 4 }, () => g.chars(`${ALNUM}+/`, 64));
      return {
        path: 'keys/server.ppk',
        text: `PuTTY-User-Key-File-2: ssh-rsa\r\nEncryption: none\r\nComment: rsa-key-20240101\r\nPublic-Lines: 1\r\n${g.chars(`${ALNUM}+/`, 60)}\r\nPrivate-Lines: 4\r\n${lines.join('\r\n')}\r\nPrivate-MAC: ${g.hex(40)}\r\n`,
        secrets: [lines[0] as string],
      };
    },
  },
  'private-key-block': {
    openssh: (g) => {
      const k = g.pem('OPENSSH PRIVATE KEY', 6);
      return { path: 'home/.ssh/id_ed25519', text: `${k}\n`, secrets: [k] };
    },
    'pkcs8 pem': (g) => {
      const k = g.pem('PRIVATE KEY', 20);
      return { path: 'certs/server.key', text: `${k}\n`, secrets: [k] };
    },
    'pgp armoured with comment': (g) => {
      const body = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: Jane Doe (release signing) <jane@example.org>\n\n${g.chars(`${ALNUM}+/`, 64)}\n${g.chars(`${ALNUM}+/`, 64)}\n=${g.chars(ALNUM, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`;
      return { path: 'release/signing.asc', text: `${body}\n`, secrets: [body] };
    },
    'gcp service account json': (g) => {
      const k = g.pem('PRIVATE KEY', 12).replaceAll('\n', '\\n');
      return {
        path: 'deploy/service-account.json',
        text: `{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key_id": "${g.hex(40)}",\n  "private_key": "${k}\\n",\n  "client_email": "deploy@acme-prod.iam.gserviceaccount.com"\n}\n`,
        secrets: [k],
      };
    },
  },
  npmrc: {
    'auth token': (g) => {
      const t = `npm_${g.alnum(36)}`;
      return { path: 'app/.npmrc', text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${t}\n`, secrets: [t] };
    },
    'artifactory _auth': (g) => {
      const a = basic('ci', g.human());
      return {
        path: '.npmrc',
        text: `registry=https://repo.internal/artifactory/api/npm/npm/\n_auth=${a}\nalways-auth=true\n`,
        secrets: [a],
      };
    },
    'username and _password': (g) => {
      const p = Buffer.from(g.human()).toString('base64');
      return {
        path: 'web/.npmrc',
        text: `//npm.internal/:username=ci\n//npm.internal/:_password=${p}\n//npm.internal/:email=ci@example.org\n`,
        secrets: [p],
      };
    },
  },
  'yarnrc.yml': {
    npmAuthToken: (g) => {
      const t = g.b64url(40);
      return {
        path: '.yarnrc.yml',
        text: `nodeLinker: node-modules\nnpmScopes:\n  acme:\n    npmRegistryServer: "https://npm.internal"\n    npmAuthToken: ${t}\n`,
        secrets: [t],
      };
    },
    npmAuthIdent: (g) => {
      const p = g.human();
      return {
        path: 'web/.yarnrc.yml',
        text: `npmRegistries:\n  "https://npm.internal":\n    npmAlwaysAuth: true\n    npmAuthIdent: "ci:${p}"\n`,
        secrets: [p],
      };
    },
  },
  pypirc: {
    'pypi token': (g) => {
      const t = `pypi-${g.b64url(80)}`;
      return {
        path: 'home/.pypirc',
        text: `[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\npassword = ${t}\n`,
        secrets: [t],
      };
    },
    'private index password': (g) => {
      const p = g.human();
      return {
        path: 'home/.pypirc',
        text: `[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pkgs.internal/simple/\nusername = ci\npassword = ${p}\n`,
        secrets: [p],
      };
    },
  },
  'gem-credentials': {
    'rubygems api key': (g) => {
      const k = `rubygems_${g.hex(48)}`;
      return { path: 'home/.gem/credentials', text: `---\n:rubygems_api_key: ${k}\n`, secrets: [k] };
    },
    'github packages': (g) => {
      const t = `ghp_${g.alnum(36)}`;
      return { path: 'home/.gem/credentials', text: `---\n:github: Bearer ${t}\n`, secrets: [t] };
    },
  },
  'composer-auth': {
    'http-basic': (g) => {
      const p = g.human();
      return {
        path: 'auth.json',
        text: `{\n    "http-basic": {\n        "repo.packagist.com": {\n            "username": "token",\n            "password": "${p}"\n        }\n    }\n}\n`,
        secrets: [p],
      };
    },
    'github-oauth': (g) => {
      const t = g.hex(40);
      return { path: 'home/.composer/auth.json', text: `{\n    "github-oauth": {\n        "github.com": "${t}"\n    }\n}\n`, secrets: [t] };
    },
  },
  'nuget-config': {
    'cleartext password': (g) => {
      const p = g.human();
      return {
        path: 'NuGet.Config',
        text: `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <add key="internal" value="https://nuget.internal/v3/index.json" />\n  </packageSources>\n  <packageSourceCredentials>\n    <internal>\n      <add key="Username" value="ci" />\n      <add key="ClearTextPassword" value="${p}" />\n    </internal>\n  </packageSourceCredentials>\n</configuration>\n`,
        secrets: [p],
      };
    },
    'encrypted password': (g) => {
      const p = g.b64(90);
      return {
        path: 'src/nuget.config',
        text: `<configuration>\n  <packageSourceCredentials>\n    <feed>\n      <add key="Username" value="ci" />\n      <add key="Password" value="${p}" />\n    </feed>\n  </packageSourceCredentials>\n</configuration>\n`,
        secrets: [p],
      };
    },
  },
  'maven-settings': {
    'server password': (g) => {
      const p = g.human();
      return {
        path: 'home/.m2/settings.xml',
        text: `<settings>\n  <servers>\n    <server>\n      <id>releases</id>\n      <username>deploy</username>\n      <password>${p}</password>\n    </server>\n  </servers>\n</settings>\n`,
        secrets: [p],
      };
    },
    'encrypted with master': (g) => {
      const p = `{${g.b64(30)}}`;
      return {
        path: 'ci/settings.xml',
        text: `<settings>\n  <servers>\n    <server>\n      <id>central</id>\n      <username>ci</username>\n      <password>${p}</password>\n    </server>\n  </servers>\n</settings>\n`,
        secrets: [p],
      };
    },
  },
  'gradle-properties': {
    ossrh: (g) => {
      const p = g.human();
      return { path: 'gradle.properties', text: `org.gradle.jvmargs=-Xmx2g\nossrhUsername=jane\nossrhPassword=${p}\n`, secrets: [p] };
    },
    signing: (g) => {
      const p = g.human();
      return {
        path: 'home/.gradle/gradle.properties',
        text: `signing.keyId=${g.hex(8).toUpperCase()}\nsigning.password=${p}\nsigning.secretKeyRingFile=/home/ci/.gnupg/secring.gpg\n`,
        secrets: [p],
      };
    },
  },
  'docker-config': {
    'auths auth': (g) => {
      const a = basic('ci', g.human());
      return {
        path: 'home/.docker/config.json',
        text: `{\n\t"auths": {\n\t\t"registry.example.org": {\n\t\t\t"auth": "${a}"\n\t\t}\n\t}\n}\n`,
        secrets: [a],
      };
    },
    identitytoken: (g) => {
      const t = g.b64url(120);
      return {
        path: 'home/.docker/config.json',
        text: `{\n\t"auths": {\n\t\t"acme.azurecr.io": {\n\t\t\t"auth": "",\n\t\t\t"identitytoken": "${t}"\n\t\t}\n\t}\n}\n`,
        secrets: [t],
      };
    },
  },
  kubeconfig: {
    'client-key-data': (g) => {
      const key = Buffer.from(`${g.pem('RSA PRIVATE KEY', 20)}\n`).toString('base64');
      return {
        path: 'home/.kube/config',
        text: `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://10.0.0.1:6443\n  name: prod\nusers:\n- name: admin\n  user:\n    client-certificate-data: ${g.b64(600)}\n    client-key-data: ${key}\n`,
        secrets: [key],
      };
    },
    token: (g) => {
      const t = g.alnum(48);
      return {
        path: 'deploy/kubeconfig.yaml',
        text: `apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: ${t}\n`,
        secrets: [t],
      };
    },
    'basic auth': (g) => {
      const p = g.human();
      return {
        path: 'clusters/lab.kubeconfig',
        text: `apiVersion: v1\nkind: Config\nusers:\n- name: lab-admin\n  user:\n    username: admin\n    password: ${p}\n`,
        secrets: [p],
      };
    },
  },
  'terraform-state': {
    'db instance password': (g) => {
      const p = g.human();
      return {
        path: 'infra/terraform.tfstate',
        text: `{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": [\n    {\n      "mode": "managed",\n      "type": "aws_db_instance",\n      "name": "main",\n      "instances": [\n        {\n          "attributes": {\n            "engine": "postgres",\n            "password": "${p}",\n            "username": "app"\n          },\n          "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]\n        }\n      ]\n    }\n  ]\n}\n`,
        secrets: [p],
      };
    },
    'sensitive output': (g) => {
      const p = g.alnum(20);
      return {
        path: 'infra/prod/terraform.tfstate.backup',
        text: `{\n  "version": 4,\n  "outputs": {\n    "admin_password": {\n      "value": "${p}",\n      "type": "string",\n      "sensitive": true\n    }\n  },\n  "resources": []\n}\n`,
        secrets: [p],
      };
    },
    'storage account key': (g) => {
      const k = `${g.b64(64)}`;
      return {
        path: 'terraform.tfstate',
        text: `{"version":4,"resources":[{"type":"azurerm_storage_account","instances":[{"attributes":{"name":"acmestore","primary_access_key":"${k}"}}]}]}\n`,
        secrets: [k],
      };
    },
  },
  'aws-cli': {
    'access keys': (g) => {
      const s = g.chars(`${ALNUM}+/`, 40);
      return {
        path: 'home/.aws/credentials',
        text: `[default]\naws_access_key_id = AKIA${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\naws_secret_access_key = ${s}\n`,
        secrets: [s],
      };
    },
    'session token profile': (g) => {
      const t = g.b64(300);
      return {
        path: 'home/.aws/credentials',
        text: `[ci]\naws_access_key_id = ASIA${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\naws_secret_access_key = ${g.chars(`${ALNUM}+/`, 40)}\naws_session_token = ${t}\n`,
        secrets: [t],
      };
    },
  },
  'gcloud-cli': {
    'application default credentials': (g) => {
      const s = g.b64url(24);
      return {
        path: 'home/.config/gcloud/application_default_credentials.json',
        text: `{\n  "client_id": "${g.chars('0123456789', 12)}-${g.chars('abcdefghijklmnopqrstuvwxyz0123456789', 32)}.apps.googleusercontent.com",\n  "client_secret": "${s}",\n  "refresh_token": "1//${g.b64url(100)}",\n  "type": "authorized_user"\n}\n`,
        secrets: [s],
      };
    },
    'legacy adc.json': (g) => {
      const t = `1//${g.b64url(100)}`;
      return {
        path: 'home/.config/gcloud/legacy_credentials/jane@example.org/adc.json',
        text: `{\n  "client_id": "${g.chars('0123456789', 12)}.apps.googleusercontent.com",\n  "client_secret": "${g.b64url(24)}",\n  "refresh_token": "${t}",\n  "type": "authorized_user"\n}\n`,
        secrets: [t],
      };
    },
  },
  'azure-cli': {
    'msal token cache': (g) => {
      const t = g.b64url(200);
      return {
        path: 'home/.azure/msal_token_cache.json',
        text: `{\n  "RefreshToken": {\n    "jane.login.microsoftonline.com-refreshtoken-04b07795": {\n      "credential_type": "RefreshToken",\n      "secret": "${t}",\n      "home_account_id": "jane"\n    }\n  }\n}\n`,
        secrets: [t],
      };
    },
    'service principal entries': (g) => {
      const s = `${g.alnum(3)}8Q~${g.b64url(34)}`;
      return {
        path: 'home/.azure/service_principal_entries.json',
        text: `[{"client_id": "${g.hex(8)}-${g.hex(4)}-${g.hex(4)}-${g.hex(4)}-${g.hex(12)}", "tenant": "acme", "client_secret": "${s}"}]\n`,
        secrets: [s],
      };
    },
  },
  s3cfg: {
    's3cmd --configure': (g) => {
      const s = g.chars(`${ALNUM}+/`, 40);
      return {
        path: 'home/.s3cfg',
        text: `[default]\naccess_key = ${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20)}\nsecret_key = ${s}\nhost_base = s3.amazonaws.com\nuse_https = True\n`,
        secrets: [s],
      };
    },
    'with gpg passphrase': (g) => {
      const p = g.human();
      return {
        path: 'backup/.s3cfg',
        text: `[default]\naccess_key = ${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20)}\nsecret_key = ${g.alnum(40)}\ngpg_passphrase = ${p}\n`,
        secrets: [p],
      };
    },
  },
  'rclone-conf': {
    'sftp obscured pass': (g) => {
      const p = g.b64url(40);
      return {
        path: 'home/.config/rclone/rclone.conf',
        text: `[backup]\ntype = sftp\nhost = files.internal\nuser = backup\npass = ${p}\n`,
        secrets: [p],
      };
    },
    's3 keys': (g) => {
      const s = g.chars(`${ALNUM}+/`, 40);
      return {
        path: 'rclone.conf',
        text: `[s3]\ntype = s3\nprovider = AWS\naccess_key_id = AKIA${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\nsecret_access_key = ${s}\nregion = eu-west-1\n`,
        secrets: [s],
      };
    },
  },
  boto: {
    'gs and aws keys': (g) => {
      const s = g.chars(`${ALNUM}+/`, 40);
      return {
        path: 'home/.boto',
        text: `[Credentials]\ngs_access_key_id = GOOG${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20)}\ngs_secret_access_key = ${s}\n\n[Boto]\nhttps_validate_certificates = True\n`,
        secrets: [s],
      };
    },
    'oauth2 refresh token': (g) => {
      const t = `1/${g.b64url(43)}`;
      return { path: 'home/.boto', text: `[Credentials]\ngs_oauth2_refresh_token = ${t}\n`, secrets: [t] };
    },
  },
  'jenkins-credentials': {
    'username password': (g) => {
      const p = `{AQAAABAAAAAQ${g.b64(40)}}`;
      return {
        path: 'jenkins_home/credentials.xml',
        text: `<?xml version='1.1' encoding='UTF-8'?>\n<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1337.v60b_d7b_c7b_c9f">\n  <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">\n    <entry>\n      <java.util.concurrent.CopyOnWriteArrayList>\n        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n          <scope>GLOBAL</scope>\n          <id>deploy</id>\n          <username>deploy</username>\n          <password>${p}</password>\n        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n      </java.util.concurrent.CopyOnWriteArrayList>\n    </entry>\n  </domainCredentialsMap>\n</com.cloudbees.plugins.credentials.SystemCredentialsProvider>\n`,
        secrets: [p],
      };
    },
    'secret text': (g) => {
      const s = g.alnum(32);
      return {
        path: 'jenkins/credentials.xml',
        text: `<org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n  <scope>GLOBAL</scope>\n  <id>api-token</id>\n  <secret>${s}</secret>\n</org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>\n`,
        secrets: [s],
      };
    },
  },
  'wp-config': {
    'db password': (g) => {
      const p = g.human();
      return {
        path: 'public_html/wp-config.php',
        text: `<?php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', '${p}' );\ndefine( 'DB_HOST', 'localhost' );\n`,
        secrets: [p],
      };
    },
    'keys and salts': (g) => {
      // The alphabet of https://api.wordpress.org/secret-key/1.1/salt/: printable ASCII but quotes and backslash.
      const alphabet = `${ALNUM}!#$%&()*+,-./:;<=>?@[]^_\`{|}~ `;
      const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'NONCE_SALT'].map(() => g.chars(alphabet, 64));
      const lines = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'NONCE_SALT'].map(
        (name, i) => `define('${name}', ${' '.repeat(17 - name.length)}'${salts[i]}');`,
      );
      return { path: 'site/wp-config.php', text: `<?php\n${lines.join('\n')}\n`, secrets: salts };
    },
    'backup copy': (g) => {
      const p = g.weak();
      return { path: 'public_html/wp-config.php.bak', text: `<?php\ndefine('DB_PASSWORD', "${p}");\n`, secrets: [p] };
    },
  },
  'django-settings': {
    'startproject insecure key': (g) => {
      const k = `django-insecure-${g.chars('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50)}`;
      return {
        path: 'mysite/mysite/settings.py',
        text: `from pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\n\n# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = '${k}'\n\nDEBUG = True\n`,
        secrets: [k],
      };
    },
    'env with fallback': (g) => {
      const k = g.chars('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50);
      return {
        path: 'config/settings/production.py',
        text: `import os\n\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${k}")\n`,
        secrets: [k],
      };
    },
  },
  'rails-credentials': {
    'master.key': (g) => {
      const k = g.hex(32);
      return { path: 'config/master.key', text: k, secrets: [k] };
    },
    'environment key': (g) => {
      const k = g.hex(32);
      return { path: 'config/credentials/production.key', text: `${k}\n`, secrets: [k] };
    },
    'secrets.yml': (g) => {
      const k = g.hex(128);
      return {
        path: 'config/secrets.yml',
        text: `development:\n  secret_key_base: ${g.hex(128)}\n\nproduction:\n  secret_key_base: ${k}\n`,
        secrets: [k],
      };
    },
  },
  'laravel-env': {
    'artisan new': (g) => {
      const appKey = Buffer.from(g.chars(ALNUM, 32)).toString('base64');
      const db = g.weak();
      const redis = g.human();
      const mail = g.alnum(16);
      return {
        path: '.env',
        text: `APP_NAME=Laravel\nAPP_ENV=production\nAPP_KEY=base64:${appKey}\nAPP_DEBUG=false\n\nDB_CONNECTION=mysql\nDB_HOST=127.0.0.1\nDB_PORT=3306\nDB_DATABASE=laravel\nDB_USERNAME=root\nDB_PASSWORD=${db}\n\nREDIS_HOST=127.0.0.1\nREDIS_PASSWORD=${redis}\nREDIS_PORT=6379\n\nMAIL_MAILER=smtp\nMAIL_USERNAME=mailer\nMAIL_PASSWORD=${mail}\nMAIL_ENCRYPTION=null\n`,
        secrets: [appKey, db, redis, mail],
      };
    },
    'production with services': (g) => {
      const aws = g.chars(`${ALNUM}+/`, 40);
      const pusher = g.hex(20);
      const db = g.human();
      return {
        path: 'laravel/.env.production',
        text: `APP_ENV=production\nDB_PASSWORD="${db}"\nAWS_ACCESS_KEY_ID=AKIA${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\nAWS_SECRET_ACCESS_KEY=${aws}\nPUSHER_APP_ID=1234567\nPUSHER_APP_KEY=${g.hex(20)}\nPUSHER_APP_SECRET=${pusher}\nVITE_PUSHER_APP_KEY="\${PUSHER_APP_KEY}"\n`,
        secrets: [db, aws, pusher],
      };
    },
  },
  'env-file': {
    'production env': (g) => {
      const a = g.weak();
      const b = g.human();
      return {
        path: 'deploy/.env.production',
        text: `NODE_ENV=production\nPORT=8080\nSESSION_SECRET=${b}\nADMIN_PASSWORD="${a}"\nLOG_LEVEL=info\n`,
        secrets: [b, a],
      };
    },
    'export style': (g) => {
      const t = g.alnum(24);
      return { path: 'scripts/prod.env', text: `export API_TOKEN=${t}\nexport API_URL=https://api.internal\n`, secrets: [t] };
    },
    'docker compose env': (g) => {
      const p = g.weak();
      const dsn = encodeURIComponent(g.human());
      return {
        path: 'docker/.env',
        text: `POSTGRES_USER=app\nPOSTGRES_PASSWORD=${p}\nDATABASE_URL=postgres://app:${dsn}@db:5432/app\n`,
        secrets: [p, dsn],
      };
    },
  },
  'connection-string': {
    'appsettings ado.net': (g) => {
      const p = g.weak();
      return {
        path: 'src/Shop.Api/appsettings.Production.json',
        text: `{\n  "ConnectionStrings": {\n    "Default": "Server=sql01;Database=Shop;User Id=shop;Password=${p};TrustServerCertificate=True"\n  }\n}\n`,
        secrets: [p],
      };
    },
    'spring jdbc': (g) => {
      const p = g.weak();
      return {
        path: 'src/main/resources/application.properties',
        text: `spring.datasource.url=jdbc:postgresql://db:5432/shop?user=shop&password=${p}&ssl=true\n`,
        secrets: [p],
      };
    },
    'mongo srv in yaml': (g) => {
      const p = encodeURIComponent(g.human());
      return {
        path: 'config/application-prod.yml',
        text: `spring:\n  data:\n    mongodb:\n      uri: mongodb+srv://shop:${p}@cluster0.abcde.mongodb.net/shop?retryWrites=true\n`,
        secrets: [p],
      };
    },
    'redis url in env': (g) => {
      const p = g.weak();
      return { path: '.env.staging', text: `REDIS_URL=redis://:${p}@cache.internal:6379/0\n`, secrets: [p] };
    },
    sqlalchemy: (g) => {
      const p = encodeURIComponent(g.human()); // SQLAlchemy URLs need special characters percent-encoded
      return { path: 'app/config.ini', text: `[app]\nsqlalchemy.url = postgresql+psycopg2://app:${p}@db.internal/app\n`, secrets: [p] };
    },
  },
  filezilla: {
    'site manager base64': (g) => {
      const p = Buffer.from(g.human()).toString('base64');
      return {
        path: 'AppData/Roaming/FileZilla/sitemanager.xml',
        text: `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n<FileZilla3 version="3.66.4" platform="windows">\n  <Servers>\n    <Server>\n      <Host>ftp.example.org</Host>\n      <Port>21</Port>\n      <Protocol>0</Protocol>\n      <Type>0</Type>\n      <User>deploy</User>\n      <Pass encoding="base64">${p}</Pass>\n      <Logontype>1</Logontype>\n      <Name>prod</Name>\n    </Server>\n  </Servers>\n</FileZilla3>\n`,
        secrets: [p],
      };
    },
    'recent servers plain': (g) => {
      const p = g.weak();
      return {
        path: 'home/.config/filezilla/recentservers.xml',
        text: `<?xml version="1.0" encoding="UTF-8"?>\n<FileZilla3>\n  <RecentServers>\n    <Server>\n      <Host>10.0.0.5</Host>\n      <Port>22</Port>\n      <Protocol>1</Protocol>\n      <User>root</User>\n      <Pass>${p}</Pass>\n    </Server>\n  </RecentServers>\n</FileZilla3>\n`,
        secrets: [p],
      };
    },
  },
  winscp: {
    'winscp.ini session': (g) => {
      const p = g.hex(60).toUpperCase();
      return {
        path: 'WinSCP.ini',
        text: `[Sessions\\deploy@ftp.example.org]\r\nHostName=ftp.example.org\r\nUserName=deploy\r\nPassword=${p}\r\n\r\n[Configuration\\Interface]\r\nRandomSeedFile=%APPDATA%\\winscp.rnd\r\n`,
        secrets: [p],
      };
    },
    'portable ini, several sessions': (g) => {
      const a = g.hex(76).toUpperCase();
      const b = g.hex(52).toUpperCase();
      return {
        path: 'tools/WinSCP/WinSCP.ini',
        text: `[Configuration\\Interface]\r\nStorage=1\r\n\r\n[Sessions\\root@10.0.0.5]\r\nHostName=10.0.0.5\r\nUserName=root\r\nPassword=${a}\r\n\r\n[Sessions\\backup@files.internal]\r\nHostName=files.internal\r\nUserName=backup\r\nFSProtocol=5\r\nPassword=${b}\r\n`,
        secrets: [a, b],
      };
    },
  },
  dbeaver: {
    'data-sources.json': (g) => {
      const p = g.human();
      return {
        path: 'workspace6/General/.dbeaver/data-sources.json',
        text: `{\n\t"folders": {},\n\t"connections": {\n\t\t"postgres-jdbc-1": {\n\t\t\t"provider": "postgresql",\n\t\t\t"driver": "postgres-jdbc",\n\t\t\t"name": "prod",\n\t\t\t"configuration": {\n\t\t\t\t"host": "db.internal",\n\t\t\t\t"port": "5432",\n\t\t\t\t"database": "app",\n\t\t\t\t"user": "app",\n\t\t\t\t"password": "${p}",\n\t\t\t\t"auth-model": "native"\n\t\t\t}\n\t\t}\n\t}\n}\n`,
        secrets: [p],
      };
    },
  },
  robomongo: {
    'robo3t.json': (g) => {
      const p = g.human();
      return {
        path: 'home/.3T/robo-3t/1.4.4/robo3t.json',
        text: `{\n    "connections": [\n        {\n            "connectionName": "prod",\n            "credentials": [\n                {\n                    "databaseName": "admin",\n                    "enabled": true,\n                    "userName": "admin",\n                    "userPassword": "${p}"\n                }\n            ],\n            "serverHost": "mongo.internal",\n            "serverPort": 27017\n        }\n    ]\n}\n`,
        secrets: [p],
      };
    },
    'ssh tunnel password': (g) => {
      const p = g.human();
      return {
        path: 'home/.config/robomongo/1.0/robomongo.json',
        text: `{\n    "connections": [\n        {\n            "connectionName": "tunnel",\n            "serverHost": "localhost",\n            "ssh": {\n                "enabled": true,\n                "host": "bastion.example.org",\n                "userName": "jane",\n                "userPassword": "${p}",\n                "method": "password"\n            }\n        }\n    ]\n}\n`,
        secrets: [p],
      };
    },
  },
  'sublime-sftp': {
    'sftp-config.json': (g) => {
      const p = g.human();
      return {
        path: 'project/sftp-config.json',
        text: `{\n    // The tab key will cycle through the settings when first created\n    "type": "sftp",\n    "save_before_upload": true,\n    "upload_on_save": false,\n    "host": "example.org",\n    "user": "deploy",\n    "password": "${p}",\n    "remote_path": "/var/www/",\n}\n`,
        secrets: [p],
      };
    },
    'sftp-config-alt ftp': (g) => {
      const p = g.weak();
      return {
        path: 'site/sftp-config-alt2.json',
        text: `{\n    "type": "ftp",\n    "host": "ftp.example.org",\n    "user": "web",\n    "password": "${p}",\n    "port": "21",\n    "remote_path": "/public_html/",\n    "ftp_passive_mode": true\n}\n`,
        secrets: [p],
      };
    },
  },
  'vscode-sftp': {
    'sftp.json': (g) => {
      const p = g.weak();
      return {
        path: 'project/.vscode/sftp.json',
        text: `{\n    "name": "prod",\n    "host": "10.0.0.5",\n    "protocol": "sftp",\n    "port": 22,\n    "username": "root",\n    "password": "${p}",\n    "remotePath": "/srv/app",\n    "uploadOnSave": true\n}\n`,
        secrets: [p],
      };
    },
    passphrase: (g) => {
      const p = g.human();
      return {
        path: 'site/.vscode/sftp.json',
        text: `{\n    "host": "example.org",\n    "username": "deploy",\n    "privateKeyPath": "~/.ssh/id_rsa",\n    "passphrase": "${p}"\n}\n`,
        secrets: [p],
      };
    },
  },
  ftpconfig: {
    '.ftpconfig': (g) => {
      const p = g.human();
      return {
        path: 'project/.ftpconfig',
        text: `{\n    "protocol": "ftp",\n    "host": "ftp.example.org",\n    "port": 21,\n    "user": "deploy",\n    "pass": "${p}",\n    "promptForPass": false,\n    "remote": "/"\n}\n`,
        secrets: [p],
      };
    },
    '.ftpconfig sftp passphrase': (g) => {
      const p = g.human();
      return {
        path: 'theme/.ftpconfig',
        text: `{\n    "protocol": "sftp",\n    "host": "example.org",\n    "port": 22,\n    "user": "deploy",\n    "privatekey": "~/.ssh/id_rsa",\n    "passphrase": "${p}",\n    "remote": "/var/www"\n}\n`,
        secrets: [p],
      };
    },
  },
  'jetbrains-idea': {
    'webServers.xml': (g) => {
      const p = g.hex(40);
      return {
        path: '.idea/webServers.xml',
        text: `<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="WebServers">\n    <option name="servers">\n      <webServer id="${g.hex(8)}" name="prod" url="http://example.org">\n        <fileTransfer host="example.org" port="21" rootFolder="/www" accessType="FTP" login="deploy" password="${p}" />\n      </webServer>\n    </option>\n  </component>\n</project>\n`,
        secrets: [p],
      };
    },
    'dataSources.xml jdbc url': (g) => {
      const p = g.weak();
      return {
        path: '.idea/dataSources.xml',
        text: `<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="DataSourceManagerImpl" format="xml" multifile-model="true">\n    <data-source source="LOCAL" name="prod" uuid="${g.hex(8)}">\n      <driver-ref>postgresql</driver-ref>\n      <jdbc-driver>org.postgresql.Driver</jdbc-driver>\n      <jdbc-url>jdbc:postgresql://db.internal:5432/app?user=app&amp;password=${p}</jdbc-url>\n    </data-source>\n  </component>\n</project>\n`,
        secrets: [p],
      };
    },
  },
  ansible: {
    'vault password file': (g) => {
      const p = g.alnum(32);
      return { path: 'ops/.vault_pass', text: `${p}\n`, secrets: [p] };
    },
    'inventory ini': (g) => {
      const p = g.human();
      return {
        path: 'inventory/hosts',
        text: `[web]\nweb1.internal ansible_host=10.0.0.11 ansible_user=deploy ansible_password=${p}\n`,
        secrets: [p],
      };
    },
    'group vars become pass': (g) => {
      const p = g.weak();
      return { path: 'group_vars/all.yml', text: `---\nansible_user: deploy\nansible_become_pass: "${p}"\n`, secrets: [p] };
    },
  },
  'sql-dump': {
    'mysql create user': (g) => {
      const p = g.human();
      return {
        path: 'db/init.sql',
        text: `CREATE DATABASE shop;\nCREATE USER 'shop'@'%' IDENTIFIED BY '${p}';\nGRANT ALL PRIVILEGES ON shop.* TO 'shop'@'%';\n`,
        secrets: [p],
      };
    },
    'postgres alter role': (g) => {
      const p = g.human();
      return {
        path: 'backup/roles.sql',
        text: `--\n-- PostgreSQL database cluster dump\n--\nCREATE ROLE report;\nALTER ROLE report WITH NOSUPERUSER LOGIN PASSWORD '${p}';\n`,
        secrets: [p],
      };
    },
    'insert bcrypt hashes': (g) => {
      const h = `$2b$10$${g.chars(`${ALNUM}./`, 53)}`;
      return {
        path: 'dumps/users.sql',
        text: `INSERT INTO \`users\` (\`id\`, \`email\`, \`password\`) VALUES\n(1, 'jane@example.org', '${h}');\n`,
        secrets: [h],
      };
    },
    'mssql create login': (g) => {
      const p = g.human();
      return { path: 'db/logins.sql', text: `CREATE LOGIN etl WITH PASSWORD = '${p}', CHECK_POLICY = OFF;\nGO\n`, secrets: [p] };
    },
  },
  'shell-history': {
    'mysql -p': (g) => {
      const p = g.human();
      return { path: 'home/.bash_history', text: `ls -la\nmysql -u root -p${p} shop\nexit\n`, secrets: [p] };
    },
    sshpass: (g) => {
      const p = g.weak();
      return { path: 'home/.zsh_history', text: `: 1700000000:0;sshpass -p '${p}' ssh root@10.0.0.5\n`, secrets: [p] };
    },
    'curl -u in script': (g) => {
      const p = g.human();
      return {
        path: 'scripts/deploy.sh',
        text: `#!/bin/sh\nset -e\ncurl -fsS -u deploy:${p} -T build.zip https://repo.internal/upload/\n`,
        secrets: [p],
      };
    },
    '--password= in ci': (g) => {
      const p = g.alnum(20);
      return {
        path: '.gitlab-ci.yml',
        text: `deploy:\n  script:\n    - docker login registry.internal --username ci --password=${p}\n    - docker push registry.internal/app\n`,
        secrets: [p],
      };
    },
    PGPASSWORD: (g) => {
      const p = g.human();
      return { path: 'scripts/restore.sh', text: `#!/bin/bash\nPGPASSWORD=${p} pg_restore -h db -U app -d app dump.bin\n`, secrets: [p] };
    },
  },
  'password-hash': {
    'django fixture pbkdf2': (g) => {
      const h = `pbkdf2_sha256$720000$${g.alnum(22)}$${Buffer.from(g.hex(64), 'hex').toString('base64')}`;
      return {
        path: 'app/fixtures/users.json',
        text: `[{"model": "auth.user", "pk": 1, "fields": {"password": "${h}", "username": "admin", "is_superuser": true}}]\n`,
        secrets: [h],
      };
    },
    argon2: (g) => {
      const h = `$argon2id$v=19$m=65536,t=3,p=4$${g.b64(16).replace(/=+$/, '')}$${Buffer.from(g.hex(64), 'hex').toString('base64').replace(/=+$/, '')}`;
      return { path: 'db/seed.sql', text: `INSERT INTO accounts (login, pw) VALUES ('admin', '${h}');\n`, secrets: [h] };
    },
    'ntlm pwdump': (g) => {
      const h = g.hex(32);
      return { path: 'loot/dc01.ntds', text: `Administrator:500:aad3b435b51404eeaad3b435b51404ee:${h}:::\n`, secrets: [h] };
    },
    md5crypt: (g) => {
      const h = `$1$${g.chars(`${ALNUM}./`, 8)}$${g.chars(`${ALNUM}./`, 22)}`;
      return { path: 'conf/users.conf', text: `user ftp {\n  password "${h}";\n}\n`, secrets: [h] };
    },
  },
};

/** Every variant of every kind (or the first variant of each, for a quick check), generated from `seed`. */
export function credentialFiles(seed = 'keyscan-credential-files-v1', options: { firstVariantOnly?: boolean } = {}): CredentialFile[] {
  const files: CredentialFile[] = [];
  for (const [kind, variants] of Object.entries(KINDS)) {
    const entries = Object.entries(variants);
    for (const [variant, make] of options.firstVariantOnly ? entries.slice(0, 1) : entries) {
      const made = make(generator(`${seed}:${kind}:${variant}`));
      files.push({ kind, variant, ...made, path: `${kind}/${variantDir(variant)}/${made.path}` });
    }
  }
  return files;
}

const variantDir = (variant: string): string => variant.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
