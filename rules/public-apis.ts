/**
 * Public data, media, finance, security-intelligence and scraping APIs: the long tail of keys that
 * apps embed to call one service. Most have no prefix, so each rule needs the provider's name.
 */
import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom, JWT_BODY, JWT_EXAMPLE, NOT_A_WORD, named, prefixed, UUID, UUID_EXAMPLE } from './define.js';

const tags = ['public-apis'];
const regenerate = (where: string): string =>
  `Regenerate the key in ${where}, restrict it to the referrers or IP addresses that call the API where the provider offers that, and update its users.`;

export const publicApiRules: readonly RuleSpec[] = [
  named(
    tags,
    {
      id: 'adzuna-app-key',
      description: 'Adzuna API application key',
      provider: 'Adzuna',
      severity: 'low',
      revoke: 'https://developer.adzuna.com/admin/access_details',
      rotate: regenerate('the Adzuna developer dashboard (Access details)'),
      references: ['https://developer.adzuna.com/overview', 'https://developer.adzuna.com/docs/search'],
      example: '{{lowalnum:32}}',
      entropy: 3.5,
    },
    // Sent as the app_key query parameter beside app_id (an 8-character ID, not a secret: NOT_AFTER
    // keeps ADZUNA_APP_ID out); the docs give no length, the keys they issue are 32 letters and digits.
    { names: ['adzuna'], body: `${NOT_A_WORD}[A-Za-z0-9]{32}` },
  ),
  named(
    tags,
    {
      id: 'api2cart-api-key',
      description: 'API2Cart account API key',
      provider: 'API2Cart',
      severity: 'high',
      revoke: 'https://app.api2cart.com/',
      rotate:
        'Regenerate the API key in the API2Cart account (it reaches every store connected to the account), update its users, and remove the stores that no longer need access.',
      references: ['https://packagist.org/packages/api2cart/api2cart-php-sdk', 'https://docs.api2cart.com/'],
      example: '{{hex:32}}',
    },
    // Sent as the api_key query parameter with each store's store_key: 32 hex digits.
    { names: ['api2cart'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'apimetrics-api-key',
      description: 'APImetrics API key',
      provider: 'APImetrics',
      severity: 'medium',
      revoke: 'https://client.apimetrics.io/settings/api-key',
      rotate:
        'Delete the key under Settings → API Key in APImetrics, create a new one, and update the scripts and CI jobs that call the APImetrics API.',
      references: ['https://pypi.org/project/APImetrics/', 'https://client.apimetrics.io/settings/api-key'],
      example: '{{alnum:32}}',
      entropy: 3.5,
    },
    // The client takes it with -a / --apimetrics and sends it as a Bearer token; the docs give no
    // length, issued keys are 32 letters and digits. "apiMetrics" also reads as a variable about API
    // metrics, so only an assignment counts.
    { names: ['apimetrics', 'api_metrics_key', 'api_metrics_token'], body: `${NOT_A_WORD}[A-Za-z0-9]{32}`, mention: false },
  ),
  named(
    tags,
    {
      id: 'apitemplate-api-key',
      description: 'APITemplate.io API key',
      provider: 'APITemplate.io',
      severity: 'medium',
      revoke: 'https://app.apitemplate.io/accounts/api-integration/',
      rotate: 'Regenerate the key under API Integration in APITemplate.io, and update the services that render PDFs or images with it.',
      references: ['https://docs.apitemplate.io/api/index.html'],
      example: '{{alnum:39}}',
      entropy: 3.5,
    },
    // Sent as the X-API-KEY header; the docs' example key is 29 letters and digits, issued keys
    // are up to 39. "apiTemplate" also names a template in code, so only an assignment counts.
    { names: ['apitemplate'], body: `${NOT_A_WORD}[A-Za-z0-9]{24,39}`, mention: false },
  ),
  named(
    tags,
    {
      id: 'aylien-text-api-key',
      description: 'AYLIEN Text API application key',
      provider: 'AYLIEN',
      severity: 'medium',
      revoke: 'https://developer.aylien.com/',
      rotate: regenerate('the AYLIEN developer portal (the application’s keys)'),
      references: ['https://www.npmjs.com/package/aylien_textapi', 'https://www.rubydoc.info/gems/aylien_text_api/1.0.0'],
      example: '{{hex:32}}',
    },
    // Sent as X-AYLIEN-TextAPI-Application-Key beside the application ID (app_id / application_id).
    { names: ['aylien'], body: '[a-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'beebole-api-token',
      description: 'Beebole timesheet API token',
      provider: 'Beebole',
      severity: 'medium',
      revoke: 'https://beebole-apps.com/',
      rotate:
        'Generate a new API token in the Beebole account settings (the old one stops working), and update the integrations that use it.',
      references: ['https://beebole.com/help/api/legacy-api'],
      example: '{{hex:40}}',
      entropy: 3,
    },
    // The token is the user name of HTTP Basic authentication (password "x"); the docs' example
    // token is hex, issued tokens are 40 hex digits.
    { names: ['beebole'], body: '[a-f0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'buttercms-api-token',
      description: 'ButterCMS read or write API token',
      provider: 'ButterCMS',
      severity: 'medium',
      revoke: 'https://buttercms.com/settings/',
      rotate:
        'Ask ButterCMS support to regenerate the token (Settings → API Tokens), update its users, and keep the write token on the server only.',
      references: ['https://buttercms.com/docs/api/concepts/authentication-api-tokens'],
      example: '{{lowalnum:40}}',
      entropy: 3.5,
    },
    // Sent as ?auth_token= or `Authorization: Token …`; the SDK docs keep it in BUTTER_API_TOKEN / BUTTER_WRITE_TOKEN.
    {
      names: ['buttercms', 'butter_api_token', 'butter_write_token', 'butter_cms'],
      body: `${NOT_A_WORD}[A-Za-z0-9]{32,48}`,
    },
  ),
  named(
    tags,
    {
      id: 'carbon-interface-api-key',
      description: 'Carbon Interface API key',
      provider: 'Carbon Interface',
      severity: 'low',
      revoke: 'https://www.carboninterface.com/dashboard',
      rotate: regenerate('the Carbon Interface dashboard'),
      references: ['https://docs.carboninterface.com/#/?id=authentication'],
      example: '{{alnum:21}}',
      entropy: 3.5,
    },
    // A Bearer token; the docs give no length.
    { names: ['carboninterface', 'carbon_interface'], body: `${NOT_A_WORD}[A-Za-z0-9]{20,64}` },
  ),
  named(
    tags,
    {
      id: 'chatfuel-api-token',
      description: 'Chatfuel broadcasting or Dashboard API token',
      provider: 'Chatfuel',
      severity: 'medium',
      revoke: 'https://dashboard.chatfuel.com/',
      rotate:
        'Revoke and regenerate the Dashboard API token (profile → Dashboard API Token) or the bot’s broadcasting token in the bot’s settings, and update its users.',
      references: ['https://docs.chatfuel.com/en/articles/790461-broadcasting-api', 'https://docs.chatfuel.com/api/dashboard-api'],
      example: '{{alnum:128}}',
      entropy: 3.5,
    },
    // chatfuel_token on Broadcasting API calls, a Bearer token on the Dashboard API; the docs give no length.
    { names: ['chatfuel'], body: `${NOT_A_WORD}[A-Za-z0-9]{40,128}` },
  ),
  named(
    tags,
    {
      id: 'cloudmersive-api-key',
      description: 'Cloudmersive API key',
      provider: 'Cloudmersive',
      severity: 'medium',
      revoke: 'https://account.cloudmersive.com/',
      rotate: regenerate('the Cloudmersive account dashboard (API Keys)'),
      references: ['https://api.cloudmersive.com/python-client.asp'],
      example: UUID_EXAMPLE,
    },
    // Sent in the Apikey header; the client docs show a UUID.
    { names: ['cloudmersive'], body: UUID },
  ),
  named(
    tags,
    {
      id: 'commodities-api-key',
      description: 'Commodities-API access key',
      provider: 'Commodities-API',
      severity: 'low',
      revoke: 'https://commodities-api.com/dashboard',
      rotate: regenerate('the Commodities-API dashboard'),
      references: ['https://commodities-api.com/documentation'],
      example: '{{alnum:60}}',
      entropy: 3.5,
    },
    // Sent as the access_key query parameter; the docs give no length. "commodities" alone is a word,
    // so the name must say it is the API's key.
    {
      names: ['commodities_api', 'commodities_key', 'commodities_access_key', 'commoditiesapi'],
      body: `${NOT_A_WORD}[A-Za-z0-9]{32,64}`,
      mention: false,
    },
  ),
  named(
    tags,
    {
      id: 'craftmypdf-api-key',
      description: 'CraftMyPDF account or team API key',
      provider: 'CraftMyPDF',
      severity: 'medium',
      revoke: 'https://app.craftmypdf.com/',
      rotate: regenerate('the CraftMyPDF web console (API Integration → Reset API Key; a team has its own key)'),
      references: ['https://support.craftmypdf.com/rest-api-integration', 'https://nango.dev/docs/api-integrations/craftmypdf/connect'],
      example: '{{alnum:35}}',
      entropy: 3.5,
    },
    // Sent in the X-API-KEY header; the docs give no length.
    { names: ['craftmypdf'], body: `${NOT_A_WORD}[A-Za-z0-9]{30,48}` },
  ),
  named(
    tags,
    {
      id: 'currencybeacon-api-key',
      description: 'CurrencyBeacon (formerly CurrencyScoop) API key',
      provider: 'CurrencyBeacon',
      severity: 'low',
      revoke: 'https://currencybeacon.com/account',
      rotate: regenerate('the CurrencyBeacon account page'),
      references: ['https://currencybeacon.com/api-documentation'],
      example: '{{lowalnum:32}}',
      entropy: 3.5,
    },
    // Sent as ?api_key= or a Bearer token; the docs give no length.
    { names: ['currencyscoop', 'currencybeacon'], body: `${NOT_A_WORD}[A-Za-z0-9]{24,40}` },
  ),
  named(
    tags,
    {
      id: 'currencyfreaks-api-key',
      description: 'CurrencyFreaks API key',
      provider: 'CurrencyFreaks',
      severity: 'low',
      revoke: 'https://currencyfreaks.com/dashboard',
      rotate: regenerate('the CurrencyFreaks dashboard'),
      references: [
        'https://currencyfreaks.com/documentation.html',
        'https://metacpan.org/pod/Finance::Quote::CurrencyRates::CurrencyFreaks',
      ],
      example: '{{hex:32}}',
    },
    // Sent as ?apikey=; its users keep it in CURRENCYFREAKS_API_KEY.
    { names: ['currencyfreaks'], body: '[a-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'databox-push-token',
      description: 'Databox push API token',
      provider: 'Databox',
      severity: 'medium',
      revoke: 'https://app.databox.com/',
      rotate:
        'Delete the token in Databox (Data Manager → the custom or push connection) or the API key under Account Management → Profile, create a new one and update the programs that push data with it.',
      references: ['https://developers.databox.com/docs/api/authentication', 'https://github.com/databox/databox-python'],
      example: '{{hex:32}}',
    },
    // Databox's own SDK example sends the push token as the basic-auth user: 32 hex digits.
    { names: ['databox'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'column-api-key',
      description: 'Column (banking API) live or sandbox API key',
      provider: 'Column',
      severity: 'critical',
      revoke: 'https://dashboard.column.com/',
      rotate:
        'Create a new key in the Column developer dashboard, move its users to it, then delete the leaked key; restrict API access to your IP ranges (Column offers an allowlist).',
      references: ['https://column.com/docs/authentication'],
      example: 'live_{{alnum:27}}',
      entropy: 3.5,
    },
    // Column documents the live_ and test_ prefixes; alone they are too common a word to match on.
    { names: ['column'], body: '(?:live|test)_[A-Za-z0-9]{24,64}' },
  ),
  named(
    tags,
    {
      id: 'iex-cloud-token',
      description: 'IEX Cloud secret or publishable API token',
      provider: 'IEX Cloud',
      severity: 'medium',
      revoke: 'https://iexcloud.io/console/tokens',
      rotate:
        'IEX Cloud shut down in August 2024: remove the token from the code and its history, and move the code to another market-data provider.',
      references: ['https://github.com/iexcloud/docs/blob/main/source/administration/access-and-security.md'],
      example: 'sk_{{hex:32}}',
    },
    // Secret tokens start sk_, publishable pk_, sandbox ones Tsk_/Tpk_.
    {
      names: ['iexcloud', 'iex_cloud', 'iexapis', 'iex_api', 'iex_token', 'iex_secret', 'iex_publishable', 'iex_sk', 'iex_pk'],
      body: 'T?[ps]k_[a-f0-9]{32}',
    },
  ),
  named(
    tags,
    {
      id: 'browshot-api-key',
      description: 'Browshot screenshot API key',
      provider: 'Browshot',
      severity: 'medium',
      revoke: 'https://browshot.com/dashboard',
      rotate: regenerate('the Browshot dashboard'),
      references: ['https://browshot.com/api/documentation'],
      example: '{{alnum:28}}',
      entropy: 3.5,
    },
    // Sent as `key=` on every request, so it is usually found in an api.browshot.com URL.
    { names: ['browshot'], body: `${NOT_A_WORD}[A-Za-z0-9_-]{24,32}` },
  ),
  named(
    tags,
    {
      id: 'disqus-api-key',
      description: 'Disqus API application key, secret or access token',
      provider: 'Disqus',
      severity: 'medium',
      revoke: 'https://disqus.com/api/applications/',
      rotate: 'Regenerate the secret key and access token of the application on the Disqus API applications page and update its users.',
      references: ['https://disqus.com/api/docs/auth/'],
      example: '{{alnum:64}}',
      entropy: 3.5,
    },
    { names: ['disqus'], body: '[A-Za-z0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'caspio-client-secret',
      description: 'Caspio Web Services API profile client secret',
      provider: 'Caspio',
      severity: 'high',
      revoke: 'https://howto.caspio.com/integrate-your-apps/web-services-api/creating-a-web-services-api-profile/',
      rotate:
        'Reset the client secret of the Web services profile (Account → Access Permissions → Web services profiles), restrict the profile to the IP addresses that call it, and update its users.',
      references: [
        'https://howto.caspio.com/integrate-your-apps/web-services-api/creating-a-web-services-api-profile/',
        'https://howto.caspio.com/integration/web-services-api/rest-api/authenticating-rest/',
      ],
      example: '{{lowalnum:50}}',
    },
    { names: ['caspio'], body: '[a-z0-9]{50}' },
  ),
  named(
    tags,
    {
      id: 'easyinsight-api-key',
      description: 'Easy Insight API key or secret key',
      provider: 'Easy Insight',
      severity: 'medium',
      revoke: 'https://www.easy-insight.com/app/',
      rotate:
        'Regenerate the key and secret key under My API Information in Easy Insight and update the programs that publish data with them.',
      references: ['https://www.easy-insight.com/api/soapapi.html'],
      example: '{{alnum:20}}',
    },
    { names: ['easyinsight', 'easy_insight'], body: `${NOT_A_WORD}[A-Za-z0-9]{20}` },
  ),
  named(
    tags,
    {
      id: 'apimatic-auth-key',
      description: 'APIMatic API authentication key',
      provider: 'APIMatic',
      severity: 'medium',
      revoke: 'https://www.apimatic.io/account/api-authentication',
      rotate:
        'Delete the auth key under Settings → API Authentication in APIMatic, add a new one for each place that uses it, and update its users.',
      references: ['https://docs.apimatic.io/account-management/obtaining-auth-keys'],
      example: '{{b64url:64}}',
      entropy: 3.5,
    },
    { names: ['apimatic'], body: `${NOT_A_WORD}[A-Za-z0-9_-]{64}` },
  ),
  named(
    tags,
    {
      id: 'boostnote-access-token',
      description: 'Boost Note for Teams API access token',
      provider: 'Boost Note',
      severity: 'medium',
      revoke: 'https://boostnote.io/',
      rotate: 'Delete the token in Settings → Integrations of the Boost Note team it belongs to, generate a new one and update its users.',
      references: ['https://intercom.help/boostnote-for-teams/en/articles/4590937-public-api-documentation'],
      example: '{{hex:64}}',
    },
    { names: ['boostnote', 'boost_note'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'amadeus-api-credentials',
      description: 'Amadeus for Developers API key or API secret',
      provider: 'Amadeus',
      severity: 'high',
      revoke: 'https://developers.amadeus.com/my-apps',
      rotate:
        'Rotate the credentials of the app in the Amadeus Self-Service workspace (My Apps → the app → rotate or revoke credentials) and update its users; only the short-lived OAuth access token should reach clients.',
      references: ['https://developers.amadeus.com/self-service/apis-docs/guides/authorization'],
      example: '{{alnum:32}}',
    },
    // The API key (client_id) has 32 characters, the API secret 16.
    { names: ['amadeus'], body: `${NOT_A_WORD}(?:[A-Za-z0-9]{32}|[A-Za-z0-9]{16})` },
  ),
  named(
    tags,
    {
      id: 'autodesk-aps-client-credentials',
      description: 'Autodesk Platform Services (Forge) client ID or client secret',
      provider: 'Autodesk',
      severity: 'high',
      revoke: 'https://aps.autodesk.com/myapps/',
      rotate:
        'Regenerate the client secret of the app in the APS developer portal (Applications → the app), update its users, and prefer a Secure Service Account or three-legged tokens over a shared client secret.',
      references: [
        'https://aps.autodesk.com/getting-started',
        'https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/Machine-to-machine',
      ],
      example: '{{alnum:32}}',
    },
    // Client IDs have 32 or 48 characters, client secrets 16 or 64.
    {
      names: ['autodesk', 'aps_client', 'forge_client'],
      body: `${NOT_A_WORD}(?:[A-Za-z0-9]{64}|[A-Za-z0-9]{48}|[A-Za-z0-9]{32}|[A-Za-z0-9]{16})`,
    },
  ),
  named(
    tags,
    {
      id: 'codequiry-api-key',
      description: 'Codequiry API key',
      provider: 'Codequiry',
      severity: 'medium',
      revoke: 'https://dashboard.codequiry.com/',
      rotate: regenerate('the Codequiry dashboard'),
      references: ['https://codequiry.com/usage/api/auth', 'https://codequiry.com/usage/api/info'],
      example: '{{alnum:64}}',
      entropy: 3.5,
    },
    // "Your unique 64-character authentication token", sent in an `apikey` header.
    { names: ['codequiry'], body: '[A-Za-z0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'dovico-api-token',
      description: 'Dovico Timesheet API consumer secret or data access token',
      provider: 'Dovico',
      severity: 'high',
      revoke: 'https://timesheet.dovico.com/developer/API_doc/Getting_Started.html',
      rotate:
        'Reset the token with the Reset button (Setup → Company → API for the consumer secret and data access token, My Options for a user token) and update its users.',
      references: ['https://timesheet.dovico.com/developer/API_doc/Getting_Started.html'],
      example: '{{hex:32}}.{{digit:3}}',
    },
    // 32 hex digits, a dot and the company account's number (`36bb…cfb34.593` in Dovico's examples).
    { names: ['dovico'], body: '[a-f0-9]{32}\\.[0-9]{1,8}' },
  ),
  named(
    tags,
    {
      id: 'demio-api-credentials',
      description: 'Demio API key or API secret',
      provider: 'Demio',
      severity: 'medium',
      revoke: 'https://my.demio.com/manage/api-details',
      rotate: 'Regenerate the API key and secret under Account Settings → API in Demio (owner only) and update its users.',
      references: ['https://help.demio.com/en/articles/6456716-account-owner-settings'],
      example: '{{alnum:32}}',
    },
    { names: ['demio'], body: `${NOT_A_WORD}(?:[A-Za-z0-9]{32}|[A-Za-z0-9]{16})` },
  ),
  named(
    tags,
    {
      id: 'cicero-api-key',
      description: 'Cicero (Melissa, formerly Azavea) elected-officials API key',
      provider: 'Cicero',
      severity: 'medium',
      revoke: 'https://app.cicerodata.com/',
      rotate:
        'Generate a new API key on the My Profile page of the Cicero account and update its users; in browser code use the short-lived user ID and token pair instead of the key.',
      references: [
        'https://cicero.azavea.com/docs/getting_started.html',
        'https://docs.melissa.com/cloud-api/cicero/cicero-reference-guide.html',
      ],
      example: '{{hex:40}}',
    },
    // 40 hex digits, as in Cicero's own example request (`…&key=343d9083…`).
    { names: ['cicero'], body: '[a-f0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'clinchpad-api-key',
      description: 'ClinchPad CRM API key',
      provider: 'ClinchPad',
      severity: 'medium',
      revoke: 'https://www.clinchpad.com/settings',
      rotate: regenerate('the Settings section of ClinchPad'),
      references: ['https://clinchpad.com/api/docs'],
      example: '{{hex:32}}',
    },
    // Sent as the basic-auth password of the user `api-key`; 32 hex digits in ClinchPad's example.
    { names: ['clinchpad'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'cloud-elements-secret',
      description: 'Cloud Elements user secret, organization secret or element token',
      provider: 'Cloud Elements',
      severity: 'high',
      revoke: 'https://docs.cloud-elements.com/home/organization-secret-and-user-secret',
      rotate:
        'Reset the user secret (Manage Security Settings) and, for an element token, delete and re-create the element instance; then update its users, or switch to the bearer-token authorization the profile page offers.',
      references: [
        'https://docs.cloud-elements.com/home/authentication',
        'https://docs.cloud-elements.com/home/organization-secret-and-user-secret',
      ],
      example: '{{b64:43}}=',
    },
    // User secrets and element tokens are 44 base64 characters, organization secrets 32 hex digits.
    {
      names: ['cloudelements', 'cloud_elements'],
      body: '[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=])|[a-f0-9]{32}',
      edge: 'A-Za-z0-9+/=_-',
    },
  ),
  custom(
    {
      id: 'cloud-elements-authorization',
      description: 'Cloud Elements Authorization header (User secret with an Organization secret or Element token)',
      provider: 'Cloud Elements',
      severity: 'high',
      tags,
      revoke: 'https://docs.cloud-elements.com/home/organization-secret-and-user-secret',
      rotate:
        'Reset the user secret (Manage Security Settings) and, for an element token, delete and re-create the element instance; then update its users, or switch to the bearer-token authorization the profile page offers.',
      references: ['https://docs.cloud-elements.com/home/organization-secret-and-user-secret'],
      entropy: 3.5,
      positive: [
        'Authorization: User {{b64:43}}=, Organization {{hex:32}}',
        "-H 'authorization: User {{b64:43}}=, Organization {{hex:32}}, Element {{b64:43}}='",
      ],
      negative: ['Authorization: User <user secret>, Organization <organization secret>', 'User {{b64:10}}, Organization {{hex:32}}'],
    },
    // The documented header: `User <44 base64>, Organization <32 hex>` and/or `, Element <44 base64>`.
    {
      regex:
        /\bUser\s{1,4}(?<secret>[A-Za-z0-9+/=]{43,44}),\s{0,4}(?:Organization\s{1,4}[a-f0-9]{32}|Element\s{1,4}[A-Za-z0-9+/=]{43,44})(?![A-Za-z0-9+/=])/,
      keywords: ['organization ', 'element '],
    },
  ),
  prefixed(
    tags,
    {
      id: 'dub-api-key',
      description: 'Dub (dub.co) workspace API key',
      provider: 'Dub',
      severity: 'high',
      revoke: 'https://dub.co/docs/api-reference/tokens',
      rotate:
        'Delete the key under Settings → API Keys of the Dub workspace, create one with only the permissions its user needs (a machine user for services), and update its users.',
      references: ['https://dub.co/docs/api-reference/tokens', 'https://dub.co/blog/workspace-api-keys'],
      example: '{{alnum:24}}',
      entropy: 3.5,
    },
    // Publishable keys (dub_pk_…) are meant for browsers and are not matched.
    { prefixes: ['dub_'], body: `(?!pk_)${NOT_A_WORD}[A-Za-z0-9]{24}` },
  ),
  named(
    tags,
    {
      id: 'dub-legacy-api-key',
      description: 'Dub (dub.co) account API key of the kind issued before workspace keys (no prefix)',
      provider: 'Dub',
      severity: 'high',
      revoke: 'https://dub.co/docs/api-reference/tokens',
      rotate:
        'Delete the account-level key and create a workspace API key (dub_…) with only the permissions its user needs; update its users.',
      references: ['https://dub.co/blog/workspace-api-keys'],
      example: '{{alnum:24}}',
      entropy: 3.5,
    },
    // "a 24-character nanoid pattern on the user account level" (Dub's announcement of workspace keys).
    { names: ['dub_api_key', 'dub_api_token', 'dub_token'], body: `${NOT_A_WORD}[A-Za-z0-9_-]{24}` },
  ),
  prefixed(
    tags,
    {
      id: 'inngest-signing-key',
      description: 'Inngest environment signing key',
      provider: 'Inngest',
      severity: 'critical',
      revoke: 'https://app.inngest.com/env/production/manage/signing-key',
      rotate:
        'Create a new signing key for the environment, deploy it as INNGEST_SIGNING_KEY with the old one as INNGEST_SIGNING_KEY_FALLBACK, then delete the old key once every app uses the new one.',
      references: ['https://www.inngest.com/docs/platform/signing-keys', 'https://www.inngest.com/docs/platform/manage/rotating-keys'],
      example: '{{hex:64}}',
    },
    // signkey-<environment>-<64 hex digits>; the SDKs hash the hex part to sign requests.
    { prefixes: ['signkey-prod-', 'signkey-test-', 'signkey-branch-'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'openweathermap-api-key',
      description: 'OpenWeather API key',
      provider: 'OpenWeather',
      severity: 'medium',
      revoke: 'https://home.openweathermap.org/api_keys',
      rotate: regenerate('the OpenWeather dashboard'),
      references: ['https://openweathermap.org/appid'],
      example: '{{hex:32}}',
    },
    { names: ['openweather', 'owm_api_key', 'owm_key'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'parsehub-api-key',
      description: 'ParseHub API key',
      provider: 'ParseHub',
      severity: 'medium',
      revoke: 'https://www.parsehub.com/account',
      rotate:
        'ParseHub gives each account one API key (Account → Account Settings); ask ParseHub support to reset it, then update its users.',
      references: ['https://www.parsehub.com/docs/ref/api/v2/'],
      example: '{{alnum:12}}',
    },
    // Passed as the api_key parameter of every call; the reference gives no length (its keys are short).
    { names: ['parsehub', 'parse_hub'], body: `${NOT_A_WORD}[A-Za-z0-9]{12,40}`, edge: 'A-Za-z0-9_.(-' },
  ),
  named(
    tags,
    {
      id: 'scrapeowl-api-key',
      description: 'ScrapeOwl API key',
      provider: 'ScrapeOwl',
      severity: 'medium',
      revoke: 'https://app.scrapeowl.com/dashboard',
      rotate: regenerate('the ScrapeOwl dashboard'),
      references: ['https://scrapeowl.com/docs/'],
      example: '{{lowalnum:30}}',
    },
    // Sent as api_key in the body or query of https://api.scrapeowl.com/v1/scrape; no published length.
    { names: ['scrapeowl', 'scrape_owl'], body: `${NOT_A_WORD}[A-Za-z0-9]{24,40}`, edge: 'A-Za-z0-9_.(-' },
  ),
  prefixed(
    tags,
    {
      id: 'scrapfly-api-key',
      description: 'Scrapfly API key',
      provider: 'Scrapfly',
      severity: 'medium',
      revoke: 'https://scrapfly.io/dashboard',
      rotate: regenerate('the Scrapfly project settings (one key per project and environment)'),
      references: ['https://scrapfly.io/docs/project', 'https://pypi.org/project/scrapfly-sdk/'],
      example: '{{hex:32}}',
    },
    // One key per project environment: scp-live- or scp-test- and 32 hex digits, passed as ?key=.
    { prefixes: ['scp-live-', 'scp-test-'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'timezoneapi-token',
      description: 'TimezoneAPI (timezoneapi.io) token',
      provider: 'TimezoneAPI',
      severity: 'low',
      revoke: 'https://timezoneapi.io/developers',
      rotate: regenerate('the timezoneapi.io account page'),
      references: ['https://timezoneapi.io/developers'],
      example: '{{alnum:20}}',
    },
    // Passed as ?token= on https://timezoneapi.io/api/…; no published format.
    { names: ['timezoneapi'], body: `${NOT_A_WORD}[A-Za-z0-9]{16,40}`, edge: 'A-Za-z0-9_.(-' },
  ),
  named(
    tags,
    {
      id: 'weatherapi-key',
      description: 'WeatherAPI.com API key',
      provider: 'WeatherAPI.com',
      severity: 'medium',
      revoke: 'https://www.weatherapi.com/my/',
      rotate: regenerate('the WeatherAPI.com dashboard'),
      references: ['https://www.weatherapi.com/docs/'],
      example: '{{hex:31}}',
    },
    { names: ['weatherapi', 'weather_api_key'], body: '[a-f0-9]{31}' },
  ),
  named(
    tags,
    {
      id: 'tomorrow-io-api-key',
      description: 'Tomorrow.io API key',
      provider: 'Tomorrow.io',
      severity: 'medium',
      revoke: 'https://app.tomorrow.io/development/keys',
      rotate: regenerate('the Tomorrow.io dashboard'),
      references: ['https://docs.tomorrow.io/reference/api-authentication'],
      example: '{{alnum:32}}',
    },
    { names: ['tomorrowio', 'tomorrow_io', 'tomorrow_api_key'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'strava-client-secret',
      description: 'Strava API client secret or access token',
      provider: 'Strava',
      revoke: 'https://www.strava.com/settings/api',
      rotate: regenerate('the Strava dashboard'),
      references: ['https://developers.strava.com/docs/authentication/'],
      example: '{{hex:40}}',
    },
    { names: ['strava'], body: '[a-f0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'ipinfo-token',
      description: 'IPinfo access token',
      provider: 'IPinfo',
      severity: 'medium',
      revoke: 'https://ipinfo.io/account/token',
      rotate: regenerate('the IPinfo dashboard'),
      references: ['https://ipinfo.io/developers#authentication'],
      example: '{{hex:14}}',
      // 14 hex digits carry at most 3.8 bits each; a bar of 3 turned away a fair share of real tokens.
      entropy: 2.5,
    },
    { names: ['ipinfo'], body: '[a-f0-9]{14}' },
  ),
  named(
    tags,
    {
      id: 'rawg-api-key',
      description: 'RAWG video games database API key',
      provider: 'RAWG',
      severity: 'medium',
      revoke: 'https://rawg.io/apidocs',
      rotate: regenerate('the RAWG dashboard'),
      references: ['https://api.rawg.io/docs/'],
      example: '{{hex:32}}',
    },
    { names: ['rawg'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'newsapi-key',
      description: 'NewsAPI.org API key',
      provider: 'NewsAPI',
      severity: 'medium',
      revoke: 'https://newsapi.org/account',
      rotate: regenerate('the NewsAPI dashboard'),
      references: ['https://newsapi.org/docs/authentication'],
      example: '{{hex:32}}',
    },
    { names: ['newsapi', 'news_api_key'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'alpha-vantage-api-key',
      description: 'Alpha Vantage API key',
      provider: 'Alpha Vantage',
      severity: 'medium',
      revoke: 'https://www.alphavantage.co/support/#api-key',
      rotate: regenerate('the Alpha Vantage dashboard'),
      references: ['https://www.alphavantage.co/documentation/'],
      example: '{{upalnum:16}}',
    },
    { names: ['alphavantage', 'alpha_vantage'], body: '[A-Z0-9]{16}' },
  ),
  prefixed(
    tags,
    {
      id: 'finage-api-key',
      description: 'Finage market-data API key',
      provider: 'Finage',
      severity: 'medium',
      revoke: 'https://moon.finage.co.uk/',
      rotate: regenerate('the Finage Moon dashboard (Services → API)'),
      references: ['https://nango.dev/docs/api-integrations/finage/connect'],
      example: '{{upalnum:32}}',
    },
    // The dashboard's key "starts with API_KEY"; the rest is capitals and digits. A digit is
    // required so that a constant's name glued to the prefix (API_KEYFORTHEFINAGESERVICE…) is no key.
    { prefixes: ['API_KEY'], body: '(?=[A-Z]{0,39}[0-9])[A-Z0-9]{30,40}', keywords: ['api_key'] },
  ),
  named(
    tags,
    {
      id: 'finnhub-api-key',
      description: 'Finnhub API key',
      provider: 'Finnhub',
      severity: 'medium',
      revoke: 'https://finnhub.io/dashboard',
      rotate: regenerate('the Finnhub dashboard'),
      references: ['https://finnhub.io/docs/api/authentication'],
      example: '{{lowalnum:20}}',
    },
    { names: ['finnhub'], body: '[a-z0-9]{20}' },
  ),
  named(
    tags,
    {
      id: 'polygon-io-api-key',
      description: 'Polygon.io (Massive) API key',
      provider: 'Polygon.io',
      severity: 'medium',
      revoke: 'https://polygon.io/dashboard/keys',
      rotate: regenerate('the Polygon.io dashboard'),
      references: ['https://polygon.io/docs/rest/quickstart'],
      example: '{{alnum:32}}',
    },
    { names: ['polygon_api_key', 'polygonio', 'polygon_io'], body: '[A-Za-z0-9_]{32}' },
  ),
  named(
    tags,
    {
      id: 'twelve-data-api-key',
      description: 'Twelve Data API key',
      provider: 'Twelve Data',
      severity: 'medium',
      revoke: 'https://twelvedata.com/account/api-keys',
      rotate: regenerate('the Twelve Data dashboard'),
      references: ['https://twelvedata.com/docs#authentication'],
      example: '{{hex:32}}',
    },
    { names: ['twelvedata', 'twelve_data'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'tiingo-api-token',
      description: 'Tiingo API token',
      provider: 'Tiingo',
      severity: 'medium',
      revoke: 'https://www.tiingo.com/account/api/token',
      rotate: regenerate('the Tiingo dashboard'),
      references: ['https://www.tiingo.com/documentation/general/connecting'],
      example: '{{hex:40}}',
    },
    { names: ['tiingo'], body: '[a-f0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'apilayer-api-key',
      description: 'apilayer API access key (marketstack, ipstack, currencylayer, …)',
      provider: 'apilayer',
      severity: 'medium',
      revoke: 'https://apilayer.com/account',
      rotate: regenerate('the apilayer dashboard'),
      references: ['https://apilayer.com/docs/article/managing-api-keys'],
      example: '{{hex:32}}',
    },
    {
      names: [
        'apilayer',
        'marketstack',
        'ipstack',
        'currencylayer',
        'weatherstack',
        'positionstack',
        'mediastack',
        'aviationstack',
        'numverify',
        'mailboxlayer',
        'coinlayer',
        'countrylayer',
        'languagelayer',
        'vatlayer',
        'pdflayer',
        'screenshotlayer',
        'scrapestack',
        'userstack',
        'fixer_api',
        'fixer_access',
      ],
      body: '[a-f0-9]{32}|[A-Za-z0-9]{32}',
    },
  ),
  named(
    tags,
    {
      id: 'coinmarketcap-api-key',
      description: 'CoinMarketCap API key',
      provider: 'CoinMarketCap',
      severity: 'medium',
      revoke: 'https://pro.coinmarketcap.com/account',
      rotate: regenerate('the CoinMarketCap dashboard'),
      references: ['https://coinmarketcap.com/api/documentation/v1/#section/Authentication'],
      example: UUID_EXAMPLE,
    },
    { names: ['coinmarketcap', 'cmc_pro_api_key', 'cmc_api_key'], body: UUID },
  ),
  named(
    tags,
    {
      id: 'coingecko-api-key',
      description: 'CoinGecko API key',
      provider: 'CoinGecko',
      severity: 'medium',
      revoke: 'https://www.coingecko.com/en/developers/dashboard',
      rotate: regenerate('the CoinGecko dashboard'),
      references: ['https://docs.coingecko.com/reference/authentication'],
      example: 'CG-{{alnum:25}}',
    },
    { names: ['coingecko', 'cg_api_key'], body: 'CG-[A-Za-z0-9]{25}' },
  ),
  named(
    tags,
    {
      id: 'cryptocompare-api-key',
      description: 'CryptoCompare API key',
      provider: 'CryptoCompare',
      severity: 'medium',
      revoke: 'https://www.cryptocompare.com/cryptopian/api-keys',
      rotate: regenerate('the CryptoCompare dashboard'),
      references: ['https://developers.coindesk.com/documentation/legacy/'],
      example: '{{hex:64}}',
    },
    { names: ['cryptocompare'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'shodan-api-key',
      description: 'Shodan API key',
      provider: 'Shodan',
      revoke: 'https://account.shodan.io/',
      rotate: regenerate('the Shodan dashboard'),
      references: ['https://developer.shodan.io/api/requirements'],
      example: '{{alnum:32}}',
    },
    { names: ['shodan'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'virustotal-api-key',
      description: 'VirusTotal API key',
      provider: 'VirusTotal',
      revoke: 'https://www.virustotal.com/gui/my-apikey',
      rotate: regenerate('the VirusTotal dashboard'),
      references: ['https://docs.virustotal.com/reference/authentication'],
      example: '{{hex:64}}',
    },
    { names: ['virustotal', 'vt_api_key'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'abuseipdb-api-key',
      description: 'AbuseIPDB API key',
      provider: 'AbuseIPDB',
      severity: 'medium',
      revoke: 'https://www.abuseipdb.com/account/api',
      rotate: regenerate('the AbuseIPDB dashboard'),
      references: ['https://docs.abuseipdb.com/#introduction'],
      example: '{{hex:80}}',
    },
    { names: ['abuseipdb'], body: '[a-f0-9]{80}' },
  ),
  named(
    tags,
    {
      id: 'securitytrails-api-key',
      description: 'SecurityTrails API key',
      provider: 'SecurityTrails',
      revoke: 'https://securitytrails.com/app/account/credentials',
      rotate: regenerate('the SecurityTrails dashboard'),
      references: ['https://docs.securitytrails.com/docs/authentication'],
      example: '{{alnum:32}}',
    },
    { names: ['securitytrails'], body: '[A-Za-z0-9_-]{32}' },
  ),
  named(
    tags,
    {
      id: 'censys-api-secret',
      description: 'Censys API secret',
      provider: 'Censys',
      revoke: 'https://search.censys.io/account/api',
      rotate: regenerate('the Censys dashboard'),
      references: ['https://search.censys.io/api'],
      example: '{{alnum:32}}',
    },
    { names: ['censys'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'unsplash-access-key',
      description: 'Unsplash API access key or secret key',
      provider: 'Unsplash',
      severity: 'medium',
      revoke: 'https://unsplash.com/oauth/applications',
      rotate: regenerate('the Unsplash dashboard'),
      references: ['https://unsplash.com/documentation#authorization'],
      example: '{{b64url:43}}',
    },
    { names: ['unsplash'], body: '[A-Za-z0-9_-]{43}' },
  ),
  named(
    tags,
    {
      id: 'pixabay-api-key',
      description: 'Pixabay API key',
      provider: 'Pixabay',
      severity: 'medium',
      revoke: 'https://pixabay.com/api/docs/',
      rotate: regenerate('the Pixabay dashboard'),
      references: ['https://pixabay.com/api/docs/'],
      example: '{{digit:8}}-{{hex:25}}',
    },
    { names: ['pixabay'], body: '[0-9]{6,9}-[a-f0-9]{25}' },
  ),
  named(
    tags,
    {
      id: 'tmdb-api-key',
      description: 'TMDB API key (v3) or read access token (v4)',
      provider: 'TMDB',
      severity: 'medium',
      revoke: 'https://www.themoviedb.org/settings/api',
      rotate: regenerate('the TMDB dashboard'),
      references: ['https://developer.themoviedb.org/docs/authentication-application'],
      example: '{{hex:32}}',
    },
    { names: ['tmdb', 'themoviedb'], body: `[a-f0-9]{32}|${JWT_BODY}` },
  ),
  named(
    tags,
    {
      id: 'giphy-api-key',
      description: 'GIPHY API key',
      provider: 'GIPHY',
      severity: 'medium',
      revoke: 'https://developers.giphy.com/dashboard/',
      rotate: regenerate('the GIPHY dashboard'),
      references: ['https://developers.giphy.com/docs/api/#quick-start-guide'],
      example: '{{alnum:32}}',
    },
    { names: ['giphy'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'flickr-api-secret',
      description: 'Flickr API key or secret',
      provider: 'Flickr',
      severity: 'medium',
      revoke: 'https://www.flickr.com/services/apps/by/me',
      rotate: regenerate('the Flickr dashboard'),
      references: ['https://www.flickr.com/services/api/misc.api_keys.html'],
      example: '{{hex:32}}',
    },
    { names: ['flickr'], body: '[a-f0-9]{32}|[a-f0-9]{16}' },
  ),
  named(
    tags,
    {
      id: 'ticketmaster-api-key',
      description: 'Ticketmaster Discovery API key',
      provider: 'Ticketmaster',
      severity: 'medium',
      revoke: 'https://developer-acct.ticketmaster.com/user/login',
      rotate: regenerate('the Ticketmaster dashboard'),
      references: ['https://developer.ticketmaster.com/products-and-docs/apis/getting-started/'],
      example: '{{alnum:32}}',
    },
    { names: ['ticketmaster'], body: '[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'eventbrite-token',
      description: 'Eventbrite private token',
      provider: 'Eventbrite',
      revoke: 'https://www.eventbrite.com/account-settings/apps',
      rotate: regenerate('the Eventbrite dashboard'),
      references: ['https://www.eventbrite.com/platform/docs/authentication'],
      example: '{{upalnum:20}}',
    },
    { names: ['eventbrite'], body: '[A-Z0-9]{20}' },
  ),
  named(
    tags,
    {
      id: 'weatherbit-api-key',
      description: 'Weatherbit API key',
      provider: 'Weatherbit',
      severity: 'low',
      revoke: 'https://www.weatherbit.io/account/dashboard',
      rotate: regenerate('the Weatherbit account dashboard'),
      references: ['https://www.weatherbit.io/api', 'https://help.weatherbit.io/topic/subscriptions-and-access/'],
      example: '{{hex:32}}',
      entropy: 3,
    },
    // Passed as ?key= on every request; the docs give no length or alphabet.
    { names: ['weatherbit'], body: `${NOT_A_WORD}[A-Za-z0-9]{24,40}`, edge: 'A-Za-z0-9_.(-' },
  ),
  named(
    tags,
    {
      id: 'whoxy-api-key',
      description: 'Whoxy WHOIS API key',
      provider: 'Whoxy',
      severity: 'low',
      revoke: 'https://www.whoxy.com/account/',
      rotate: regenerate('the Whoxy account page'),
      references: ['https://www.whoxy.com/whois-history/api/', 'https://github.com/ormtech/whoxy'],
      example: '{{lowalnum:33}}',
      entropy: 3.5,
    },
    // Passed as ?key=; client libraries read it from WHOXY_KEY or WHOXY_API_KEY. No published length.
    { names: ['whoxy'], body: `${NOT_A_WORD}[A-Za-z0-9]{24,40}`, edge: 'A-Za-z0-9_.(-' },
  ),
  named(
    tags,
    {
      id: 'yelp-api-key',
      description: 'Yelp Fusion API key',
      provider: 'Yelp',
      severity: 'medium',
      revoke: 'https://www.yelp.com/developers/v3/manage_app',
      rotate: regenerate('the Yelp dashboard'),
      references: ['https://docs.developer.yelp.com/docs/fusion-authentication'],
      example: '{{b64url:128}}',
    },
    { names: ['yelp'], body: '[A-Za-z0-9_-]{128}' },
  ),
  named(
    tags,
    {
      id: 'scraperapi-key',
      description: 'ScraperAPI API key',
      provider: 'ScraperAPI',
      severity: 'medium',
      revoke: 'https://dashboard.scraperapi.com/',
      rotate: regenerate('the ScraperAPI dashboard'),
      references: ['https://docs.scraperapi.com/'],
      example: '{{hex:32}}',
    },
    { names: ['scraperapi', 'scraper_api'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'scrapingbee-api-key',
      description: 'ScrapingBee API key',
      provider: 'ScrapingBee',
      severity: 'medium',
      revoke: 'https://app.scrapingbee.com/account/manage/api_key',
      rotate: regenerate('the ScrapingBee dashboard'),
      references: ['https://www.scrapingbee.com/documentation/'],
      example: '{{upalnum:80}}',
    },
    { names: ['scrapingbee', 'scraping_bee'], body: '[A-Z0-9]{80}' },
  ),
  named(
    tags,
    {
      id: 'zenrows-api-key',
      description: 'ZenRows API key',
      provider: 'ZenRows',
      severity: 'medium',
      revoke: 'https://app.zenrows.com/account/settings',
      rotate: regenerate('the ZenRows dashboard'),
      references: ['https://docs.zenrows.com/universal-scraper-api/api-reference'],
      example: '{{hex:40}}',
    },
    { names: ['zenrows'], body: '[a-f0-9]{40}' },
  ),
  prefixed(
    tags,
    {
      id: 'apify-api-token',
      description: 'Apify API token',
      provider: 'Apify',
      revoke: 'https://console.apify.com/settings/integrations',
      rotate:
        'Reset the token in Apify Console (Settings → API & Integrations), prefer a scoped token limited to the actors it runs, and update its users.',
      references: ['https://docs.apify.com/platform/integrations/api#api-token'],
      example: '{{alnum:36}}',
    },
    { prefixes: ['apify_api_'], body: '[A-Za-z0-9]{36}' },
  ),
  named(
    tags,
    {
      id: 'mux-token-secret',
      description: 'Mux access token secret',
      provider: 'Mux',
      revoke: 'https://dashboard.mux.com/settings/access-tokens',
      rotate: regenerate('the Mux dashboard'),
      references: ['https://docs.mux.com/core/make-api-requests'],
      example: '{{b64:75}}',
    },
    { names: ['mux_token_secret', 'mux_secret'], body: '[A-Za-z0-9+/]{75}', edge: 'A-Za-z0-9+/=_-' },
  ),
  named(
    tags,
    {
      id: 'imagekit-private-key',
      description: 'ImageKit private API key',
      provider: 'ImageKit',
      revoke: 'https://imagekit.io/dashboard/developer/api-keys',
      rotate: regenerate('the ImageKit dashboard'),
      references: ['https://docs.imagekit.io/api-reference/api-introduction/api-keys'],
      example: 'private_{{b64:28}}=',
    },
    { names: ['imagekit'], body: 'private_[A-Za-z0-9+/]{27,28}=', edge: 'A-Za-z0-9+/=_-' },
  ),
  named(
    tags,
    {
      id: 'uploadcare-secret-key',
      description: 'Uploadcare secret key',
      provider: 'Uploadcare',
      revoke: 'https://app.uploadcare.com/projects/-/api-keys/',
      rotate: regenerate('the Uploadcare dashboard'),
      references: ['https://uploadcare.com/docs/security/secure-uploads/'],
      example: '{{hex:20}}',
    },
    { names: ['uploadcare'], body: '[a-f0-9]{20}' },
  ),
  named(
    tags,
    {
      id: 'wistia-api-token',
      description: 'Wistia API token',
      provider: 'Wistia',
      revoke: 'https://wistia.com/support/account-and-billing/setup#api-access',
      rotate: regenerate('the Wistia dashboard'),
      references: ['https://wistia.com/support/developers/data-api#authentication'],
      example: '{{hex:64}}',
    },
    { names: ['wistia'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'nasa-api-key',
      description: 'NASA Open APIs key',
      provider: 'NASA',
      severity: 'low',
      revoke: 'https://api.nasa.gov/',
      rotate: regenerate('the NASA dashboard'),
      references: ['https://api.nasa.gov/#signUp'],
      example: '{{alnum:40}}',
    },
    { names: ['nasa_api_key', 'nasa_key'], body: '[A-Za-z0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'rapidapi-key',
      description: 'RapidAPI application key',
      provider: 'RapidAPI',
      revoke: 'https://rapidapi.com/developer/apps',
      rotate: regenerate('the RapidAPI dashboard'),
      references: ['https://docs.rapidapi.com/docs/keys-and-key-rotation'],
      example: '{{alnum:50}}',
    },
    { names: ['rapidapi', 'x-rapidapi-key', 'x_rapidapi_key'], body: '[A-Za-z0-9]{50}' },
  ),
  named(
    tags,
    {
      id: 'ipgeolocation-api-key',
      description: 'ipgeolocation.io API key',
      provider: 'ipgeolocation.io',
      severity: 'medium',
      revoke: 'https://app.ipgeolocation.io/dashboard',
      rotate: regenerate('the ipgeolocation.io dashboard'),
      references: ['https://ipgeolocation.io/documentation/ip-geolocation-api.html'],
      example: '{{hex:32}}',
    },
    { names: ['ipgeolocation'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'ipdata-api-key',
      description: 'ipdata API key',
      provider: 'ipdata',
      severity: 'medium',
      revoke: 'https://dashboard.ipdata.co/',
      rotate: regenerate('the ipdata dashboard'),
      references: ['https://docs.ipdata.co/docs/authentication'],
      example: '{{hex:56}}',
    },
    { names: ['ipdata'], body: '[a-f0-9]{56}' },
  ),
  named(
    tags,
    {
      id: 'abstractapi-key',
      description: 'Abstract API key',
      provider: 'Abstract API',
      severity: 'medium',
      revoke: 'https://app.abstractapi.com/dashboard',
      rotate: regenerate('the Abstract API dashboard'),
      references: ['https://docs.abstractapi.com/'],
      example: '{{hex:32}}',
    },
    { names: ['abstractapi', 'abstract_api'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'maxmind-license-key',
      description: 'MaxMind license key',
      provider: 'MaxMind',
      severity: 'medium',
      revoke: 'https://www.maxmind.com/en/accounts/current/license-key',
      rotate: regenerate('the MaxMind dashboard'),
      references: ['https://dev.maxmind.com/license-keys'],
      example: '{{alnum:6}}_{{alnum:29}}_mmk',
    },
    { names: ['maxmind', 'geoipupdate_license_key'], body: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk|[A-Za-z0-9]{16}' },
  ),
  named(
    tags,
    {
      id: 'clearbit-api-key',
      description: 'Clearbit secret API key',
      provider: 'Clearbit',
      revoke: 'https://dashboard.clearbit.com/api',
      rotate: regenerate('the Clearbit dashboard'),
      references: ['https://dashboard.clearbit.com/docs#authentication'],
      example: 'sk_{{hex:32}}',
    },
    { names: ['clearbit'], body: 'sk_[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'peopledatalabs-api-key',
      description: 'People Data Labs API key',
      provider: 'People Data Labs',
      revoke: 'https://dashboard.peopledatalabs.com/api-keys',
      rotate: regenerate('the People Data Labs dashboard'),
      references: ['https://docs.peopledatalabs.com/docs/authentication'],
      example: '{{hex:64}}',
    },
    { names: ['peopledatalabs', 'pdl_api_key'], body: '[a-f0-9]{64}' },
  ),
  named(
    tags,
    {
      id: 'cloudconvert-api-key',
      description: 'CloudConvert API key',
      provider: 'CloudConvert',
      severity: 'medium',
      revoke: 'https://cloudconvert.com/dashboard/api/v2/keys',
      rotate: regenerate('the CloudConvert dashboard'),
      references: ['https://cloudconvert.com/api/v2#authentication'],
      example: JWT_EXAMPLE,
    },
    { names: ['cloudconvert'], body: JWT_BODY },
  ),
  named(
    tags,
    {
      id: 'convertapi-secret',
      description: 'ConvertAPI secret',
      provider: 'ConvertAPI',
      severity: 'medium',
      revoke: 'https://www.convertapi.com/a/auth',
      rotate: regenerate('the ConvertAPI dashboard'),
      references: ['https://docs.convertapi.com/docs/authentication'],
      example: '{{alnum:16}}',
    },
    { names: ['convertapi'], body: '[A-Za-z0-9]{16}|[A-Za-z0-9_-]{32}' },
  ),
  named(
    tags,
    {
      id: 'pdfshift-api-key',
      description: 'PDFShift API key',
      provider: 'PDFShift',
      severity: 'medium',
      revoke: 'https://app.pdfshift.io/env/',
      rotate: regenerate('the PDFShift dashboard'),
      references: ['https://docs.pdfshift.io/#authentication'],
      example: 'sk_{{hex:40}}',
    },
    { names: ['pdfshift'], body: 'sk_[a-f0-9]{40}|[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'bannerbear-legacy-api-key',
      description: 'Bannerbear API key (without a bb_ prefix)',
      provider: 'Bannerbear',
      severity: 'medium',
      revoke: 'https://app.bannerbear.com/projects',
      rotate: regenerate('the Bannerbear dashboard'),
      references: ['https://developers.bannerbear.com/#authentication'],
      example: '{{alnum:24}}',
    },
    { names: ['bannerbear'], body: '[A-Za-z0-9]{22,24}' },
  ),
  prefixed(
    tags,
    {
      id: 'bannerbear-api-key',
      description: 'Bannerbear project or master API key',
      provider: 'Bannerbear',
      severity: 'medium',
      revoke: 'https://app.bannerbear.com/account/settings',
      rotate: regenerate('the Bannerbear dashboard'),
      references: ['https://developers.bannerbear.com/#authentication'],
      example: '{{hex:30}}',
    },
    { prefixes: ['bb_pr_', 'bb_ma_'], body: '[a-f0-9]{30}' },
  ),
  prefixed(
    tags,
    {
      id: 'besttime-private-api-key',
      description: 'BestTime private API key',
      provider: 'BestTime',
      severity: 'medium',
      revoke: 'https://besttime.app/api/v1/keys',
      rotate: regenerate('the BestTime account page'),
      references: ['https://documentation.besttime.app/#api-keys'],
      example: '{{hex:32}}',
    },
    { prefixes: ['pri_'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'shutterstock-access-token',
      description: 'Shutterstock OAuth access token',
      provider: 'Shutterstock',
      severity: 'medium',
      revoke: 'https://www.shutterstock.com/account/developers/apps',
      rotate:
        'Delete the app or its token on the Shutterstock developer page, request a new token with the narrowest scopes, and update its users.',
      references: ['https://www.shutterstock.com/developers/documentation/authentication'],
      example: 'v2/{{b64:300}}',
      maxLength: 1024,
    },
    { names: ['shutterstock'], body: 'v2/[A-Za-z0-9+/=_-]{100,900}', edge: 'A-Za-z0-9+/=_-' },
  ),
  named(
    tags,
    {
      id: 'crawlbase-token',
      description: 'Crawlbase (formerly ProxyCrawl) API token',
      provider: 'Crawlbase',
      severity: 'medium',
      revoke: 'https://crawlbase.com/dashboard/account/docs',
      rotate: regenerate('the Crawlbase account page'),
      references: ['https://crawlbase.com/docs/crawling-api/'],
      example: '{{alnum:22}}',
    },
    { names: ['crawlbase', 'proxycrawl'], body: `${NOT_A_WORD}[A-Za-z0-9_-]{22}` },
  ),
  prefixed(
    tags,
    {
      id: 'intra42-client-secret',
      description: '42 intra API application secret',
      provider: '42 intra',
      severity: 'medium',
      revoke: 'https://profile.intra.42.fr/oauth/applications',
      rotate: 'Replace the secret on the application page of the 42 intra (Applications → your app → Replace secret) and update its users.',
      references: ['https://api.intra.42.fr/apidoc/guides/getting_started'],
      example: '{{hex:64}}',
    },
    { prefixes: ['s-s4t2ud-', 's-s4t2af-'], body: '[a-f0-9]{64}' },
  ),
  // Long tail m–z (issue 13): each from the provider's own documentation of its key format.
  prefixed(
    tags,
    {
      id: 'trigger-dev-secret-key',
      description: 'Trigger.dev environment secret key',
      provider: 'Trigger.dev',
      revoke: 'https://cloud.trigger.dev/',
      rotate:
        'Create a new key for the environment on the API keys page of the project (a named key with the narrowest access preset), set it as TRIGGER_SECRET_KEY where the backend runs, then delete the leaked key.',
      references: ['https://trigger.dev/docs/apikeys'],
      example: '{{alnum:24}}',
    },
    { prefixes: ['tr_dev_', 'tr_prod_', 'tr_stg_'], body: '(?:sk_)?[A-Za-z0-9]{20,64}' },
  ),
  prefixed(
    tags,
    {
      id: 'trigger-dev-personal-access-token',
      description: 'Trigger.dev personal access token (all projects of a user)',
      provider: 'Trigger.dev',
      revoke: 'https://cloud.trigger.dev/',
      rotate:
        'Revoke the token under Account → Personal Access Tokens and create a new one; for CI deploys prefer a per-environment secret key, which reaches one project only.',
      references: ['https://trigger.dev/docs/apikeys', 'https://trigger.dev/docs/github-actions'],
      example: '{{alnum:40}}',
    },
    { prefixes: ['tr_pat_'], body: '[A-Za-z0-9]{32,64}' },
  ),
  prefixed(
    tags,
    {
      id: 'stackhawk-api-key',
      description: 'StackHawk API key (HawkScan, hawk CLI)',
      provider: 'StackHawk',
      revoke: 'https://app.stackhawk.com/',
      rotate:
        'Delete the key under Settings → API Keys, create a new one, and pass it to HawkScan as the API_KEY secret of the CI job rather than in stackhawk.yml.',
      references: ['https://docs.stackhawk.com/apidocs.html#section/API-Keys', 'https://github.com/kaakaww/scan-configuration'],
      example: '{{alnum:20}}.{{alnum:20}}',
    },
    { prefixes: ['hawk.'], body: '[A-Za-z0-9_-]{20}\\.[A-Za-z0-9_-]{20}' },
  ),
  named(
    tags,
    {
      id: 'zenscrape-api-key',
      description: 'Zenscrape API key',
      provider: 'Zenscrape',
      severity: 'medium',
      revoke: 'https://app.zenscrape.com/',
      rotate: regenerate('the Zenscrape dashboard'),
      references: ['https://zenscrape.com/documentation', 'https://pypi.org/project/scrapy-zenscrape'],
      example: UUID_EXAMPLE,
    },
    // Sent as the apikey header; Zenscrape's own Scrapy middleware reads ZENSCRAPE_API_KEY. No published format.
    { names: ['zenscrape'], body: `${NOT_A_WORD}[A-Za-z0-9-]{32,40}`, edge: 'A-Za-z0-9_.(-' },
  ),
  named(
    tags,
    {
      id: 'zipcodebase-api-key',
      description: 'Zipcodebase API key',
      provider: 'Zipcodebase',
      severity: 'low',
      revoke: 'https://app.zipcodebase.com/',
      rotate: regenerate('the Zipcodebase dashboard'),
      references: ['https://app.zipcodebase.com/documentation'],
      example: UUID_EXAMPLE,
    },
    // Sent as the apikey header or ?apikey=; the documentation gives no format.
    { names: ['zipcodebase'], body: `${NOT_A_WORD}[A-Za-z0-9-]{32,40}`, edge: 'A-Za-z0-9_.(-' },
  ),
  prefixed(
    tags,
    {
      id: 'zuplo-api-key',
      description: 'Zuplo API key (gateway consumer key or Zuplo account key)',
      provider: 'Zuplo',
      revoke: 'https://portal.zuplo.com/',
      rotate:
        'Roll the consumer key in the Zuplo portal (Services → API Key Service → the consumer; rolling keeps the old key valid for a grace period you choose), give new keys an expiry, and update its users.',
      references: ['https://zuplo.com/docs/articles/api-key-best-practices', 'https://zuplo.com/docs/concepts/api-keys'],
      example: '{{hex:32}}_{{hex:8}}',
    },
    { prefixes: ['zpka_'], body: '[A-Za-z0-9]{24,64}_[A-Za-z0-9]{6,12}' },
  ),
  prefixed(
    tags,
    {
      id: 'scalingo-api-token',
      description: 'Scalingo API token',
      provider: 'Scalingo',
      revoke: 'https://dashboard.scalingo.com/',
      rotate:
        'Delete the token in the dashboard (User settings → API tokens) and create one per tool; callers should exchange it for the one-hour bearer token of auth.scalingo.com rather than keep the long-lived token in every process.',
      references: ['https://github.com/Scalingo/scalingo.js', 'https://developers.scalingo.com/'],
      example: '{{b64url:48}}',
    },
    { prefixes: ['tk-us-'], body: '[A-Za-z0-9_-]{30,80}' },
  ),
  custom(
    {
      id: 'maxmind-license-key-mmk',
      description: 'MaxMind license key (2023 format, with the _mmk suffix)',
      provider: 'MaxMind',
      severity: 'medium',
      tags,
      revoke: 'https://www.maxmind.com/en/accounts/current/license-key',
      rotate:
        'Generate a new license key (Account → Manage License Keys), put it in GeoIP.conf or the service configuration, confirm downloads work, then deactivate the leaked key.',
      references: [
        'https://dev.maxmind.com/geoip/release-notes/2023-03-16-changes-to-maxmind-license-keys/',
        'https://support.maxmind.com/knowledge-base/articles/replace-your-maxmind-license-key',
      ],
      entropy: 3,
      positive: ['{{alnum:6}}_{{alnum:29}}_mmk', 'LicenseKey {{alnum:6}}_{{alnum:29}}_mmk'],
      negative: ['{{alnum:6}}_{{alnum:20}}_mmk', 'x{{alnum:6}}_{{alnum:29}}_mmk', '{{alnum:6}}_{{alnum:29}}_mmkx'],
    },
    {
      // 40 characters of [A-Za-z0-9_]: a six-character prefix, "_", and the "_mmk" suffix that
      // marks every key issued since March 2023, so no provider name is needed around it.
      regex: /(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9]{6}_[A-Za-z0-9_]{29}_mmk)(?![A-Za-z0-9_-])/,
      keywords: ['_mmk'],
    },
  ),
  named(
    tags,
    {
      id: 'netsuite-tba-credential',
      description: 'NetSuite token-based authentication consumer key, consumer secret, token ID or token secret',
      provider: 'NetSuite',
      severity: 'critical',
      revoke: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4395622897.html',
      rotate:
        'Revoke the access token (Setup → Users/Roles → Access Tokens) and, for a leaked consumer secret, reset the credentials of the integration record; issue a new token for a role with only the permissions the integration needs, or move to OAuth 2.0 machine-to-machine with a certificate.',
      references: [
        'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_163240164565.html',
        'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4395630653.html',
      ],
      example: '{{hex:64}}',
    },
    // NetSuite prints all four TBA values as 64 hex digits (its token-password example).
    { names: ['netsuite', 'ns_consumer', 'ns_token'], body: '[a-f0-9]{64}' },
  ),
  prefixed(
    tags,
    {
      id: 'unkey-root-key',
      description: 'Unkey root key (workspace management API)',
      provider: 'Unkey',
      severity: 'critical',
      revoke: 'https://app.unkey.com/',
      rotate:
        'Delete the root key under Settings → Root Keys and create one with only the permissions the service needs (e.g. verify keys of one API), then deploy it as UNKEY_ROOT_KEY.',
      references: ['https://pypi.org/project/unkey-py/', 'https://github.com/unkeyed/unkey'],
      example: '3Z{{alnum:22}}',
    },
    // Version 1 keys are unkey_ + 8 + "unkeyv1" + 42 base58 characters; dashboard keys unkey_3Z + 22.
    { prefixes: ['unkey_'], body: '[A-Za-z0-9]{24,57}' },
  ),
  prefixed(
    tags,
    {
      id: 'pydantic-logfire-token',
      description: 'Pydantic Logfire write token, read token or API key',
      provider: 'Pydantic Logfire',
      revoke: 'https://logfire.pydantic.dev/',
      rotate:
        'Delete the token in the project settings (Settings → Write tokens / Read tokens, or the organization API keys page), create a new one with an expiry date, and set it as LOGFIRE_TOKEN where the service runs.',
      references: ['https://logfire.pydantic.dev/docs/how-to-guides/create-write-tokens/'],
      example: '1_us_{{alnum:44}}',
    },
    // pylf_v<version>_<region>_<random>: the region is the data region of the project.
    { prefixes: ['pylf_v'], body: '[0-9]{1,2}_(?:us|eu)_[A-Za-z0-9]{40,48}' },
  ),
  prefixed(
    tags,
    {
      id: 'segmind-api-key',
      description: 'Segmind API key',
      provider: 'Segmind',
      severity: 'medium',
      revoke: 'https://cloud.segmind.com/',
      rotate: regenerate('the Segmind console (API Keys)'),
      references: ['https://docs.segmind.com/docs/serverless-api'],
      example: '{{hex:16}}',
    },
    // "SG_" and 16 hex digits, 19 characters in all (SendGrid keys are "SG." and much longer).
    { prefixes: ['SG_'], body: '[a-f0-9]{16}', edge: 'A-Za-z0-9_' },
  ),
  prefixed(
    tags,
    {
      id: 'sumsub-app-token',
      description: 'Sumsub app token (sandbox or production; used with its secret key, search for it nearby)',
      provider: 'Sumsub',
      severity: 'critical',
      revoke: 'https://cockpit.sumsub.com/checkus#/devSpace/appTokens',
      rotate:
        'Generate a new app token in Dev space → App Tokens with only the permissions the integration needs, an IP allowlist and an expiry date, deploy it with its new secret key, then deactivate the leaked token.',
      references: ['https://docs.sumsub.com/docs/app-tokens', 'https://github.com/SumSubstance/AppTokenUsageExamples'],
      example: '{{alnum:24}}.{{alnum:32}}',
    },
    { prefixes: ['prd:', 'sbx:'], body: '[A-Za-z0-9]{24}\\.[A-Za-z0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'sumsub-secret-key',
      description: 'Sumsub app token secret key (signs API requests)',
      provider: 'Sumsub',
      severity: 'critical',
      revoke: 'https://cockpit.sumsub.com/checkus#/devSpace/appTokens',
      rotate:
        'Generate a new app token (its secret key comes with it) in Dev space → App Tokens, restrict it to the integration’s IP addresses, deploy both values, then deactivate the leaked token.',
      references: ['https://docs.sumsub.com/reference/authentication', 'https://github.com/SumSubstance/AppTokenUsageExamples'],
      example: '{{alnum:32}}',
    },
    { names: ['sumsub'], body: `${NOT_A_WORD}[A-Za-z0-9]{32}` },
  ),
  prefixed(
    tags,
    {
      id: 'wakatime-api-key',
      description: 'WakaTime secret API key',
      provider: 'WakaTime',
      severity: 'medium',
      revoke: 'https://wakatime.com/settings/account',
      rotate:
        'Regenerate the secret API key in WakaTime (Settings → API Key), update ~/.wakatime.cfg on every machine, and use an embeddable chart or an OAuth app instead of the key on anything public.',
      references: [
        'https://wakatime.com/developers#authentication',
        'https://github.com/wakatime/vscode-wakatime/blob/master/src/utils.ts',
      ],
      example: UUID_EXAMPLE,
    },
    // waka_ and a version 4 UUID, as WakaTime's own editor plugins validate it.
    { prefixes: ['waka_'], body: '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' },
  ),
  named(
    tags,
    {
      id: 'wakatime-legacy-api-key',
      description: 'WakaTime secret API key (a bare UUID, issued before the waka_ prefix)',
      provider: 'WakaTime',
      severity: 'medium',
      revoke: 'https://wakatime.com/settings/account',
      rotate:
        'Regenerate the secret API key in WakaTime (Settings → API Key), which also gives it the waka_ prefix, and update ~/.wakatime.cfg on every machine.',
      references: [
        'https://wakatime.com/developers#authentication',
        'https://github.com/wakatime/vscode-wakatime/blob/master/src/utils.ts',
      ],
      example: UUID_EXAMPLE,
    },
    { names: ['wakatime'], body: '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' },
  ),
  custom(
    {
      id: 'proxmox-api-token',
      description: 'Proxmox VE API token (USER@REALM!TOKENID=secret)',
      provider: 'Proxmox',
      severity: 'critical',
      tags,
      revoke: 'https://pve.proxmox.com/pve-docs/chapter-pveum.html#pveum_tokens',
      rotate:
        'Remove the token (Datacenter → Permissions → API Tokens, or pveum user token remove USER TOKENID) and create a new one with privilege separation and an expiry, granting it only the roles the tool needs.',
      references: ['https://pve.proxmox.com/pve-docs/chapter-pveum.html#pveum_tokens', 'https://pve.proxmox.com/wiki/Proxmox_VE_API'],
      entropy: 3,
      positive: [
        `Authorization: PVEAPIToken=root@pam!monitoring=${UUID_EXAMPLE}`,
        `PROXMOX_VE_API_TOKEN="terraform@pve!provider=${UUID_EXAMPLE}"`,
      ],
      negative: ['PVEAPIToken=root@pam!monitoring=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'api_token_id: root@pam!monitoring'],
    },
    {
      // The token ID (user@realm!name) and its secret, a UUID, joined by "=" as the API header takes them.
      regex: new RegExp(
        `(?<![A-Za-z0-9._@!-])(?<secret>[A-Za-z0-9._-]{1,64}@[A-Za-z0-9._-]{1,32}![A-Za-z0-9._-]{1,64}=${UUID})(?![A-Za-z0-9_-])`,
      ),
      keywords: ['pveapitoken', 'proxmox', '@pam!', '@pve!'],
    },
  ),
  prefixed(
    tags,
    {
      id: 'netbox-api-token',
      description: 'NetBox v2 API token (nbt_<key>.<token>)',
      provider: 'NetBox',
      severity: 'critical',
      revoke: 'https://netboxlabs.com/docs/netbox/models/users/token/',
      rotate:
        'Delete or disable the token under your user profile (API Tokens), create a new one with write access only if the tool writes, an allowed-IP list and an expiry, and deploy it.',
      references: ['https://netboxlabs.com/docs/netbox/integrations/rest-api/#authentication'],
      example: '{{alnum:12}}.{{alnum:40}}',
    },
    { prefixes: ['nbt_'], body: '[A-Za-z0-9]{12}\\.[A-Za-z0-9]{40}' },
  ),
  named(
    tags,
    {
      id: 'netbox-legacy-api-token',
      description: 'NetBox or Nautobot API token (40 hex digits; NetBox v1 tokens)',
      provider: 'NetBox',
      severity: 'critical',
      revoke: 'https://netboxlabs.com/docs/netbox/models/users/token/',
      rotate:
        'Delete the token under your user profile (API Tokens) and create a v2 token (NetBox 4.5+) with an expiry and only the write access the tool needs; v1 tokens are stored in plaintext on the server and go away in NetBox 5.0.',
      references: [
        'https://netboxlabs.com/docs/netbox/models/users/token/',
        'https://docs.nautobot.com/projects/core/en/ltm-1.6/models/users/token',
      ],
      example: '{{hex:40}}',
    },
    { names: ['netbox', 'nautobot', 'pynetbox'], body: '[a-f0-9]{40}' },
  ),
  prefixed(
    tags,
    {
      id: 'netbox-cloud-api-key',
      description: 'NetBox Labs Cloud API key',
      provider: 'NetBox Labs',
      severity: 'high',
      revoke: 'https://netboxlabs.com/docs/cloud/cloud-api/authentication/',
      rotate: 'Delete the key in the NetBox Labs Cloud console, create a new one with an expiry date, and update its users.',
      references: ['https://netboxlabs.com/docs/cloud/cloud-api/authentication/'],
      example: '{{hex:12}}.{{hex:24}}',
    },
    { prefixes: ['nblc_api-'], body: '[a-f0-9]{12}\\.[a-f0-9]{24}' },
  ),
  prefixed(
    tags,
    {
      id: 'outline-api-key',
      description: 'Outline (knowledge base) API key',
      provider: 'Outline',
      revoke: 'https://docs.getoutline.com/s/guide/doc/api-1rEIXDfLF6',
      rotate:
        'Revoke the key under Settings → API Keys and create one scoped to the endpoints the script calls (e.g. documents.info) with an expiry date; send it in the Authorization header, not the token parameter.',
      references: [
        'https://docs.getoutline.com/s/guide/doc/api-1rEIXDfLF6',
        'https://github.com/outline/outline/blob/main/server/models/ApiKey.ts',
      ],
      example: '{{alnum:38}}',
    },
    { prefixes: ['ol_api_'], body: '[A-Za-z0-9]{30,48}' },
  ),
  prefixed(
    tags,
    {
      id: 'tella-api-key',
      description: 'Tella API key',
      provider: 'Tella',
      severity: 'medium',
      revoke: 'https://docs.tella.com/authentication',
      rotate: 'Create a new key under Settings → API Keys (one per environment), deploy it as TELLA_API_KEY, then revoke the leaked key.',
      references: ['https://docs.tella.com/authentication'],
      example: '{{alnum:32}}',
    },
    { prefixes: ['tella_pk_'], body: '[A-Za-z0-9]{32}' },
  ),
  prefixed(
    tags,
    {
      id: 'tolt-api-key',
      description: 'Tolt (affiliate programs) API key',
      provider: 'Tolt',
      revoke: 'https://docs.tolt.com/authentication',
      rotate: 'Create a new key under Settings → Integrations, one per application, deploy it, then delete the leaked key.',
      references: ['https://docs.tolt.com/authentication'],
      example: '{{alnum:22}}',
    },
    { prefixes: ['tlt_live_'], body: '[A-Za-z0-9]{20,40}' },
  ),
  prefixed(
    tags,
    {
      id: 'tokportal-api-key',
      description: 'TokPortal API key',
      provider: 'TokPortal',
      severity: 'medium',
      revoke: 'https://app.tokportal.com/developer/api-keys',
      rotate: 'Revoke the key under Developer → API Keys, create one per environment with an expiry, and update its users.',
      references: ['https://developers.tokportal.com/getting-started/authentication'],
      example: '{{hex:32}}',
    },
    { prefixes: ['tok_live_'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'stack-auth-secret-server-key',
      description: 'Stack Auth secret server key',
      provider: 'Stack Auth',
      severity: 'critical',
      revoke: 'https://app.stack-auth.com/',
      rotate:
        'Create a new API key set for the project in the Stack Auth dashboard (Project → API Keys) with an expiry, deploy its secret server key as STACK_SECRET_SERVER_KEY on the server only, then revoke the leaked set.',
      references: ['https://docs.stack-auth.com/js/getting-started/setup', 'https://github.com/stack-auth/stack-auth'],
      example: 'ssk_{{lowalnum:45}}',
    },
    // Many projects prefix keys with "ssk_", so the Stack Auth variable name must be next to it.
    { names: ['stack_secret_server_key', 'stack_server_key', 'secret_server_key'], body: 'ssk_[a-z0-9]{40,50}', keywords: ['ssk_'] },
  ),
  named(
    tags,
    {
      id: 'siteleaf-api-credential',
      description: 'Siteleaf (static-site CMS) API key or API secret',
      provider: 'Siteleaf',
      revoke: 'https://manage.siteleaf.com/account',
      rotate:
        'Siteleaf issues the key and the secret as a pair: click Regenerate keys under My account → API (both change), update every user of the old pair, and read the pair from the environment (the siteleaf gem takes Siteleaf.api_key and Siteleaf.api_secret from ENV) rather than the repository.',
      references: [
        'https://github.com/siteleaf/siteleaf-v1-api',
        'https://learn.siteleaf.com/api/',
        'https://nango.dev/docs/api-integrations/siteleaf/connect',
      ],
      example: '{{hex:32}}',
    },
    // Siteleaf's API documentation shows the key and the secret as 32 hex digits each (Basic auth key:secret).
    { names: ['siteleaf'], body: '[a-f0-9]{32}' },
  ),
  named(
    tags,
    {
      id: 'thinkific-api-key',
      description: 'Thinkific (online courses) site API key or OAuth access token',
      provider: 'Thinkific',
      revoke: 'https://developers.thinkific.com/api/api-key-auth/',
      rotate:
        'The site API key is long-lived and site-wide: regenerate it under Settings → Code & analytics → API (the old key stops working) and update its users. For an app, use Thinkific OAuth instead: its access tokens expire and are refreshed, and each install can be revoked on its own.',
      references: ['https://developers.thinkific.com/api/api-key-auth/', 'https://hexdocs.pm/ex_thinkific_api/readme.html'],
      example: '{{hex:32}}',
    },
    // The X-Auth-API-Key is 32 hex digits; OAuth access tokens (Authorization: Bearer) are UUIDs.
    { names: ['thinkific'], body: `[a-f0-9]{32}|${UUID}` },
  ),
  named(
    tags,
    {
      id: 'pinata-jwt',
      description: 'Pinata (IPFS pinning) API key JWT',
      provider: 'Pinata',
      revoke: 'https://app.pinata.cloud/developers/api-keys',
      rotate:
        'Revoke the key on the API Keys page (its JWT and secret stop working with it), then create a key scoped to the endpoints the code calls, with a maximum number of uses where that fits, and keep its JWT on the server; code in a browser should get a short-lived signed upload URL from your server instead of the JWT.',
      references: ['https://docs.pinata.cloud/account-management/api-keys', 'https://docs.pinata.cloud/sdk/config'],
      example: JWT_EXAMPLE,
      maxLength: 2048,
    },
    // Pinata gives each key a JWT (PINATA_JWT, pinataJwt) beside pinata_api_key and pinata_api_secret.
    { names: ['pinata'], body: JWT_BODY },
  ),
  named(
    tags,
    {
      id: 'intervals-api-token',
      description: 'Intervals (myintervals.com time tracking) user API token',
      provider: 'Intervals',
      severity: 'medium',
      revoke: 'https://www.myintervals.com/api/authentication.php',
      rotate:
        'Regenerate the token under My Account → API Access (the old one stops working; revoke it there if the integration is gone), give each integration its own user where you can, and keep the token in a secret store.',
      references: ['https://www.myintervals.com/api/authentication.php'],
      example: '{{lowalnum:5}}7{{lowalnum:5}}',
      entropy: 2.5,
    },
    // Intervals documents "a unique 11-character alphanumeric token" (examples in lowercase), sent as
    // the Basic-auth user name. "intervals" alone is an ordinary word, so the name must say myintervals.
    { names: ['myintervals', 'intervals_api_token', 'intervals_api_key', 'intervals_token'], body: `${NOT_A_WORD}[a-z0-9]{11}` },
  ),
];
