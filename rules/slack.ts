import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

const references = ['https://api.slack.com/authentication/token-types'];
const revoke = 'https://api.slack.com/apps';
const rotate = 'Revoke the token (auth.revoke, or reinstall the app to rotate its tokens), then store the new one in a secret manager.';

export const slackRules = [
  custom(
    {
      id: 'slack-bot-token',
      description: 'Slack bot token',
      provider: 'Slack',
      severity: 'high',
      tags: ['messaging'],
      revoke,
      rotate,
      references: references,
      entropy: 3,
      positive: ['xoxb-{{digit:12}}-{{digit:13}}-{{alnum:24}}', 'SLACK_BOT_TOKEN=xoxb-{{digit:10}}-{{digit:12}}-{{alnum:24}}'],
      negative: ['xoxb-{{digit:12}}-{{alnum:24}}', 'xoxb-123456789012-1234567890123-xxxxxxxxxxxxxxxxxxxxxxxx'],
    },
    { regex: /(?<![A-Za-z0-9-])(?<secret>xoxb-[0-9]{8,13}-[0-9]{8,13}-[A-Za-z0-9]{24,32})(?![A-Za-z0-9])/, keywords: ['xoxb-'] },
  ),
  custom(
    {
      id: 'slack-user-token',
      description: 'Slack user token',
      provider: 'Slack',
      severity: 'high',
      tags: ['messaging'],
      revoke,
      rotate,
      references: references,
      entropy: 3,
      positive: [
        'xoxp-{{digit:12}}-{{digit:12}}-{{digit:13}}-{{hex:32}}',
        'token = "xoxp-{{digit:10}}-{{digit:11}}-{{digit:12}}-{{hex:32}}"',
      ],
      negative: ['xoxp-{{digit:12}}-{{digit:12}}-{{hex:32}}', 'xoxp-{{digit:12}}-{{digit:12}}-{{digit:13}}-{{hex:20}}'],
    },
    {
      regex: /(?<![A-Za-z0-9-])(?<secret>xox[pe](?:\.xox[pe])?-[0-9]{1,13}-[0-9]{8,13}-[0-9]{8,13}-[a-f0-9]{32})(?![A-Za-z0-9])/,
      keywords: ['xoxp-', 'xoxe-', 'xoxe.xoxp-'],
    },
  ),
  custom(
    {
      id: 'slack-app-token',
      description: 'Slack app-level token',
      provider: 'Slack',
      severity: 'high',
      tags: ['messaging'],
      revoke,
      rotate,
      references: references,
      entropy: 3,
      positive: ['xapp-1-{{upalnum:11}}-{{digit:13}}-{{hex:64}}', 'SLACK_APP_TOKEN: xapp-1-A{{upalnum:10}}-{{digit:12}}-{{hex:64}}'],
      negative: ['xapp-1-{{upalnum:11}}-{{digit:13}}-{{hex:32}}', 'xapp-{{upalnum:11}}-{{digit:13}}-{{hex:64}}'],
    },
    { regex: /(?<![A-Za-z0-9-])(?<secret>xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{64})(?![A-Za-z0-9])/, keywords: ['xapp-'] },
  ),
  custom(
    {
      id: 'slack-webhook-url',
      description: 'Slack incoming webhook URL',
      provider: 'Slack',
      severity: 'high',
      tags: ['messaging', 'webhook'],
      revoke: 'https://api.slack.com/apps',
      rotate: 'Remove the webhook under the app’s Incoming Webhooks page and add a new one; update its users.',
      references: ['https://api.slack.com/messaging/webhooks'],
      entropy: 3,
      positive: [
        'https://hooks.slack.com/services/T{{upalnum:8}}/B{{upalnum:10}}/{{alnum:24}}',
        'url: "https://hooks.slack.com/services/T{{upalnum:10}}/B{{upalnum:10}}/{{alnum:24}}"',
        // Workflow Builder webhooks carry the workflow's id and then its secret.
        'https://hooks.slack.com/workflows/T{{upalnum:8}}/A{{upalnum:10}}/{{digit:18}}/{{alnum:24}}',
        'http://hooks.slack.com/services/T{{upalnum:8}}/B{{upalnum:10}}/{{alnum:24}}',
      ],
      negative: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'],
    },
    {
      regex:
        /(?<secret>https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_]{8,12}\/[A-Za-z0-9_]{8,12}\/[A-Za-z0-9_]{18,64}(?:\/[A-Za-z0-9_]{16,64})?)(?![A-Za-z0-9_])/,
      keywords: ['hooks.slack.com'],
    },
  ),
  custom(
    {
      id: 'slack-legacy-token',
      description: 'Slack legacy workspace, bot or refresh token',
      provider: 'Slack',
      severity: 'high',
      tags: ['messaging'],
      revoke,
      rotate,
      references: references,
      entropy: 3,
      positive: [
        'xoxa-2-{{digit:12}}-{{digit:12}}-{{alnum:32}}',
        'SLACK_TOKEN=xoxs-{{digit:10}}-{{digit:11}}-{{alnum:24}}',
        'xoxb-{{digit:11}}-{{alnum:24}}',
        '"access_token": "xoxs-{{digit:10}}-{{digit:10}}-{{digit:10}}-{{hex:10}}"',
      ],
      negative: ['xoxa-{{alnum:24}}', 'xoxr-{{digit:12}}-short', 'xoxs-{{digit:10}}-{{digit:10}}-{{hex:10}}'],
    },
    {
      // Old session tokens (xoxs-) carry three numeric ids and a short hex secret.
      regex: /(?<![A-Za-z0-9-])(?<secret>xox[abrs]-(?:(?:\d+-){1,3}[A-Za-z0-9]{20,64}|(?:\d{6,13}-){3}[a-f0-9]{10,64}))(?![A-Za-z0-9-])/,
      keywords: ['xoxa-', 'xoxr-', 'xoxs-', 'xoxb-'],
    },
  ),
  custom(
    {
      id: 'slack-config-token',
      description: 'Slack app configuration access or refresh token',
      provider: 'Slack',
      severity: 'high',
      tags: ['messaging'],
      revoke: 'https://api.slack.com/authentication/config-tokens',
      rotate: 'Revoke the configuration token (tooling.tokens.rotate or the app config page) and generate a new one.',
      references: ['https://api.slack.com/authentication/config-tokens'],
      entropy: 4,
      positive: ['xoxe.xoxp-1-{{alnum:160}}', 'SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-{{alnum:150}}'],
      negative: ['xoxe-1-{{alnum:40}}', 'xoxe.xoxp-1-{{alnum:20}}'],
    },
    {
      regex: /(?<![A-Za-z0-9-])(?<secret>xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{146,170})(?![A-Za-z0-9-])/,
      keywords: ['xoxe-', 'xoxe.xoxp-', 'xoxe.xoxb-'],
    },
  ),
] satisfies readonly RuleSpec[];
