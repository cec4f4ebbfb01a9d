import { describe, expect, it } from 'vitest';
import {
  assignedName,
  isConnectionPassword,
  isCredentialValue,
  isGeneratedValue,
  isPasswordWord,
  isSecretName,
  isTypedPassword,
  keyMaterial,
} from '../../src/engine/credential-values.js';

describe('isCredentialValue', () => {
  // The last one is shaped like base64 key material, which may start with "/".
  it.each(['admin', 'password', 'hunter2', '"s3cr3t pass"', 'p@ss:w0rd!', `/Ab12/${'Cd34'.repeat(8)}`])(
    'counts %s: the slot vouches for it',
    (value) => {
      expect(isCredentialValue(value)).toBe(true);
    },
  );

  it.each([
    '',
    'ab',
    'null',
    'None',
    'false',
    '${DB_PASSWORD}',
    '$DB_PASSWORD',
    '$(cat /run/secrets/db)',
    '%NUGET_PASSWORD%',
    '{{ vault_db_password }}',
    '<%= ENV["SECRET_KEY_BASE"] %>',
    '!vault |',
    'put your unique phrase here',
    'changeit',
    'password_here',
    '/etc/ssl/private/server.key',
    '~/.ssh/id_ed25519',
  ])('skips %s: no value, a reference or a placeholder', (value) => {
    expect(isCredentialValue(value)).toBe(false);
  });
});

describe('isSecretName', () => {
  it.each([
    'DB_PASSWORD',
    'REDIS_PASSWORD',
    'MAIL_PASSWORD',
    'APP_KEY',
    'JWT_SECRET',
    'GITHUB_TOKEN',
    'AWS_CREDENTIALS',
    'SENTRY_DSN',
    'DB_PASS',
    'signing.password',
    'ossrhPassword',
    'secret_key_base',
  ])('%s holds a secret', (name) => expect(isSecretName(name)).toBe(true));

  it.each([
    'PWD',
    'OLDPWD',
    'DB_HOST',
    'TOKEN_URL',
    'JWT_SECRET_TTL',
    'SSL_KEY_FILE',
    'STRIPE_PUBLISHABLE_KEY',
    'PUSHER_APP_KEY_ID',
    'KEYBOARD',
    'PASSWORD_MIN_LENGTH',
    'secret_arn',
  ])('%s does not', (name) => expect(isSecretName(name)).toBe(false));

  it('reads the name from the text before a value', () => {
    expect(assignedName('export DB_PASSWORD="')).toBe('DB_PASSWORD');
    expect(assignedName('"db_password": "')).toBe('db_password');
    expect(assignedName('signing.password=')).toBe('signing.password');
  });
});

describe('keyMaterial', () => {
  it('judges a PEM block by its key material, not its armour headers', () => {
    const block =
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: Jane <jane@example.org>\n\nAAAA\nBBBB\n-----END PGP PRIVATE KEY BLOCK-----';
    expect(keyMaterial(block)).toBe('AAAABBBB');
    expect(keyMaterial('-----BEGIN PRIVATE KEY-----\\nCCCC\\n-----END PRIVATE KEY-----')).toBe('CCCC');
    expect(keyMaterial('plain')).toBe('plain');
  });
});

describe('connection and generated values', () => {
  it.each(['somepassword', 'password12345', 'authpassword', 'passwd-on-proxy', 'cachepass', 'my_password'])(
    '%s names a password rather than being one',
    (value) => expect(isPasswordWord(value)).toBe(true),
  );
  it.each(['hunter42', 'Tr0ub4dor&3', 'admin', 'x7Qpassword9z'])('%s does not', (value) => expect(isPasswordWord(value)).toBe(false));

  it.each(['hunter42', 'foobar', 'broken', 'one+two%3F', 'other_password', 'test'])('%s is typed', (value) =>
    expect(isTypedPassword(value)).toBe(true),
  );
  it.each(['_aJQ9c3HWzmRR4knBNyx'.replace('_', 'x'), 'Tr0ub4dor&3', 'k3y-9Zq!w'])('%s is not', (value) =>
    expect(isTypedPassword(value)).toBe(false),
  );

  it('judges a URL password by the user and the context', () => {
    expect(isConnectionPassword('mongodb', 'mongodb://mongodb:', false)).toBe(false);
    expect(isConnectionPassword('app', 'postgres://app:', false)).toBe(false);
    expect(isConnectionPassword('hunter42', 'mysql://app:', false)).toBe(true);
    expect(isConnectionPassword('hunter42', 'mysql://app:', true)).toBe(false);
    expect(isConnectionPassword('Tr0ub4dor&3', 'mysql://app:', true)).toBe(true);
  });

  it('a generated slot takes no word or phrase', () => {
    expect(isGeneratedValue('ping')).toBe(false);
    expect(isGeneratedValue("'development key'")).toBe(false);
    expect(isGeneratedValue('django-insecure-k3y9zq!w0x7')).toBe(true);
  });
});

describe('isConnectionPassword keeps what people really type', () => {
  it.each(['mySecret2024', 'secretKey456', 'Password2024!'])('%s in committed code is a credential', (value) => {
    expect(isConnectionPassword(value, 'mysql://devuser:', false)).toBe(true);
  });
});
