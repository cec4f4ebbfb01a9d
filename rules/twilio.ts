import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

const references = ['https://www.twilio.com/docs/iam/api-keys', 'https://www.twilio.com/docs/iam/access-tokens'];
const revoke = 'https://console.twilio.com/us1/account/keys-credentials/api-keys';

export const twilioRules = [
  custom(
    {
      id: 'twilio-api-key',
      description: 'Twilio API key SID with its secret nearby',
      provider: 'Twilio',
      severity: 'high',
      tags: ['messaging'],
      partner: 'An API key SID works only with its API key secret (and the account SID).',
      revoke,
      rotate: 'Delete the API key in the Console, create a new one, and update the services that used it.',
      references: references,
      entropy: 3,
      positive: ['TWILIO_API_KEY=SK{{hex:32}}', 'twilio:\n  api_key: SK{{hex:32}}'],
      negative: ['TWILIO_API_KEY=SK{{hex:20}}', 'SK{{hex:32}}'],
    },
    { regex: /twilio[\s\S]{0,200}?(?<![A-Za-z0-9])(?<secret>SK[0-9a-fA-F]{32})(?![A-Za-z0-9])/i, keywords: ['twilio'] },
  ),
  custom(
    {
      id: 'twilio-auth-token',
      description: 'Twilio account auth token',
      provider: 'Twilio',
      severity: 'critical',
      tags: ['messaging'],
      partner: 'The auth token is used together with the account SID (AC…).',
      entropy: 3,
      revoke: 'https://console.twilio.com/us1/account/manage-account/general-settings',
      rotate:
        'Request a secondary auth token in the Console, move clients to it, then promote it to primary (which invalidates the leaked one).',
      references: ['https://www.twilio.com/docs/iam/credentials/api'],
      maxLength: 100,
      positive: [
        'TWILIO_AUTH_TOKEN={{hex:32}}',
        'twilio_token: "{{hex:32}}"',
        '<add key="TwilioAuthToken" value="{{hex:32}}" />',
        "Client('AC{{hex:32}}', '{{hex:32}}')  # twilio",
      ],
      negative: [
        'TWILIO_AUTH_TOKEN=your_auth_token',
        'TWILIO_AUTH_TOKEN={{hex:16}}',
        'TWILIO_ACCOUNT_SID=AC{{hex:32}}',
        'checksum {{hex:32}}',
        // A weak HTTP ETag (an MD5 in hex) on the line after Twilio's name.
        'TWILIO_AUTH_TOKEN={{hex:16}}\nETAG=W/"{{hex:32}}"',
      ],
    },
    {
      // Twilio documents the auth token as 32 hex digits; they are this token where Twilio is named
      // within a line of them (and not the hex part of an AC…/SK… SID, which a letter precedes,
      // nor a weak ETag's MD5, which W/" precedes).
      regex: /(?<![A-Za-z0-9_-]|W\/")(?<secret>[0-9a-f]{32})(?![A-Za-z0-9_-])/,
      keywords: ['twilio'],
    },
  ),
] satisfies readonly RuleSpec[];
