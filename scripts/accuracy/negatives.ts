/**
 * Hard negatives: text that looks like a credential to a careless scanner and is not one.
 * Each kind is one class of false positive that users of other scanners report.
 */
import type { Pick } from './formats.js';

export type Rand = (alphabet: string, n: number) => string;

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

export const uuid = (r: Rand): string => `${r(HEX, 8)}-${r(HEX, 4)}-4${r(HEX, 3)}-a${r(HEX, 3)}-${r(HEX, 12)}`;

const secretNames = [
  'password',
  'db_password',
  'api_key',
  'apiKey',
  'client_secret',
  'auth_token',
  'secret',
  'access_token',
  'private_key',
  'SECRET_KEY',
];

/** `name = value` pairs whose value is a placeholder, reference, template or obvious fake. */
export function negativeAssignments(r: Rand, pick: Pick): Array<[string, string]> {
  const name = (): string => pick(secretNames);
  return [
    [name(), 'your_api_key_here'],
    [name(), '<YOUR_TOKEN>'],
    [name(), 'changeme'],
    [name(), 'xxxxxxxxxxxxxxxxxxxxxxxx'],
    [name(), 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'],
    [name(), '123456'],
    [name(), 'abcdefghijklmnopqrstuvwxyz'],
    [name(), '0123456789abcdef0123'],
    [name(), '****************'],
    [name(), 'REDACTED'],
    [name(), '${DB_PASSWORD}'],
    [name(), '${{ secrets.API_TOKEN }}'],
    [name(), '{{ .Values.auth.token }}'],
    [name(), '%(password)s'],
    [name(), '$API_TOKEN'],
    [name(), 'process.env.API_KEY'],
    [name(), 'os.environ["API_KEY"]'],
    [name(), 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf'],
    [name(), 'op://Production/postgres/password'],
    [name(), `vault:secret/data/${pick(['db', 'api'])}#password`],
    [name(), `ENC[AES256_GCM,data:${r(B64, 24)},iv:${r(B64, 43)}=,tag:${r(B64, 22)}==,type:str]`],
    ['session_id', uuid(r)],
    ['request_token', uuid(r)],
    ['client_id', uuid(r)],
    ['access_key_id', `AKIA${pick(['IOSFODNN7EXAMPLE'])}`],
    ['nextToken', `${r(B64, 40)}==`],
    ['pageToken', r(ALNUM, 32)],
    // A hash itself is a finding (bcrypt-hash and its kin: an offline cracking target); its settings are not.
    ['password_hash_algorithm', pick(['bcrypt', 'argon2id', 'pbkdf2_sha256'])],
    ['secret_sha256', r(HEX, 64)],
    ['private_key_path', '/etc/ssl/private/server.key'],
    ['credentials_file', './secrets/service-account.json'],
    ['token_file', '~/.config/acme/token'],
    ['token_url', 'https://oauth2.googleapis.com/token'],
    ['max_tokens', '4096'],
    ['password_min_length', '12'],
    ['secret_name', 'PROD_DB_PASSWORD'],
    ['apiKey', 'SensitiveString2048'],
    ['api_key_header', 'X-Api-Key'],
    ['csrf_token', r(ALNUM, 40)],
    ['tokenizer', 'cl100k_base'],
    ['token_count', '128000'],
    ['token_type', 'Bearer'],
    ['token_endpoint_auth_method', 'client_secret_basic'],
    ['SECRET_KEY', 'get_random_secret_key()'],
    ['password', 'getpass.getpass()'],
    ['secret', 'crypto.randomBytes(32).toString("hex")'],
    ['secret_id', `projects/${r('0123456789', 12)}/secrets/db-password/versions/latest`],
    ['password_policy', 'min_length=12,require_symbols=true'],
    ['private_key_file', 'certs/tls.key'],
    ['auth_key_path', 'C:\\Users\\ci\\.ssh\\id_ed25519'],
    ['PASSWORD_RESET_TIMEOUT', '3600'],
    ['SECRET_LENGTH', '32'],
    ['secret_version', `${r('0123456789', 1)}.${r('0123456789', 2)}.0`],
    ['token_id', uuid(r)],
    ['secretArn', `arn:aws:secretsmanager:us-east-1:${r('0123456789', 12)}:secret:app-${r(ALNUM, 6)}`],
    ['signing_key_id', r(HEX, 16)],
    ['commit_sha', r(HEX, 40)],
    ['checksum', r(HEX, 64)],
    ['etag', `W/"${r(HEX, 32)}"`],
    ['STRIPE_PUBLISHABLE_KEY', `pk_live_${r(ALNUM, 24)}`],
    ['password', 'Password'],
    ['db_password', 'postgres'],
    ['token', 'null'],
    ['SECRET', 'TODO'],
    ['api_key', 'test'],
    ['encryption_key', 'AES256'],
    ['secretKey', 'this.config.secretKey'],
    ['authToken', 'getAuthToken(request)'],
    ['passwordField', 'PasswordInputField'],
    ['session_key', 'sessionid'],
    ['master_key', 'config/master.key'],
  ];
}

/** Whole lines or blocks, each a kind of text that is not a secret, keyed by file name. */
export function negativeFiles(r: Rand, pick: Pick): Array<[string, string]> {
  const integrity = (): string => `sha512-${r(B64, 86)}==`;
  const sha = (): string => r(HEX, 40);
  const pkg = (): string => pick(['lodash', 'react', 'express', 'debug', 'semver', 'js-tokens', 'safe-buffer', 'tokenizer']);
  return [
    [
      'package-lock.json',
      Array.from({ length: 6 }, () => {
        const p = pkg();
        return `    "node_modules/${p}": {\n      "version": "4.${r('0123456789', 1)}.0",\n      "resolved": "https://registry.npmjs.org/${p}/-/${p}-4.0.0.tgz",\n      "integrity": "${integrity()}"\n    },`;
      }).join('\n'),
    ],
    [
      'yarn.lock',
      `${pkg()}@^4.0.0:\n  version "4.0.0"\n  resolved "https://registry.yarnpkg.com/x/-/x-4.0.0.tgz#${sha()}"\n  integrity ${integrity()}\n`,
    ],
    ['go.sum', `github.com/acme/${pkg()} v1.2.3 h1:${r(B64, 43)}=\ngithub.com/acme/${pkg()} v1.2.3/go.mod h1:${r(B64, 43)}=\n`],
    [
      'Pipfile.lock',
      `        "requests": {\n            "hashes": [\n                "sha256:${r(HEX, 64)}"\n            ],\n            "version": "==2.31.0"\n        },`,
    ],
    ['deps.json', `{ "dependencies": { "${pkg()}": "git+https://github.com/acme/${pkg()}.git#${sha()}" }, "commit": "${sha()}" }`],
    ['styles.css', `.logo { background: url(data:image/png;base64,${r(B64, 300)}=); }\n.brand { color: #${r(HEX, 6)}; }`],
    ['icon.ts', `export const ICON = "data:image/svg+xml;base64,${r(B64, 200)}";`],
    [
      'bundle.min.js',
      `!function(e,t){var n={token:e.token,secret:t.secret,password:e.password||"",apiKey:n.apiKey};e.auth=function(r){return r.headers.Authorization="Bearer "+t.accessToken,r}}(window,${JSON.stringify({ a: r(ALNUM, 8) })});var Kq=${r('0123456789', 6)},Zp="${r(ALNUM, 6)}";`,
    ],
    [
      'locales/de.json',
      '{\n  "password_reset": "Passwort zurücksetzen",\n  "password_too_short": "Das Passwort ist zu kurz",\n  "token_expired": "Ihr Token ist abgelaufen",\n  "secret_question": "Geheimfrage",\n  "api_key_label": "API-Schlüssel"\n}',
    ],
    ['locales/fr.yml', 'fr:\n  password: "Mot de passe"\n  forgot_password: "Mot de passe oublié ?"\n  token_invalid: "Jeton invalide"\n'],
    [
      'types.d.ts',
      'export interface Credentials {\n  password: string;\n  apiKey?: SensitiveString2048;\n  KdcAdminPassword: XmlStringMaxLen256;\n  ClientRequestToken: NonEmptyMaxLength64String;\n  secretAccessKey: AccessKeySecretType;\n}',
    ],
    ['models.go', 'type Login struct {\n\tPassword string `json:"password"`\n\tToken    string `json:"token,omitempty"`\n}'],
    [
      'User.java',
      '    private String password;\n    private final TokenProvider tokenProvider;\n    public String getApiKey() { return apiKey; }',
    ],
    ['settings.py', 'password: Optional[str] = None\napi_key = os.getenv("API_KEY")\nSECRET_KEY = env("DJANGO_SECRET_KEY")'],
    [
      'workflow.yml',
      'env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n  API_KEY: ${{ vars.API_KEY }}',
    ],
    [
      'values.yaml',
      'auth:\n  password: {{ .Values.postgresql.auth.password | quote }}\n  existingSecret: db-credentials\n  secretKeys:\n    adminPasswordKey: postgres-password',
    ],
    [
      'main.tf',
      'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n\nresource "aws_db_instance" "main" {\n  password = var.db_password\n}',
    ],
    ['id_rsa.pub', `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${r(B64, 300)} deploy@ci`],
    ['public.pem', `-----BEGIN PUBLIC KEY-----\n${r(B64, 64)}\n${r(B64, 64)}\n-----END PUBLIC KEY-----`],
    [
      'CHANGELOG.md',
      `## 2.1.0\n- Fix token refresh (${r(HEX, 7)})\n- Rotate the signing key in [#1234](https://github.com/acme/app/pull/1234), commit ${sha()}`,
    ],
    [
      'docker-compose.yml',
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app',
    ],
    ['uuids.csv', Array.from({ length: 5 }, () => `${uuid(r)},${pick(['active', 'closed'])},${r('0123456789', 4)}`).join('\n')],
    [
      'app.js.map',
      `{"version":3,"sources":["src/app.ts"],"names":["token","secret","password"],"mappings":"${Array.from({ length: 60 }, () => r('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 4 + Math.floor(r('0123', 1).charCodeAt(0) % 4))).join(',')};AAAA,SAASA"}`,
    ],
    [
      'vendor.min.js',
      Array.from(
        { length: 8 },
        () =>
          `function ${r('abcdefghijklmnopqrstuvwxyz', 1)}${r(ALNUM, 2)}(e,t,n){var r=e.apiKey||t.token,o=n.secret;return o?r+"."+o:"${r(ALNUM, 6)}"}`,
      ).join(';'),
    ],
    [
      'known_hosts',
      `github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r(B64, 43)}\ngitlab.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${r(B64, 100)}=`,
    ],
    ['cert.pem', `-----BEGIN CERTIFICATE-----\n${Array.from({ length: 6 }, () => r(B64, 64)).join('\n')}\n-----END CERTIFICATE-----`],
    [
      'pubkey.asc',
      `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${Array.from({ length: 5 }, () => r(B64, 64)).join('\n')}\n=${r(B64, 4)}\n-----END PGP PUBLIC KEY BLOCK-----`,
    ],
    [
      '.env.example',
      'DATABASE_URL=postgres://user:password@localhost:5432/app\nSTRIPE_SECRET_KEY=sk_live_...\nGITHUB_TOKEN=ghp_your_token_here\nOPENAI_API_KEY=sk-...\nAWS_SECRET_ACCESS_KEY=<your-secret-key>\nSLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXX/YYY/ZZZ',
    ],
    [
      'packed-refs',
      Array.from({ length: 4 }, () => `${sha()} refs/remotes/origin/${pick(['main', 'release', 'token-refresh', 'secret-rotation'])}`).join(
        '\n',
      ),
    ],
    [
      'notebook.ipynb',
      `{"outputs": [{"data": {"image/png": "iVBORw0KGgoAAAANSUhEUgAA${r(B64, 400)}"}}], "metadata": {"kernelspec": {"name": "python3"}}}`,
    ],
    [
      'deployment.yaml',
      'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n        key: password\n  - name: API_TOKEN\n    valueFrom:\n      secretKeyRef: { name: api, key: token }',
    ],
    ['playbook.yml', `db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ${r(HEX, 64)}\n  ${r(HEX, 64)}`],
    [
      'auth.test.ts',
      "it('rejects a wrong password', async () => {\n  await expect(login({ user: 'alice', password: 'wrong' })).rejects.toThrow();\n});",
    ],
    [
      'docs/api.md',
      'Send the key in the header: `Authorization: Bearer <API_KEY>`.\n\n```sh\ncurl -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1/me\n```',
    ],
  ];
}
