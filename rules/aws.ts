import type { RuleSpec } from '../src/catalogue/spec.js';

const revoke = 'https://console.aws.amazon.com/iam/home#/security_credentials';
const rotate =
  'Create a new access key for the IAM user, deploy it, then deactivate and delete the leaked key (IAM → Security credentials). Review CloudTrail for use of the leaked key.';

export const awsRules = [
  {
    id: 'aws-access-key-id',
    description: 'AWS access key ID',
    provider: 'AWS',
    severity: 'high',
    // IDs are 20 characters of base32 (A–Z, 2–7) after a 4-letter type prefix.
    regex: /(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])/,
    keywords: ['akia', 'asia', 'abia', 'acca'],
    entropy: 3,
    partner: 'An access key ID is usable only with its secret access key; search for it nearby.',
    remediation: { revoke, rotate },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
    tags: ['cloud'],
    examples: {
      positive: ['AKIA{{base32:16}}', 'aws_access_key_id = ASIA{{base32:16}}'],
      negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIA{{base32:12}}', 'XAKIA{{base32:16}}'],
    },
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    provider: 'AWS',
    severity: 'critical',
    regex:
      /(?:aws|amazon)[\w.-]{0,20}(?:secret|private)[\w.-]{0,20}["'`]?\s{0,5}(?::|=>|=|:=)\s{0,5}["'`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
    keywords: ['aws', 'amazon'],
    entropy: 4,
    partner: 'Usable together with its access key ID (AKIA…/ASIA…).',
    remediation: { revoke, rotate },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
    tags: ['cloud'],
    examples: {
      positive: ['aws_secret_access_key = {{b64:40}}', 'AWS_SECRET_ACCESS_KEY="{{b64:40}}"', '"awsSecretKey": "{{b64:40}}"'],
      negative: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
        'aws_secret_access_key = {{b64:30}}',
      ],
    },
  },
] satisfies readonly RuleSpec[];
