/**
 * The built-in catalogue: every rule keyscan ships, in a stable order (SARIF and `keyscan rules`
 * list them in this order). Families are listed alphabetically by file; `define.ts` holds the
 * helpers that build rules and is not a family.
 */
import { markPrevalidated } from '../src/catalogue/prevalidated.js';
import type { RuleSpec } from '../src/catalogue/spec.js';
import { aiRules } from './ai.js';
import { anthropicRules } from './anthropic.js';
import { awsRules } from './aws.js';
import { azureRules } from './azure.js';
import { ciRules } from './ci.js';
import { cloudRules } from './cloud.js';
import { credentialFileRules } from './credential-files.js';
import { crmRules } from './crm.js';
import { dataRules } from './data.js';
import { databaseRules } from './databases.js';
import { emailRules } from './email.js';
import { genericRules } from './generic.js';
import { genericAuthRules } from './generic-auth.js';
import { githubRules } from './github.js';
import { gitlabRules } from './gitlab.js';
import { googleRules } from './google.js';
import { hostingRules } from './hosting.js';
import { identityRules } from './identity.js';
import { jwtRules } from './jwt.js';
import { mapsIotRules } from './maps-iot.js';
import { marketingRules } from './marketing.js';
import { messagingRules } from './messaging.js';
import { observabilityRules } from './observability.js';
import { openaiRules } from './openai.js';
import { packageRegistryRules } from './packages.js';
import { passwordHashRules } from './password-hashes.js';
import { paymentRules } from './payments.js';
import { privateKeyRules } from './private-keys.js';
import { productivityRules } from './productivity.js';
import { publicApiRules } from './public-apis.js';
import { saasAppRules } from './saas-apps.js';
import { secretsToolRules } from './secrets-tools.js';
import { sendgridRules } from './sendgrid.js';
import { slackRules } from './slack.js';
import { smsRules } from './sms.js';
import { socialRules } from './social.js';
import { stripeRules } from './stripe.js';
import { twilioRules } from './twilio.js';
import { vcsRules } from './vcs.js';

// Prevalidated: every pattern is checked by the test suite, so they compile on first use.
export const builtinRules: readonly RuleSpec[] = markPrevalidated([
  ...aiRules,
  ...anthropicRules,
  ...awsRules,
  ...azureRules,
  ...ciRules,
  ...cloudRules,
  ...crmRules,
  ...dataRules,
  ...credentialFileRules,
  ...databaseRules,
  ...emailRules,
  ...genericRules,
  ...genericAuthRules,
  ...githubRules,
  ...gitlabRules,
  ...googleRules,
  ...hostingRules,
  ...identityRules,
  ...jwtRules,
  ...marketingRules,
  ...mapsIotRules,
  ...messagingRules,
  ...observabilityRules,
  ...openaiRules,
  ...packageRegistryRules,
  ...passwordHashRules,
  ...paymentRules,
  ...privateKeyRules,
  ...productivityRules,
  ...publicApiRules,
  ...saasAppRules,
  ...secretsToolRules,
  ...sendgridRules,
  ...slackRules,
  ...smsRules,
  ...socialRules,
  ...stripeRules,
  ...twilioRules,
  ...vcsRules,
]);
