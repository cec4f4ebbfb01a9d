/**
 * The built-in catalogue: every rule keyscan ships, in a stable order (SARIF and `keyscan rules`
 * list them in this order). Families are listed alphabetically by file.
 */
import type { RuleSpec } from '../src/catalogue/spec.js';
import { anthropicRules } from './anthropic.js';
import { awsRules } from './aws.js';
import { azureRules } from './azure.js';
import { databaseRules } from './databases.js';
import { genericRules } from './generic.js';
import { githubRules } from './github.js';
import { gitlabRules } from './gitlab.js';
import { googleRules } from './google.js';
import { jwtRules } from './jwt.js';
import { openaiRules } from './openai.js';
import { packageRegistryRules } from './packages.js';
import { privateKeyRules } from './private-keys.js';
import { saasRules } from './saas.js';
import { sendgridRules } from './sendgrid.js';
import { slackRules } from './slack.js';
import { stripeRules } from './stripe.js';
import { twilioRules } from './twilio.js';

export const builtinRules: readonly RuleSpec[] = [
  ...anthropicRules,
  ...awsRules,
  ...azureRules,
  ...databaseRules,
  ...genericRules,
  ...githubRules,
  ...gitlabRules,
  ...googleRules,
  ...jwtRules,
  ...openaiRules,
  ...packageRegistryRules,
  ...privateKeyRules,
  ...saasRules,
  ...sendgridRules,
  ...slackRules,
  ...stripeRules,
  ...twilioRules,
];
