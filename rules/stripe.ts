import type { RuleSpec } from '../src/catalogue/spec.js';

const references = ['https://docs.stripe.com/keys'];
const revoke = 'https://dashboard.stripe.com/apikeys';
const rotate =
  'Roll the key in the Stripe dashboard (Developers → API keys → Roll key), choosing an expiry for the old one, and deploy the new key.';

export const stripeRules = [
  {
    id: 'stripe-secret-key',
    description: 'Stripe live secret key',
    provider: 'Stripe',
    severity: 'critical',
    regex: /(?<![A-Za-z0-9_])(?<secret>sk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9])/,
    keywords: ['sk_live_'],
    entropy: 3.5,
    remediation: { revoke, rotate },
    references,
    tags: ['payments'],
    examples: {
      positive: ['sk_live_{{alnum:24}}', 'STRIPE_SECRET_KEY=sk_live_{{alnum:99}}'],
      negative: ['sk_live_{{alnum:12}}', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'stripe-test-secret-key',
    description: 'Stripe test-mode secret or restricted key',
    provider: 'Stripe',
    // Test mode moves no money, but reads and writes the account's test data and settings.
    severity: 'medium',
    regex: /(?<![A-Za-z0-9_])(?<secret>[sr]k_test_[A-Za-z0-9]{24,247})(?![A-Za-z0-9])/,
    keywords: ['sk_test_', 'rk_test_'],
    entropy: 3.5,
    remediation: { revoke: 'https://dashboard.stripe.com/test/apikeys', rotate },
    references,
    tags: ['payments'],
    examples: {
      positive: ['sk_test_{{alnum:24}}', 'STRIPE_SECRET_KEY=rk_test_{{alnum:99}}'],
      negative: ['sk_test_{{alnum:12}}', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'stripe-restricted-key',
    description: 'Stripe live restricted key',
    provider: 'Stripe',
    severity: 'high',
    regex: /(?<![A-Za-z0-9_])(?<secret>rk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9])/,
    keywords: ['rk_live_'],
    entropy: 3.5,
    remediation: { revoke, rotate },
    references,
    tags: ['payments'],
    examples: {
      positive: ['rk_live_{{alnum:24}}', 'stripe.restricted = "rk_live_{{alnum:99}}"'],
      negative: ['rk_live_{{alnum:10}}', 'rk_live_your_restricted_key_here'],
    },
  },
  {
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret',
    provider: 'Stripe',
    severity: 'medium',
    regex: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9]{32,64})(?![A-Za-z0-9])/,
    keywords: ['whsec_'],
    entropy: 3.5,
    remediation: {
      revoke: 'https://dashboard.stripe.com/webhooks',
      rotate: 'Roll the endpoint’s signing secret in the dashboard and deploy the new one.',
    },
    references: ['https://docs.stripe.com/webhooks#verify-events'],
    tags: ['payments', 'webhook'],
    examples: {
      positive: ['whsec_{{alnum:32}}', 'STRIPE_WEBHOOK_SECRET=whsec_{{alnum:40}}'],
      negative: ['whsec_{{alnum:16}}', 'whsec_...'],
    },
  },
] satisfies readonly RuleSpec[];
