import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

export const sendgridRules = [
  custom(
    {
      id: 'sendgrid-api-key',
      description: 'SendGrid API key',
      provider: 'SendGrid',
      severity: 'high',
      tags: ['email'],
      revoke: 'https://app.sendgrid.com/settings/api_keys',
      rotate: 'Delete the key under Settings → API Keys, create a new one with restricted access, and deploy it.',
      references: ['https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys'],
      entropy: 4,
      positive: ['SG.{{b64url:22}}.{{b64url:43}}', 'SENDGRID_API_KEY="SG.{{b64url:22}}.{{b64url:43}}"'],
      negative: ['SG.{{b64url:22}}.{{b64url:20}}', 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
    { regex: /(?<![A-Za-z0-9_-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/, keywords: ['sg.'] },
  ),
] satisfies readonly RuleSpec[];
