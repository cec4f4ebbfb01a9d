import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom } from './define.js';

const revoke = 'https://console.aws.amazon.com/iam/home#/security_credentials';
const rotate =
  'Create a new access key for the IAM user, deploy it, then deactivate and delete the leaked key (IAM → Security credentials). Review CloudTrail for use of the leaked key.';

export const awsRules = [
  custom(
    {
      id: 'aws-access-key-id',
      description: 'AWS access key ID',
      provider: 'AWS',
      severity: 'high',
      tags: ['cloud'],
      partner: 'An access key ID is usable only with its secret access key; search for it nearby.',
      revoke,
      rotate,
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
      // A random ID falls under 3 bits about once in 3,000 (one with runs of repeated letters
      // scores ~2.9); 2.5 still refuses filler (AKIA and sixteen X is 1.0).
      entropy: 2.5,
      positive: ['AKIA{{base32:16}}', 'aws_access_key_id = ASIA{{base32:16}}'],
      negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIA{{base32:12}}', 'XAKIA{{base32:16}}'],
    },
    {
      // IDs are 20 characters of base32 (A–Z, 2–7) after a 4-letter type prefix.
      regex: /(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])/,
      keywords: ['akia', 'asia', 'abia', 'acca'],
    },
  ),
  {
    ...custom(
      {
        id: 'aws-secret-access-key',
        description: 'AWS secret access key',
        provider: 'AWS',
        severity: 'critical',
        tags: ['cloud'],
        partner: 'Usable together with its access key ID (AKIA…/ASIA…).',
        revoke,
        rotate,
        references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
        entropy: 4,
        positive: ['aws_secret_access_key = {{b64:40}}', 'AWS_SECRET_ACCESS_KEY="{{b64:40}}"', '"awsSecretKey": "{{b64:40}}"'],
        negative: [
          'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
          'aws_secret_access_key = {{b64:30}}',
        ],
      },
      {
        regex:
          /(?:aws|amazon)[\w.-]{0,20}(?:secret|private)[\w.-]{0,20}(?:["'`]?\s{0,5}(?::|=>|=|:=)|["']?[ \t]*\r?\n[ \t]*value:)\s{0,5}["'`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
        keywords: ['aws', 'amazon'],
      },
    ),
    // A secret access key is always 40 characters of base64 (IAM's access-key documentation): 56
    // characters under AWS_SECRET_ACCESS_KEY are no AWS key, so the generic rules stay quiet too.
    owns: { names: ['aws_secret_access_key', 'aws_secret_key'], value: '[A-Za-z0-9/+]{40}' },
  },
  custom(
    {
      id: 'aws-session-token',
      description: 'AWS temporary session token (STS)',
      provider: 'AWS',
      severity: 'high',
      tags: ['cloud'],
      partner: 'A session token works only together with its temporary access key ID (ASIA…) and secret access key.',
      revoke: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
      rotate:
        'Session tokens expire on their own (minutes to hours); if it may still be valid, revoke the role’s active sessions (IAM → Roles → Revoke sessions) and rotate the credentials that issued it.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html'],
      entropy: 4.5,
      maxLength: 2600,
      positive: [
        'aws_session_token = IQoJb3JpZ2luX2Vj{{b64:300}}',
        'AWS_SESSION_TOKEN="FwoGZXIvYXdzE{{b64:220}}"',
        'IQoJb3JpZ2luX2Vj{{b64:400}}==',
      ],
      negative: ['aws_session_token = {{b64:40}}', 'aws_session_token = ${AWS_SESSION_TOKEN}', 'IQoJb3JpZ2luX2Vj{{b64:30}}'],
    },
    {
      // Session tokens are long base64 blobs; newer ones start with the bytes of "\t\x0aorigin_ec2"
      // ("IQoJb3JpZ2luX2Vj…"), older ones with "FwoGZXIvYXdzE" / "FQoGZXIvYXdzE".
      regex:
        /(?:(?:aws|amz)[\w.-]{0,12}(?:session|security)[\w.-]{0,6}token["'`]?\s{0,5}(?::|=>|=|:=)\s{0,5}["'`]?(?<secret>[A-Za-z0-9/+]{100,2000}={0,2})|(?<![A-Za-z0-9/+])(?<bare>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE)[A-Za-z0-9/+]{100,2000}={0,2}))(?![A-Za-z0-9/+=])/i,
      keywords: [
        'session_token',
        'sessiontoken',
        'session-token',
        'security-token',
        'security_token',
        'iqojb3jpz2lux2vj',
        'fwogzxivyxdze',
        'fqogzxivyxdze',
      ],
    },
  ),
  custom(
    {
      id: 'aws-mws-auth-token',
      description: 'Amazon Marketplace Web Service (MWS) auth token',
      // Issued and revoked in Seller Central, not in AWS.
      provider: 'Amazon Selling Partner',
      severity: 'high',
      tags: ['cloud'],
      partner: 'Used together with the seller ID and the developer’s access keys.',
      revoke: 'https://sellercentral.amazon.com/apps/manage',
      rotate:
        'Revoke the developer’s access under Manage Your Apps, re-authorise to obtain a new token, and migrate to the Selling Partner API.',
      references: ['https://developer-docs.amazon.com/sp-api/docs/sp-api-migration-guide'],
      entropy: 3,
      positive: [
        'amzn.mws.{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
        'MWS_AUTH_TOKEN=amzn.mws.{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      ],
      negative: ['amzn.mws.{{hex:8}}-{{hex:4}}', 'amzn.mws.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'],
    },
    {
      regex: /(?<![A-Za-z0-9])(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/,
      keywords: ['amzn.mws.'],
    },
  ),
] satisfies readonly RuleSpec[];
