/**
 * Both sides of each precision judgement that depends on where a value is (issue 12): what real
 * published code showed as noise is not reported, and the leak of the same shape still is.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import { isPlaceholder } from '../../src/engine/placeholders.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { tokens } from '../helpers/tokens.js';

const catalogue = compileCatalogue(builtinRules);
const random = seededRandom(randomBytes(8).toString('hex'));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A random value with at least one digit, one capital and one small letter (never a word). */
const strong = (n: number): string => `${randomString(ALNUM, n - 3, random)}7Qx`;
const hex = (n: number): string => randomString('0123456789abcdef', n, random);
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

const rulesAt = (path: string, text: string): string[] =>
  scanFragment(catalogue, Buffer.from(text), { path, source: 'file' }).map((f) => f.ruleId);

describe('connection URLs: manuals, tests and comments against committed code and config', () => {
  it.each([
    ['node_modules/pg-connection-string/README.md', "const config = parse('postgres://someuser:somepassword@somehost:381/somedatabase')\n"],
    ['node_modules/ioredis/README.md', 'new Redis("redis://username:authpassword@127.0.0.1:6380/4");\n'],
    ['Documentation/howto/setup-git-server-over-http.adoc', '`http://login-on-proxy:passwd-on-proxy@proxy-host.com:port`. See\n'],
    ['railties/templates/config/databases/postgresql.yml.tt', '#   url: postgres://cacheuser:cachepass@localhost/cachedatabase\n'],
    ['test/units/test_exit_json.py', "dict(one=1, url='https://username:password12345@foo.com/login/')\n"],
    ['actionpack/test/controller/url_for_test.rb', '"http://openid.aol.com%2Fnextangler:one+two%3F@www.basecamphq.com/c/a/i",\n'],
    ['src/app.py', '# e.g. mysql://app:hunter42@db.example.org/app\n'],
    ['src/app.py', 'MONGO = "mongodb://mongodb:mongodb@localhost:27017/database"\n'],
  ])('%s: %s is an illustration', (path, text) => {
    expect(rulesAt(path, text)).toEqual([]);
  });

  it('still reports a random password in a URL anywhere, a test and a manual included', () => {
    const password = strong(20);
    for (const path of ['src/db.js', 'test/db.test.js', 'README.md']) {
      expect(rulesAt(path, `const url = "postgres://app:${password}@db.internal:5432/app";\n`), path).toEqual([
        'database-connection-password',
      ]);
      expect(rulesAt(path, `fetch("https://deploy:${password}@git.example.org/repo.git")\n`), path).toEqual(['url-credentials']);
    }
  });

  it('still reports a typed password in committed code, and admin:password in a committed config', () => {
    expect(rulesAt('src/db.js', 'const url = "mysql://app:hunter42@db.internal/app";\n')).toEqual(['database-connection-password']);
    expect(rulesAt('.env', 'DATABASE_URL=postgres://admin:password@db.internal:5432/app\n')).toEqual(['config-connection-password']);
    expect(rulesAt('config/database.yml', 'production:\n  url: postgres://app:somepassword@db.internal/app\n')).toEqual([
      'config-connection-password',
    ]);
  });
});

describe('the generic rule in test suites', () => {
  it.each([
    'actionpack/test/dispatch/cookies_test.rb',
    'test/controllers/ingresses/mailgun/inbound_emails_controller_test.rb',
    'spec/models/user_spec.rb',
    'src/__tests__/auth.ts',
    'pkg/auth/token_test.go',
    't/t5551-http-fetch-smart.sh',
  ])('leaves a made-up high-entropy value in %s alone', (path) => {
    expect(rulesAt(path, `secret = "${hex(32)}"\ntoken: "${strong(50)}",\n`)).toEqual([]);
  });

  it('reports the same values in source code, and a provider-format key in a test', () => {
    expect(rulesAt('lib/app/config.rb', `secret = "${hex(32)}"\n`)).toEqual(['generic-secret-assignment']);
    expect(rulesAt('actionpack/test/dispatch/cookies_test.rb', `token = "${tokens.githubPat()}"\n`)).toEqual(['github-pat']);
    expect(rulesAt('test/fixtures/client.key', `${tokens.privateKey()}\n`)).toEqual(['private-key']);
  });
});

describe('credential files in test suites', () => {
  it.each([
    ['test/integration/targets/ansible-vault/vault-password', 'test-vault-password\n'],
    ['test/integration/targets/ansible-vault/vault_pass', 'hunter42\n'],
    ['test/integration/targets/add_host/tasks/main.yml', '    ansible_ssh_pass: "foobar"\n'],
    ['test/integration/targets/connection_delegation/runme.sh', 'sshpass -p my_password ansible-playbook -i inventory.ini test.yml\n'],
  ])('%s: a typed test password is not a finding', (path, text) => {
    expect(rulesAt(path, text)).toEqual([]);
  });

  it('reports a random one there, and a typed one outside tests', () => {
    expect(rulesAt('test/integration/targets/ansible-vault/vault_pass', `${strong(24)}\n`)).toEqual(['ansible-vault-password-file']);
    expect(rulesAt('ops/.vault_pass', 'hunter42\n')).toEqual(['ansible-vault-password-file']);
    expect(rulesAt('inventory/hosts.yml', '    ansible_ssh_pass: "foobar"\n')).toEqual(['ansible-inventory-password']);
    expect(rulesAt('scripts/deploy.sh', 'sshpass -p hunter42 ssh deploy@10.0.0.5 uptime\n')).toEqual(['shell-password-argument']);
  });

  it('does not read a file name as the file: a vault password file named in a path scan', () => {
    const name = 'test/integration/targets/include_vars-ad-hoc/vaultpass';
    expect(scanFragment(catalogue, Buffer.from(name), { path: name, source: 'path' })).toEqual([]);
  });
});

describe('slots that only generated values fill', () => {
  it('a token option takes a generated value, a password option any value', () => {
    expect(rulesAt('scripts/ipc.sh', 'test-tool simple-ipc send --token=ping >actual\n')).toEqual([]);
    expect(rulesAt('scripts/ipc.sh', `deploy-tool push --token=${strong(32)}\n`)).toEqual(['shell-password-argument']);
    expect(rulesAt('scripts/ipc.sh', 'docker login registry.internal --username ci --password hunter42\n')).toEqual([
      'shell-password-argument',
    ]);
  });

  it("Django's SECRET_KEY is not a phrase", () => {
    expect(rulesAt('src/flask/config.py', "    SECRET_KEY = 'development key'\n")).toEqual([]);
    expect(rulesAt('mysite/settings.py', `SECRET_KEY = 'django-insecure-${strong(40)}'\n`)).toEqual(['django-secret-key']);
  });
});

describe('password hashes in manuals and comments', () => {
  const bcrypt = (): string => `$2a$04$${randomString(`${ALNUM}./`, 53, random)}`;
  it.each([
    ['guides/source/active_model_basics.md', `=> "${bcrypt()}"\n`],
    ['Documentation/git-cvsserver.adoc', `   myuser:${bcrypt()}\n`],
    ['activemodel/lib/active_model/secure_password.rb', `  #   user.recovery_password_digest # => "${bcrypt()}"\n`],
    ['t/t9400-git-cvsserver-server.sh', `PWDHASH='${bcrypt()}'\n`],
  ])('%s: an example hash is not a finding', (path, text) => {
    expect(rulesAt(path, text)).toEqual([]);
  });

  it('reports a hash in a seed file, also commented out', () => {
    const row = `INSERT INTO users (email, password) VALUES ('jane@example.org', '${bcrypt()}');\n`;
    expect(rulesAt('db/seed.sql', row)).toEqual(['bcrypt-hash']);
    expect(rulesAt('db/seed.sql', `-- ${row}`)).toEqual(['bcrypt-hash']);
  });
});

describe('assigned(): the name must be the provider credential’s', () => {
  it('opsgenie: an id with blanks before `=` is not the key, the key is', () => {
    expect(rulesAt('terraform/main.tf', `opsgenie_team_id = "${uuid()}"\n`)).toEqual([]);
    expect(rulesAt('terraform/main.tf', `opsgenie_team_id   : "${uuid()}"\n`)).toEqual([]);
    expect(rulesAt('terraform/main.tf', `opsgenie_api_key = "${uuid()}"\n`)).toEqual(['opsgenie-api-key']);
  });

  it('a value may carry the Bearer scheme of the header it is sent in', () => {
    const jwt = `eyJ${strong(30)}.eyJ${strong(60)}.${strong(43)}`;
    expect(rulesAt('config/calendly.yml', `calendly_auth_token: "Bearer ${jwt}"\n`)).toEqual(['calendly-api-token']);
    expect(rulesAt('config/calendly.yml', `calendly_auth_token: "Bearer"\n`)).toEqual([]);
  });

  it("devto: a source map's names list is not an assignment, a call with the name is", () => {
    const value = randomString(ALNUM, 24, random);
    expect(rulesAt('dist/app.js.map', `"names":["devToolsConfigMiddleware","${value}","configPath"]\n`)).toEqual([]);
    expect(rulesAt('deploy/env.go', `os.Setenv("DEVTO_API_KEY", "${value}")\n`)).toEqual(['devto-api-key']);
  });
});

describe("other scanners' negatives that are not secrets", () => {
  it.each([
    '1a2b3C4d-5E6f-7g8H-9i0J-k1l2M3n4o5p6',
    'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6a7B8c9D0',
    'abcdef1234567890abcdef1234567890abcdef0',
    'xoxp-1234567890',
    'abc123def456ghi789jkl012mno345',
  ])('%s is typed filler', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it('random letters and digits are not', () => {
    for (let i = 0; i < 200; i++) expect(isPlaceholder(strong(36))).toBe(false);
  });

  it('a publishable key and a query string of settings grant nothing; a signed one is still reported', () => {
    expect(rulesAt('src/lob.js', `token = 'live_pub_${hex(31)}'\n`)).toEqual([]);
    const settings = 'st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2022-11-02&sr=c';
    expect(rulesAt('notes/x.txt', `SERVICE_TOKEN=${settings}\n`)).toEqual([]);
    expect(rulesAt('notes/x.txt', `SERVICE_TOKEN=${settings}&auth=${strong(40)}\n`)).toEqual(['generic-secret-assignment']);
  });

  it('a value cut short with "..." is not the whole value', () => {
    expect(rulesAt('notes/x.txt', 'export SERVICE_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...\n')).toEqual([]);
    expect(rulesAt('notes/x.txt', `export SERVICE_TOKEN=${strong(40)}\n`)).toEqual(['generic-secret-assignment']);
  });
});

describe('private keys', () => {
  it('a body cut short with "..." in a manual is no key; the whole key is one, in a test too', () => {
    const key = tokens.privateKey();
    const lines = key.split('\n');
    const cut = [...lines.slice(0, 3), `${(lines[3] as string).slice(0, 20)}...`, lines[lines.length - 1]].join('\n');
    expect(rulesAt('lib/rest/chat/v2/credential.d.ts', `/** For example, \`${cut}\` */\n`)).toEqual([]);
    expect(rulesAt('test/units/module_utils/urls/fixtures/client.key', `${key}\n`)).toEqual(['private-key']);
  });
});
