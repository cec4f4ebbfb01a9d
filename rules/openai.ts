import type { RuleSpec } from '../src/catalogue/spec.js';

export const openaiRules = [
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    provider: 'OpenAI',
    severity: 'critical',
    // Every OpenAI key format embeds "T3BlbkFJ" (base64 of "OpenAI") between two random parts.
    regex:
      /(?<![A-Za-z0-9_-])(?<secret>sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{16,160}T3BlbkFJ[A-Za-z0-9_-]{16,160})(?![A-Za-z0-9_-])/,
    keywords: ['t3blbkfj'],
    entropy: 4,
    maxLength: 400,
    remediation: {
      revoke: 'https://platform.openai.com/api-keys',
      rotate: 'Delete the key on the API keys page, create a new project-scoped key, and update the services that used it.',
    },
    references: ['https://platform.openai.com/docs/api-reference/authentication'],
    tags: ['ai'],
    examples: {
      positive: [
        'sk-{{alnum:20}}T3BlbkFJ{{alnum:20}}',
        'OPENAI_API_KEY=sk-proj-{{b64url:74}}T3BlbkFJ{{b64url:74}}',
        'sk-svcacct-{{b64url:58}}T3BlbkFJ{{b64url:58}}',
      ],
      negative: ['sk-{{alnum:48}}', 'sk-proj-{{alnum:10}}T3BlbkFJ{{alnum:10}}'],
    },
  },
] satisfies readonly RuleSpec[];
