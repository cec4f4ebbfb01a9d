import { describe, expect, it } from 'vitest';
import { randomString, seededRandom } from '../../src/catalogue/examples.js';
import { compilePlaceholders, DEFAULT_ENV_PLACEHOLDERS, judgeTemplateValue } from '../../src/checks/env-values.js';

const defaults = compilePlaceholders(DEFAULT_ENV_PLACEHOLDERS);
const judge = (name: string, value: string, placeholders = defaults) => judgeTemplateValue(name, value, placeholders);

const random = seededRandom('env-values');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rand = (alphabet: string, n: number): string => randomString(alphabet, n, random);

describe('judgeTemplateValue', () => {
  it.each([
    ['EMPTY', ''],
    ['CHANGE', 'changeme'],
    ['CHANGE2', 'CHANGE_ME'],
    ['YOURS', 'your_stripe_secret_key_here'],
    ['YOURS2', 'your-api-token'],
    ['ANGLE', '<STRIPE_SECRET_KEY>'],
    ['REF', '${OTHER_VAR}'],
    ['REF2', '${OTHER_VAR:-fallback}'],
    ['XS', 'xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['XS2', 'XXXX-XXXX-XXXX-XXXX'],
    ['STARS', '***'],
    ['WORD', 'example'],
    ['WORD2', 'placeholder'],
    ['WORD3', 'dummy'],
    ['WORD4', 'test'],
    ['STRIPE_KEY', 'sk_test_example'],
    ['STRIPE_PK', 'pk_test_your_publishable_key'],
    ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['ELLIPSIS', '...'],
    ['SEQ', 'abcdef1234567890'],
  ])('%s=%s is a placeholder', (name, value) => {
    expect(judge(name, value)).toBeUndefined();
  });

  it.each([
    ['PORT', '3000'],
    ['NODE_ENV', 'development'],
    ['LOG_LEVEL', 'info'],
    ['APP_NAME', 'My Application Name'],
    ['API_URL', 'https://api.example-service.com/v1/resources'],
    ['DATABASE_URL', 'postgres://postgres:postgres@localhost:5432/app_development'],
    ['REDIS_URL', 'redis://localhost:6379/0'],
    ['S3_BUCKET', 'my-company-uploads-bucket-2024'],
    ['AWS_REGION', 'us-east-1'],
    ['TZ', 'Europe/Berlin'],
    ['ORIGINS', 'http://localhost:3000,http://localhost:5173'],
    ['GOOGLE_CLIENT_ID', '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com'],
    ['UPLOAD_DIR', '/var/lib/my-application/uploads/2024'],
    ['SUPPORT_EMAIL', 'support-team-2024@example-company.com'],
    ['RELEASE', 'v1.24.3-beta.2+build.20240101'],
    ['TENANT_ID', '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'],
    ['CLASS_NAME', 'MyVeryLongApplicationServiceName'],
    ['FEATURES', 'search,billing,notifications'],
    ['STARTED', '2024-01-01T00:00:00Z'],
    ['CERT', '-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----'],
  ])('%s=%s is not a secret', (name, value) => {
    expect(judge(name, value)).toBeUndefined();
  });

  it('flags random values, at a lower length under secret-like names', () => {
    expect(judge('ENCRYPTION_KEY', rand(ALNUM, 32))).toBe('high-entropy');
    expect(judge('SOMETHING', rand(ALNUM, 24))).toBe('high-entropy');
    expect(judge('SESSION_SECRET', rand('0123456789abcdef', 64))).toBe('high-entropy');
    expect(judge('DB_PASSWORD', `${rand(ALNUM, 10)}!%`)).toBe('high-entropy');
    expect(judge('SOMETHING', rand(ALNUM, 14))).toBeUndefined();
    expect(judge('STRIPE_KEY', `sk_test_${rand(ALNUM, 24)}`)).toBe('high-entropy');
    expect(judge('API_KEY', '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).toBe('high-entropy');
    expect(judge('LIST', `a,b,${rand(ALNUM, 30)}`)).toBe('high-entropy');
    expect(judge('MULTI', `line one\n${rand(ALNUM, 30)}`)).toBe('high-entropy');
  });

  it('flags a real-looking password in a URL', () => {
    expect(judge('DATABASE_URL', `postgres://app:${rand(ALNUM, 20)}@db.internal:5432/app`)).toBe('url-password');
    expect(judge('DATABASE_URL', 'postgres://app:<password>@db.internal:5432/app')).toBeUndefined();
  });

  it('takes extra placeholders as strings (case-insensitive) or RegExps', () => {
    const value = `acme_demo_${rand(ALNUM, 24)}`;
    expect(judge('ACME_KEY', value)).toBe('high-entropy');
    expect(judge('ACME_KEY', value, compilePlaceholders([...DEFAULT_ENV_PLACEHOLDERS, '^ACME_DEMO_']))).toBeUndefined();
    expect(judge('ACME_KEY', value, compilePlaceholders([/^acme_demo_/g]))).toBeUndefined();
  });
});
