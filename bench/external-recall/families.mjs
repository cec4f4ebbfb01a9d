// The family of a provider named by another scanner's detector or rule (its slug, lowercased
// letters and digits only). The families are those of keyscan's issue 13; a provider not listed is
// "long-tail" (mostly small public-data APIs: weather, currency, scraping, geocoding…).

const FAMILIES = {
  cloud:
    'aws azure gcp google alibaba ibmcloud ibm tencent oracle yandex digitalocean linode vultr hetzner scaleway ovh backblaze wasabi cloudsmith meraki',
  identity: 'okta auth0 onelogin keycloak clerk stytch workos jumpcloud duo loginradius rownd unifyid frontegg descope',
  ci: 'jenkins circleci travisci travis buildkite azuredevops bitbucket codecov coveralls sonarcloud sonarqube sonar snyk artifactory jfrog nexus sourcegraph harness octopusdeploy codeclimate codacy codemagic droneci drone semaphore scrutinizerci knapsackpro percy saucelabs browserstack testingbot bitbar blazemeter endorlabs detectify spectralops nightfall wiz scalr',
  hosting:
    'netlify vercel render flyio railway heroku cloudflare fastly akamai deno portainer ngrok tailscale zerotier openvpn godaddy buddyns supernotes',
  messaging:
    'microsoftteams teams discord telegram twitch facebook instagram twitter linkedin youtube reddit zoom webex mattermost rocketchat slack line gitter zulip twilio nexmo vonage messagebird plivo telnyx sinch signalwire sendbird pubnub pusher ably mesibo clicksend bulksms textmagic d7network voodoosms tyntec clockworksms apifonica eightxeight ringcentral dailyco agora enablex smooch typetalk twist flickr',
  crm: 'hubspot salesforce pipedrive intercom zendesk freshdesk freshworks myfreshworks front mailjet brevo sendinblue klaviyo convertkit customerio iterable braze segment mixpanel amplitude heap zohocrm capsulecrm closecrm copper insightly nimble karmacrm lessannoyingcrm onepagecrm salesflare salesmate teamworkcrm centralstationcrm nethunt prospectcrm revampcrm kylas apptivo helpscout helpcrunch groovehq liveagent sherpadesk teamworkdesk onedesk delighted nicereply customerguru fullstory appcues userflow optimizely launchdarkly posthog chartmogul baremetrics clearbit hunter rocketreach peopledatalabs uplead lemlist overloop replyio autoklose salesblink leadfeeder madkudu interseller partnerstack',
  email:
    'sendgrid mailgun mailchimp mandrill postmark sparkpost elasticemail mailerlite moosend omnisend getresponse campayn dotdigital pepipost postageapp reachmail mailmodo mailsac dyspatch mixmax courier magicbell onesignal airship vbout emailoctopus kickbox zerobounce debounce verimail mailboxlayer getemail',
  commerce:
    'shopify bigcommerce woocommerce square squareapp adyen razorpay paystack flutterwave mollie paddle lemonsqueezy coinbase binance kraken bitfinex bitmex kucoin poloniex cexio luno gemini fmfw robinhoodcrypto stripe paypal braintree checkout gocardless dwolla wepay pagarme paymongo instamojo moonclerk gumroad snipcart swell commercejs rechargepayments taxjar currencycloud transferwise ramp plaid recurly chargebee storecove',
  data: 'snowflake confluent databricks elastic algolia pinecone weaviate qdrant supabase neon planetscale upstash mongodb couchbase redis postgres jdbc sqlserver rabbitmq aiven hasura fauna tableau metabase qubole stitchdata keenio swiftype',
  ai: 'openai anthropic cohere mistral groq replicate together fireworks perplexity deepseek xai elevenlabs assemblyai deepgram huggingface langsmith langfuse weightsandbiases googlegemini nvapi openrouter clarifai deepai edenai monkeylearn paralleldots meaningcloud sigopt voiceflow voicegain wit braintrust photoroom speechtextai happyscribe rev saladcloud moderation uclassify imagga skybiometry faceplusplus',
  'maps-iot':
    'mapbox hereapi here tomtom particle blynk thingsboard adafruit mapquest geoapify geocode geocodio locationiq opencagedata positionstack graphhopper route4me smartystreets ubidots hypertrack onfleet',
  productivity:
    'asana monday clickup notion airtable atlassian jira confluence linear figma miro dropbox box typeform calendly docusign trello todoist wrike smartsheets coda fibery shortcut pivotaltracker podio meistertask mindmeister stormboard kanban clockify toggltrack harvest everhour timecamp tmetric dropboxsign hellosign pandadoc signable yousign signaturit juro jotform formio formsite paperform surveysparrow tallyfy zeplin eraser dynalist checkvist goodday hive nozbe float',
  monitoring:
    'datadog newrelic sentry honeycomb grafana dynatrace splunk sumologic pagerduty opsgenie rollbar bugsnag logtail betterstack airbrake raven logzio loggly checklyhq statuscake statuspage statuspal uptimerobot thousandeyes solarwinds rootly dareboost gtmetrix websitepulse',
  registries: 'npm pypi rubygems nuget crates docker dockerhub quay packagecloud vagrantcloud redhatpyxis ngc clojars',
  'secrets-tools': 'hashicorpvault vault doppler infisical onepassword 1password pulumi terraformcloud terraform',
  vcs: 'github gitlab gitea',
  generic: 'generic jwt privatekey basicauth keyword uri ftp ldap',
};

const table = Object.entries(FAMILIES).flatMap(([family, words]) => words.split(' ').map((w) => [w, family]));
// Longest prefix first, so "githubapp" is vcs through "github" and "linemessaging" messaging.
table.sort((a, b) => b[0].length - a[0].length);

export const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export function familyOf(provider) {
  const s = slug(provider);
  for (const [word, family] of table) if (s.startsWith(word)) return family;
  return 'long-tail';
}
