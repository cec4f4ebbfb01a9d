// External negative cases that keyscan flags and should: the other project marks them negative
// for reasons of its own detector (its keyword is missing, a companion value such as a client ID
// or host is missing, it does not report HMAC-signed tokens, one character breaks its alphabet),
// yet the case holds a credential by its shape: a high-entropy value under a secret's name, or a
// well-formed token. Precision is printed raw and with these set apart. `case` is the external
// source/detector, `key` the case's targetKey(case, null) (a hash of the case: no token is written
// here). Each was read by hand against keyscan and these sources' HEADs of December 2026; a key
// that no longer matches any case is simply unused.

/** trufflehog's "invalid pattern" inputs that only lack the detector's keyword or its neighbour. */
const NAMED_RANDOM =
  "a high-entropy random value assigned to a secret's name (API_KEY, secret, token, client_secret…); the other detector wants its own keyword or a companion value, but a value like this under that name is what a user wants reported";
/** trufflehog breaks a token with a character or two outside its detector's alphabet. */
const ONE_CHAR_OFF =
  "a random token under a secret's name with a character or two outside the other detector's alphabet (%, ?, ^, $, !, @, &…); a generic rule cannot know the provider's alphabet, and a value one edit away from a live token is what a user wants reported";
const REAL_SHAPE_NO_COMPANION =
  "a well-formed credential of the provider's documented format; the other detector also wants a companion value (client ID, integration key, token name, host or URL) in the same file before it reports, yet the credential alone is the leak";
const REAL_SHAPE_NO_KEYWORD =
  "a well-formed credential of the provider's prefixed format; the other detector's test only says that its keyword (the provider's name) is missing or too far away";
const JIRA_DC =
  "a 40-48 character base64 value under jira_token; trufflehog's Jira Data Center detector also checks the token's inner structure (a numeric ID before a colon) and its exact length, which a generic rule cannot, and a random value under a token's name is what a user wants reported";
const AZURE_APIM =
  "an Azure API Management git password (git&<expiry>&<base64 signature>) under PASSWORD=; trufflehog wants the service's URL beside it or the expiry in another form, yet the signature is the credential";
const AZURE_SAS =
  'an Azure SAS token with its signature (sig=); trufflehog rejects its permission letters or its IP range, yet the signature is what grants access';
const CLOUDFLARE_LEGACY =
  "a Cloudflare API token of the pre-2025 format (40 characters) under CLOUDFLARE_API_TOKEN; trufflehog's v2 detector knows only the cfut_/cfat_ format (its v1 detector reports this shape)";
const CLOUDFLARE_EXTRA =
  'a complete cfut_ token (40 characters and the 8-hex-digit checksum) with characters appended by an edit; the line still holds the token, so it is what a user wants reported';
const GITLAB_PAT_PREFIX =
  "a value with GitLab's access-token prefix glpat- under client_secret; trufflehog's OAuth-application detector marks it negative as the wrong prefix for an OAuth secret (gloas-), not because it is no GitLab token";
const HARNESS_NO_KEYWORD =
  "a well-formed Harness token (pat.<account>.<token id>.<secret>); trufflehog's test only says that the word harness is missing";
const HARNESS_SHORT =
  'a Harness-style token under "harness token =" whose last part is a few characters short of trufflehog\'s pattern; as a random value under a token\'s name it is what a user wants reported';
const JWT_SIGNED =
  'a well-formed HMAC-signed JWT (header, JSON claims, signature); trufflehog does not report tokens that it cannot verify without the key, yet a signed token in a file is a bearer credential';
const JWT_BASIC =
  "a signed JWT sent in an Authorization header; gitleaks' curl rule marks it negative because the header says Basic, not because it is no token";
const STRIPE_IN_APIDECK =
  "a Stripe live secret key (sk_live_…) in the test of trufflehog's Apideck detector: a negative for that detector, a Stripe credential all the same";
const OPENAI_IN_ADMIN =
  "OpenAI API keys (sk-…T3BlbkFJ…) in the test of trufflehog's OpenAI admin-key detector: negatives for that detector, OpenAI credentials all the same";
const PINECONE =
  'a pcsk_ Pinecone key; trufflehog bars a 4-character key ID or characters after a 63-character secret, lengths that Pinecone does not document, so keyscan does not bar them';
const NPM_KEY_FORM =
  'an npm legacy token (a UUID) after _authToken=; detect-secrets wants the exact //host/:_authToken key of .npmrc, but the token is the same credential in a mistyped key';
const FIREBASE_SDK_KEYS =
  "a well-formed Google API key (AIza + 35 characters) that Google publishes in the test suites of its Firebase SDKs; gitleaks allowlists these exact values, while keyscan's format rule reports every AIza key it sees (listing them by value would be a list of tokens)";
const MAILCHIMP_GITLEAKS_FN =
  'a Mailchimp API key (32 hex digits and the data centre); gitleaks lists it among its false positives with the comment "False Negative", that is, a key its own rule misses';

export const NOT_NEGATIVE = [
  { case: 'trufflehog/abstract', key: '399cee2c8027', reason: NAMED_RANDOM },
  { case: 'trufflehog/abstract', key: '7dc5250fb11c', reason: NAMED_RANDOM },
  { case: 'trufflehog/abuseipdb', key: '747090ecd74c', reason: NAMED_RANDOM },
  { case: 'trufflehog/abyssale', key: '1983470608a8', reason: NAMED_RANDOM },
  { case: 'trufflehog/abyssale', key: '94174164d149', reason: NAMED_RANDOM },
  { case: 'trufflehog/accuweather', key: 'ad3becf8e269', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/accuweather', key: 'f129ed9574de', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/accuweather', key: 'ea4c1034cb13', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/accuweather', key: 'ba5c800ae7a1', reason: NAMED_RANDOM },
  { case: 'trufflehog/accuweather', key: '8b860843ae28', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/adafruitio', key: '0a3cc735013b', reason: NAMED_RANDOM },
  { case: 'trufflehog/anypointoauth2', key: 'bfc80f5b1a37', reason: NAMED_RANDOM },
  { case: 'trufflehog/apideck', key: '47eb19d2d611', reason: STRIPE_IN_APIDECK },
  { case: 'trufflehog/apollo', key: '353653241310', reason: NAMED_RANDOM },
  { case: 'trufflehog/atlassiandatacenter', key: '11d2b11bc912', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/atlassiandatacenter', key: 'adc0a960129e', reason: JIRA_DC },
  { case: 'trufflehog/atlassiandatacenter', key: '167ead9f468e', reason: JIRA_DC },
  { case: 'trufflehog/atlassiandatacenter', key: '25f39b5156e1', reason: JIRA_DC },
  { case: 'trufflehog/atlassiandatacenter', key: 'b41fc7f4c25f', reason: JIRA_DC },
  { case: 'trufflehog/auth0oauth', key: 'c5709342b680', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/azureapimanagement', key: 'c98d03d81e76', reason: AZURE_APIM },
  { case: 'trufflehog/azureapimanagement', key: '47ad93a8bf3b', reason: AZURE_APIM },
  { case: 'trufflehog/azureapimanagement', key: 'f43c5016a591', reason: AZURE_APIM },
  { case: 'trufflehog/azurecontainerregistry', key: '4cdd60d29b00', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/azuredirectmanagementkey', key: 'f1e46f697f16', reason: NAMED_RANDOM },
  { case: 'trufflehog/azuresastoken', key: '2f96c508ca02', reason: AZURE_SAS },
  { case: 'trufflehog/azuresastoken', key: '49c9f011be24', reason: AZURE_SAS },
  { case: 'trufflehog/beamer', key: 'e5d23f66101a', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bitbar', key: '951e7bb433c9', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bitcoinaverage', key: '8c8434a116fa', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bitfinex', key: 'e79e3a7b7b4c', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bitlyaccesstoken', key: '4100c3638d5b', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bitmex', key: '2626b7fcbbed', reason: NAMED_RANDOM },
  { case: 'trufflehog/blocknative', key: 'da8cab9f87d2', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bombbomb', key: '9be8c2d806df', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/borgbase', key: 'e07fba0f1b0f', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/brandfetch', key: 'd09c8f69e044', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/buddyns', key: '4be5dd016680', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/budibase', key: 'bf5787e20229', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bugherd', key: '505f2b811a91', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/bugsnag', key: '4f8909da81bd', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/buildkite', key: '8d40fb47566a', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/clientary', key: '9cba6a108258', reason: NAMED_RANDOM },
  { case: 'trufflehog/cloudinary', key: 'd1a9e621baa6', reason: NAMED_RANDOM },
  { case: 'trufflehog/cloudflareapitoken', key: '589b76e4e769', reason: CLOUDFLARE_LEGACY },
  { case: 'trufflehog/cloudflareapitoken', key: '503489ec9aed', reason: NAMED_RANDOM },
  { case: 'trufflehog/cloudflareapitoken', key: '97f224435bb8', reason: CLOUDFLARE_EXTRA },
  { case: 'trufflehog/cloudflareapitoken', key: 'fb797e6ae68c', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/duo', key: '66f324115df3', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/duo', key: '62cdb2e1e62f', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/duo', key: 'f83689665b06', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/duo', key: 'b4c2bfd49e13', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/easyinsight', key: 'dbd723c4ab6b', reason: NAMED_RANDOM },
  { case: 'trufflehog/gitlaboauth2', key: '4cae5d84fead', reason: GITLAB_PAT_PREFIX },
  { case: 'trufflehog/gitlaboauth2', key: '1ba9b145939b', reason: NAMED_RANDOM },
  { case: 'trufflehog/gitlaboauth2', key: 'b07ddf4b6e8b', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/gitlaboauth2', key: 'a20761be5759', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/harness', key: '6b943115358d', reason: HARNESS_NO_KEYWORD },
  { case: 'trufflehog/harness', key: 'eb8f993b1c31', reason: HARNESS_SHORT },
  { case: 'trufflehog/heroku', key: 'fcc649c6bcba', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/jwt', key: 'e4d5ab710c53', reason: JWT_SIGNED },
  { case: 'trufflehog/jwt', key: 'd4a0f6dc0a10', reason: JWT_SIGNED },
  { case: 'trufflehog/kanbantool', key: '0ca989913400', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/keenio', key: '2c1a8d16798b', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/kraken', key: 'b7ce3475266c', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/lokalisetoken', key: '5adcc5a27504', reason: NAMED_RANDOM },
  { case: 'trufflehog/netlify', key: 'bc3ca51f4f1e', reason: REAL_SHAPE_NO_KEYWORD },
  { case: 'trufflehog/newrelicmobileapptoken', key: '7a1ae963252f', reason: NAMED_RANDOM },
  { case: 'trufflehog/newrelicpersonalapikey', key: 'cc7b1e603438', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/npmtoken', key: 'da42318efaa6', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/npmtokenv2', key: 'b732554e233c', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/openaiadmin', key: 'f147707019d3', reason: OPENAI_IN_ADMIN },
  { case: 'trufflehog/openaiadmin', key: 'feefca1a7b11', reason: OPENAI_IN_ADMIN },
  { case: 'trufflehog/pagerdutyapikey', key: 'b89217180447', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/percy', key: 'f023acec4a9b', reason: REAL_SHAPE_NO_KEYWORD },
  { case: 'trufflehog/pinecone', key: 'a87a6d9518ae', reason: PINECONE },
  { case: 'trufflehog/pinecone', key: 'fb1818f3a1e3', reason: PINECONE },
  { case: 'trufflehog/pushbulletapikey', key: 'cb47f550207d', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/salesforcerefreshtoken', key: '292f96022162', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/salesforcerefreshtoken', key: 'c8fc992163b7', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/salesforcerefreshtoken', key: 'a618488a9381', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/segmentapikey', key: '925711fbaca9', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/sonarcloud', key: '1579158ef4ef', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/sonarcloud', key: '09f32b9b4a03', reason: NAMED_RANDOM },
  { case: 'trufflehog/splunkobservabilitytoken', key: '3e89474f63cf', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/supabasetoken', key: '706da39d19aa', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/tableau', key: 'ce699a456dcb', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/tableau', key: 'b8b5159291c7', reason: REAL_SHAPE_NO_COMPANION },
  { case: 'trufflehog/telegrambottoken', key: '92cac368ab24', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/terraformcloudpersonaltoken', key: '801fc80bfd3c', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/user', key: 'ae2aea7bd118', reason: NAMED_RANDOM },
  { case: 'trufflehog/vagrantcloudpersonaltoken', key: 'beb8f74d7117', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/vultrapikey', key: 'e26e453dfee2', reason: ONE_CHAR_OFF },
  { case: 'trufflehog/weightsandbiases', key: 'd399e4898558', reason: NAMED_RANDOM },
  { case: 'trufflehog/xai', key: '614ae75146e9', reason: NAMED_RANDOM },
  { case: 'secretlint/aws', key: '20928592a752', reason: NAMED_RANDOM },
  { case: 'detect-secrets/npm', key: '8d8ca514bff7', reason: NPM_KEY_FORM },
  { case: 'detect-secrets/npm', key: 'a2556025b5b0', reason: NPM_KEY_FORM },
  { case: 'detect-secrets/npm', key: '5740d9b877bf', reason: NPM_KEY_FORM },
  { case: 'gitleaks/curl', key: '6bb7cbe6eda2', reason: JWT_BASIC },
  { case: 'gitleaks/gcp', key: 'ba4b6d2b04a5', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '29694fd5d812', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: 'bcc08b23a29b', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: 'ea7008580ee0', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: 'b2fbd8d6fe60', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: 'cd0c7ba6eda8', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: 'c0d84b875182', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '65d4ba11a4fc', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '9920fbb5cd3f', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '0b4e2bea8cfe', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '4a409f6aa0ab', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '8120845391ff', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '454d317743b4', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '208c6097d402', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/gcp', key: '1429061a4636', reason: FIREBASE_SDK_KEYS },
  { case: 'gitleaks/mailchimp', key: 'e564076d30c5', reason: MAILCHIMP_GITLEAKS_FN },
  { case: 'gitleaks/meraki', key: '0cfb41c80dd7', reason: NAMED_RANDOM },
  { case: 'gitleaks/meraki', key: 'dc5aac6fd6e3', reason: NAMED_RANDOM },
];
