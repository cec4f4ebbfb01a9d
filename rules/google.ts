import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom, token } from './define.js';

export const googleRules = [
  custom(
    {
      id: 'google-api-key',
      description: 'Google API key (Maps, Firebase, Gemini and other Google APIs)',
      provider: 'Google',
      severity: 'high',
      tags: ['cloud'],
      revoke: 'https://console.cloud.google.com/apis/credentials',
      rotate:
        'Regenerate or delete the key under APIs & Services → Credentials, restrict the new key to the APIs and referrers/IPs that need it, and deploy it.',
      references: ['https://cloud.google.com/docs/authentication/api-keys'],
      entropy: 3.5,
      positive: ['AIza{{b64url:35}}', 'GOOGLE_API_KEY=AIza{{b64url:35}}'],
      negative: ['AIza{{b64url:20}}', 'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
    { regex: /(?<![A-Za-z0-9_-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/, keywords: ['aiza'] },
  ),
  custom(
    {
      id: 'gcp-service-account-key',
      description: 'Google Cloud service account key (JSON key file)',
      provider: 'Google Cloud',
      severity: 'critical',
      tags: ['cloud', 'private-key'],
      revoke: 'https://console.cloud.google.com/iam-admin/serviceaccounts',
      rotate:
        'Delete the key from the service account (Keys tab), create a new one only if a key file is unavoidable (prefer workload identity federation), and deploy it.',
      references: ['https://cloud.google.com/iam/docs/keys-create-delete'],
      maxLength: 10000,
      positive: [
        '{"type": "service_account", "project_id": "demo-{{lowalnum:6}}", "private_key_id": "{{hex:40}}", "private_key": "-----BEGIN PRIVATE KEY-----\\n{{b64:64}}\\n{{b64:64}}\\n{{b64:40}}\\n-----END PRIVATE KEY-----\\n", "client_email": "x@demo.iam.gserviceaccount.com"}',
        '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n{{b64:64}}\\n{{b64:64}}\\n-----END PRIVATE KEY-----\\n"\n}',
      ],
      negative: [
        '{"type": "service_account", "private_key": ""}',
        '{"type": "authorized_user", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
      ],
    },
    {
      regex:
        /"type"\s*:\s*"service_account"[\s\S]{0,600}?"private_key"\s*:\s*"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\n|\\r|[A-Za-z0-9+/=\s]){64,8192}?-----END (?:RSA )?PRIVATE KEY-----)/,
      keywords: ['service_account'],
    },
  ),
  token(
    {
      id: 'google-oauth-client-secret',
      description: 'Google OAuth client secret',
      provider: 'Google Cloud',
      severity: 'high',
      tags: ['cloud'],
      partner: 'Used together with its OAuth client ID (….apps.googleusercontent.com).',
      revoke: 'https://console.cloud.google.com/apis/credentials',
      rotate: 'Add a new secret to the OAuth client (APIs & Services → Credentials), deploy it, then disable and delete the leaked one.',
      references: ['https://support.google.com/cloud/answer/15549257'],
      entropy: 3.5,
      positive: ['GOCSPX-{{b64url:28}}', '"client_secret": "GOCSPX-{{b64url:28}}"'],
      negative: ['GOCSPX-{{b64url:12}}', 'GOCSPX-XXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
    { prefixes: ['GOCSPX-'], body: '[A-Za-z0-9_-]{28}' },
  ),
  token(
    {
      id: 'google-oauth-access-token',
      description: 'Google OAuth access token',
      provider: 'Google Cloud',
      severity: 'medium',
      tags: ['cloud'],
      revoke: 'https://myaccount.google.com/permissions',
      rotate:
        'Access tokens expire within an hour; revoke the grant (https://oauth2.googleapis.com/revoke) if it may still be valid, and never log or commit tokens.',
      references: ['https://developers.google.com/identity/protocols/oauth2'],
      entropy: 4,
      positive: ['ya29.a0{{b64url:150}}', 'Authorization: Bearer ya29.{{b64url:120}}'],
      negative: ['ya29.{{b64url:10}}', 'ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
    { prefixes: ['ya29.'], body: '[A-Za-z0-9_-]{50,2000}', edge: 'A-Za-z0-9_.-' },
  ),
  token(
    {
      id: 'google-oauth-refresh-token',
      description: 'Google OAuth refresh token',
      provider: 'Google Cloud',
      severity: 'high',
      tags: ['cloud'],
      partner: 'Usable together with the OAuth client ID and secret it was issued to.',
      revoke: 'https://myaccount.google.com/permissions',
      rotate:
        'Revoke the grant (Google Account → Third-party access, or the revoke endpoint), re-authorise to get a new token, and store it in a secret manager.',
      references: ['https://developers.google.com/identity/protocols/oauth2#expiration'],
      entropy: 4,
      positive: ['1//0{{b64url:100}}', 'GOOGLE_REFRESH_TOKEN="1//04{{b64url:98}}"'],
      negative: ['1//0{{b64url:20}}', 'http://0.0.0.0/'],
    },
    { prefixes: ['1//0'], body: '[A-Za-z0-9_-]{60,300}', edge: 'A-Za-z0-9_/-' },
  ),
  token(
    {
      id: 'firebase-cloud-messaging-server-key',
      description: 'Firebase Cloud Messaging legacy server key',
      provider: 'Firebase',
      severity: 'high',
      tags: ['cloud'],
      revoke: 'https://console.firebase.google.com/project/_/settings/cloudmessaging',
      rotate: 'Delete the legacy server key in Project settings → Cloud Messaging and migrate to the HTTP v1 API with a service account.',
      references: ['https://firebase.google.com/docs/cloud-messaging/auth-server'],
      entropy: 4,
      positive: ['AAAA{{b64url:7}}:APA91b{{b64url:134}}', 'FCM_SERVER_KEY=AAAA{{b64url:7}}:APA91b{{b64url:134}}'],
      negative: ['AAAA{{b64url:7}}:APA91b{{b64url:40}}', 'APA91b{{b64url:134}}'],
    },
    { prefixes: ['AAAA'], body: '[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}', keywords: [':apa91b'] },
  ),
] satisfies readonly RuleSpec[];
