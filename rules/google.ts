import type { RuleSpec } from '../src/catalogue/spec.js';

export const googleRules = [
  {
    id: 'google-api-key',
    description: 'Google API key (Maps, Firebase, Gemini and other Google APIs)',
    provider: 'Google',
    severity: 'high',
    regex: /(?<![A-Za-z0-9_-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/,
    keywords: ['aiza'],
    entropy: 3.5,
    remediation: {
      revoke: 'https://console.cloud.google.com/apis/credentials',
      rotate:
        'Regenerate or delete the key under APIs & Services → Credentials, restrict the new key to the APIs and referrers/IPs that need it, and deploy it.',
    },
    references: ['https://cloud.google.com/docs/authentication/api-keys'],
    tags: ['cloud'],
    examples: {
      positive: ['AIza{{b64url:35}}', 'GOOGLE_API_KEY=AIza{{b64url:35}}'],
      negative: ['AIza{{b64url:20}}', 'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'gcp-service-account-key',
    description: 'Google Cloud service account key (JSON key file)',
    provider: 'Google Cloud',
    severity: 'critical',
    regex:
      /"type"\s*:\s*"service_account"[\s\S]{0,600}?"private_key"\s*:\s*"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\n|\\r|[A-Za-z0-9+/=\s]){64,8192}?-----END (?:RSA )?PRIVATE KEY-----)/,
    keywords: ['service_account'],
    maxLength: 10000,
    remediation: {
      revoke: 'https://console.cloud.google.com/iam-admin/serviceaccounts',
      rotate:
        'Delete the key from the service account (Keys tab), create a new one only if a key file is unavoidable (prefer workload identity federation), and deploy it.',
    },
    references: ['https://cloud.google.com/iam/docs/keys-create-delete'],
    tags: ['cloud', 'private-key'],
    examples: {
      positive: [
        '{"type": "service_account", "project_id": "demo-{{lowalnum:6}}", "private_key_id": "{{hex:40}}", "private_key": "-----BEGIN PRIVATE KEY-----\\n{{b64:64}}\\n{{b64:64}}\\n{{b64:40}}\\n-----END PRIVATE KEY-----\\n", "client_email": "x@demo.iam.gserviceaccount.com"}',
        '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n{{b64:64}}\\n{{b64:64}}\\n-----END PRIVATE KEY-----\\n"\n}',
      ],
      negative: [
        '{"type": "service_account", "private_key": ""}',
        '{"type": "authorized_user", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
      ],
    },
  },
] satisfies readonly RuleSpec[];
