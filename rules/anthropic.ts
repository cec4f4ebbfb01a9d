import type { RuleSpec } from '../src/catalogue/spec.js';

const rotate =
  'Disable and delete the key in the Anthropic Console, create a new one for the same workspace, and update the services that used it.';

export const anthropicRules = [
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    provider: 'Anthropic',
    severity: 'critical',
    regex: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-api03-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
    keywords: ['sk-ant-api03-'],
    entropy: 4,
    remediation: { revoke: 'https://console.anthropic.com/settings/keys', rotate },
    references: ['https://docs.anthropic.com/en/api/getting-started#authentication'],
    tags: ['ai'],
    examples: {
      positive: ['sk-ant-api03-{{b64url:93}}AA', 'ANTHROPIC_API_KEY="sk-ant-api03-{{b64url:93}}AA"'],
      negative: ['sk-ant-api03-{{b64url:40}}AA', 'sk-ant-api03-{{b64url:93}}'],
    },
  },
  {
    id: 'anthropic-admin-key',
    description: 'Anthropic Admin API key',
    provider: 'Anthropic',
    severity: 'critical',
    regex: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-admin01-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
    keywords: ['sk-ant-admin01-'],
    entropy: 4,
    remediation: { revoke: 'https://console.anthropic.com/settings/admin-keys', rotate },
    references: ['https://docs.anthropic.com/en/api/administration-api'],
    tags: ['ai'],
    examples: {
      positive: ['sk-ant-admin01-{{b64url:93}}AA', 'admin_key: sk-ant-admin01-{{b64url:93}}AA'],
      negative: ['sk-ant-admin01-{{b64url:60}}AA', 'sk-ant-admin01-...'],
    },
  },
] satisfies readonly RuleSpec[];
