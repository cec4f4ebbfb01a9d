import type { RuleSpec } from '../src/catalogue/spec.js';

export const saasRules = [
  {
    id: 'huggingface-access-token',
    description: 'Hugging Face user access token',
    provider: 'Hugging Face',
    severity: 'high',
    regex: /(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9])/,
    keywords: ['hf_'],
    entropy: 3.5,
    remediation: {
      revoke: 'https://huggingface.co/settings/tokens',
      rotate: 'Invalidate the token under Settings → Access Tokens, create a fine-grained replacement, and update its users.',
    },
    references: ['https://huggingface.co/docs/hub/security-tokens'],
    tags: ['ai'],
    examples: {
      positive: ['hf_{{upper:17}}{{lower:17}}', 'HF_TOKEN=hf_{{lower:20}}{{upper:14}}'],
      negative: ['hf_{{lower:20}}', 'hf_{{alnum:34}}0'],
    },
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean personal access, OAuth or refresh token',
    provider: 'DigitalOcean',
    severity: 'critical',
    regex: /(?<![A-Za-z0-9_])(?<secret>do[por]_v1_[a-f0-9]{64})(?![A-Za-z0-9])/,
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    entropy: 3,
    remediation: {
      revoke: 'https://cloud.digitalocean.com/account/api/tokens',
      rotate: 'Delete the token under API → Tokens, generate a scoped replacement with an expiry, and update its users.',
    },
    references: ['https://docs.digitalocean.com/reference/api/create-personal-access-token/'],
    tags: ['cloud'],
    examples: {
      positive: ['dop_v1_{{hex:64}}', 'DIGITALOCEAN_TOKEN="doo_v1_{{hex:64}}"'],
      negative: ['dop_v1_{{hex:32}}', 'dop_v2_{{hex:64}}'],
    },
  },
  {
    id: 'shopify-access-token',
    description: 'Shopify access token or shared secret',
    provider: 'Shopify',
    severity: 'high',
    regex: /(?<![A-Za-z0-9_])(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9])/,
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    entropy: 3,
    remediation: {
      revoke: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps',
      rotate:
        'Rotate the app’s credentials (uninstall/reinstall a custom app, or rotate the API secret in the Partner Dashboard) and deploy the new ones.',
    },
    references: ['https://shopify.dev/docs/apps/auth'],
    tags: ['payments', 'commerce'],
    examples: {
      positive: ['shpat_{{hex:32}}', 'SHOPIFY_API_SECRET=shpss_{{hex:32}}'],
      negative: ['shpat_{{hex:20}}', 'shpxx_{{hex:32}}'],
    },
  },
  {
    id: 'telegram-bot-token',
    description: 'Telegram bot token',
    provider: 'Telegram',
    severity: 'high',
    regex: /(?<![A-Za-z0-9_:-])(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/,
    keywords: [':aa'],
    entropy: 3.5,
    remediation: {
      revoke: 'https://core.telegram.org/bots/features#botfather',
      rotate: 'Send /revoke to @BotFather for the bot, then deploy the new token it issues.',
    },
    references: ['https://core.telegram.org/bots/api#authorizing-your-bot'],
    tags: ['messaging'],
    examples: {
      positive: ['{{digit:10}}:AA{{b64url:33}}', 'TELEGRAM_BOT_TOKEN={{digit:9}}:AA{{b64url:33}}'],
      negative: ['{{digit:10}}:AA{{b64url:20}}', '{{digit:4}}:AA{{b64url:33}}'],
    },
  },
  {
    id: 'mailgun-api-key',
    description: 'Mailgun API key',
    provider: 'Mailgun',
    severity: 'high',
    regex: /(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9])/,
    keywords: ['key-'],
    entropy: 3,
    remediation: {
      revoke: 'https://app.mailgun.com/settings/api_security',
      rotate: 'Delete the key under API Security, create a new one, and update its users.',
    },
    references: ['https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/'],
    tags: ['email'],
    examples: {
      positive: ['key-{{hex:32}}', 'MAILGUN_API_KEY="key-{{hex:32}}"'],
      negative: ['key-{{hex:16}}', 'key-value-store-implementation-for-mailgun'],
    },
  },
] satisfies readonly RuleSpec[];
