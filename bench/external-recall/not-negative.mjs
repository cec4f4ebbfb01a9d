// External negative cases that keyscan flags and should: the other project marks them negative
// for reasons of its own detector (its keyword is too far away, a companion value such as a
// client ID or host is missing or malformed, it does not report HMAC-signed tokens), yet the case
// holds a credential of a valid format: a well-formed token, or the value the other detector's
// own test calls a "valid pattern". Precision is printed raw and with these set apart. `case` is
// the external source/detector, `key` the case's targetKey(case, null) (a hash of the case: no
// token is written here). Each was read by hand against keyscan and these sources' HEADs of
// December 2026; a key that no longer matches any case is simply unused.
//
// What is NOT set apart (re-audited December 2026): a token one edit away from a valid one (a
// character outside the provider's alphabet such as ?, %, ^, $, !, @, a character too few or too
// many, a truncated signature, a value cut from a longer base64 run, an AWS secret key of 56
// characters, a Meraki key that is no 40 hex digits). Those are not credentials; where keyscan
// flags them it is a false positive and counts against raw and set-apart precision alike.

/** trufflehog's "valid pattern - out of prefix range" and similar: the value is that detector's valid format. */
const VALID_FAR_KEYWORD =
  'the value is in the other detector\'s own valid format (its test calls it a "valid pattern") and is assigned to API_KEY or a token\'s name; the case is negative only because that detector wants its keyword within a few characters';
const VALID_LOW_ENTROPY =
  'the value is in the other detector\'s own valid format (its test calls it a "valid pattern"), under API_KEY; that detector drops it for its Shannon-entropy threshold, which is its heuristic, not the provider\'s format';
const REAL_SHAPE_NO_KEYWORD =
  "a well-formed credential of the provider's prefixed format; the other detector's test only says that its keyword (the provider's name) is missing or too far away";
const BBDC_NO_URL =
  'a Bitbucket Data Center HTTP access token (BBDC- and 44 base64 characters); trufflehog wants the server URL beside it, yet the token is the credential';
const DUO_SKEY =
  "a Duo secret key (40 characters) under DUO_SKEY; trufflehog's negative is about the integration key or API host beside it (missing, too short, another domain), not the secret key";
const AZURE_APIM_HOST =
  'an Azure API Management git password of the documented form (git&<12-digit expiry>&<88-character base64 signature>) under PASSWORD=; trufflehog only rejects the host beside it';
const CLOUDFLARE_LEGACY =
  "a Cloudflare API token of the pre-2026 format (40 characters of [A-Za-z0-9_-]) under CLOUDFLARE_API_TOKEN; trufflehog's v2 detector knows only the cfut_/cfat_ format (its v1 detector reports this shape)";
const APPCUES_USER =
  "an Appcues API key (the same value as the test's valid pattern) on its own 'Using appcues Key=' line; trufflehog's case is negative only because the API secret beside it (its 'User=' value) holds an underscore, not because of the key";
const CLOUDINARY_SECRET =
  "a Cloudinary API secret (27 base64url characters) under cloudinary_apiSecret, the same value as the test's positive; trufflehog's negative is only that the API key is too far away";
const EASYINSIGHT_PAIR =
  'an Easy Insight key and ID (20 characters each, joined by |) under token, the pair the test itself calls a valid pattern; trufflehog wants its keyword nearer';
const GITLAB_OAUTH =
  'a GitLab OAuth application secret of the documented form (gloas- and 64 hex digits, SecureRandom.hex(32)); trufflehog also wants a well-formed client_id beside it';
const HARNESS_NO_KEYWORD =
  "a well-formed Harness token (pat.<account>.<token id>.<secret>); trufflehog's test only says that the word harness is missing";
const JWT_SIGNED =
  'a well-formed HMAC-signed JWT (a JSON header, JSON claims, a signature) without an expiry; trufflehog does not report tokens that it cannot verify without the key, yet a signed token that never expires is a bearer credential';
const JWT_BASIC =
  "a well-formed signed JWT sent in an Authorization header; gitleaks' curl rule marks it negative because the header says Basic, not because it is no token";
const APIDECK_KEY =
  "an Apideck API key (sk_live_ and 93 characters of [A-Za-z0-9-], the shape of the test's own valid keys); the case is negative because the application ID beside it holds an underscore. keyscan reports it under stripe-secret-key, cut at the hyphen: the right leak under the wrong provider (no Apideck rule yet)";
const OPENAI_IN_ADMIN =
  "OpenAI API keys (sk-… with T3BlbkFJ inside) in the test of trufflehog's OpenAI admin-key detector: negatives for that detector, OpenAI credentials all the same";
const PERCY =
  "a Percy token (64 characters) right after PERCY_TOKEN=; trufflehog's case is named 'key out of prefix range' because its lowercase keyword percy is a line away, yet the variable names the provider";
const PINECONE =
  "a pcsk_ Pinecone key (pcsk_<key id>_<secret>); trufflehog bars a 4-character key ID or a secret longer than 64 characters, but Pinecone's documentation gives no lengths, so keyscan cannot call these malformed";
const SALESFORCE_REFRESH =
  "a Salesforce refresh token (87 characters) under a Salesforce refresh-token name; trufflehog's negatives are about the consumer key and secret beside it (missing, malformed, too short), not the refresh token";
const TABLEAU_PAT =
  "a Tableau personal access token secret of the form Tableau issues (22 base64 characters, ==, a colon, 32 characters); trufflehog also wants the token's name or a tableau.com server";
const USER_TOKEN =
  "a 64-character random value under 'user token'; trufflehog's detector wants the service URL beside it, yet the token is the credential";
const NPM_KEY_FORM =
  "an npm legacy token (a UUID, the same value as detect-secrets' positive) after _authToken=; detect-secrets wants the exact //host/:_authToken key of .npmrc, but the token is the same credential in a mistyped key";
const FIREBASE_SDK_KEYS =
  "a well-formed Google API key (AIza + 35 characters) that Google publishes in the test suites of its Firebase SDKs; gitleaks allowlists these exact values, while keyscan's format rule reports every AIza key it sees (listing them by value would be a list of tokens)";
const MAILCHIMP_GITLEAKS_FN =
  'a Mailchimp API key (32 hex digits and the data centre); gitleaks lists it among its false positives with the comment "False Negative", that is, a key its own rule misses';

export const NOT_NEGATIVE = [
  { case: 'trufflehog/abstract', key: '399cee2c8027', reason: VALID_FAR_KEYWORD },
  { case: 'trufflehog/abuseipdb', key: '747090ecd74c', reason: VALID_FAR_KEYWORD },
  { case: 'trufflehog/abyssale', key: '1983470608a8', reason: VALID_FAR_KEYWORD },
  { case: 'trufflehog/accuweather', key: 'ad3becf8e269', reason: VALID_FAR_KEYWORD },
  { case: 'trufflehog/accuweather', key: 'ea4c1034cb13', reason: VALID_LOW_ENTROPY },
  { case: 'trufflehog/accuweather', key: 'ba5c800ae7a1', reason: VALID_FAR_KEYWORD },
  { case: 'trufflehog/apideck', key: '47eb19d2d611', reason: APIDECK_KEY },
  { case: 'trufflehog/atlassiandatacenter', key: '11d2b11bc912', reason: BBDC_NO_URL },
  { case: 'trufflehog/azureapimanagement', key: 'c98d03d81e76', reason: AZURE_APIM_HOST },
  { case: 'trufflehog/cloudflareapitoken', key: '589b76e4e769', reason: CLOUDFLARE_LEGACY },
  { case: 'trufflehog/cloudinary', key: 'd1a9e621baa6', reason: CLOUDINARY_SECRET },
  { case: 'trufflehog/appcues', key: 'cd4675fec127', reason: APPCUES_USER },
  { case: 'trufflehog/duo', key: '66f324115df3', reason: DUO_SKEY },
  { case: 'trufflehog/duo', key: '62cdb2e1e62f', reason: DUO_SKEY },
  { case: 'trufflehog/duo', key: 'f83689665b06', reason: DUO_SKEY },
  { case: 'trufflehog/duo', key: 'b4c2bfd49e13', reason: DUO_SKEY },
  { case: 'trufflehog/easyinsight', key: 'dbd723c4ab6b', reason: EASYINSIGHT_PAIR },
  { case: 'trufflehog/gitlaboauth2', key: 'b07ddf4b6e8b', reason: GITLAB_OAUTH },
  { case: 'trufflehog/gitlaboauth2', key: 'a20761be5759', reason: GITLAB_OAUTH },
  { case: 'trufflehog/harness', key: '6b943115358d', reason: HARNESS_NO_KEYWORD },
  { case: 'trufflehog/jwt', key: 'e4d5ab710c53', reason: JWT_SIGNED },
  { case: 'trufflehog/jwt', key: 'd4a0f6dc0a10', reason: JWT_SIGNED },
  { case: 'trufflehog/netlify', key: 'bc3ca51f4f1e', reason: REAL_SHAPE_NO_KEYWORD },
  { case: 'trufflehog/openaiadmin', key: 'f147707019d3', reason: OPENAI_IN_ADMIN },
  { case: 'trufflehog/openaiadmin', key: 'feefca1a7b11', reason: OPENAI_IN_ADMIN },
  { case: 'trufflehog/percy', key: 'f023acec4a9b', reason: PERCY },
  { case: 'trufflehog/pinecone', key: 'a87a6d9518ae', reason: PINECONE },
  { case: 'trufflehog/pinecone', key: 'fb1818f3a1e3', reason: PINECONE },
  { case: 'trufflehog/salesforcerefreshtoken', key: '292f96022162', reason: SALESFORCE_REFRESH },
  { case: 'trufflehog/salesforcerefreshtoken', key: 'c8fc992163b7', reason: SALESFORCE_REFRESH },
  { case: 'trufflehog/salesforcerefreshtoken', key: 'a618488a9381', reason: SALESFORCE_REFRESH },
  { case: 'trufflehog/tableau', key: 'ce699a456dcb', reason: TABLEAU_PAT },
  { case: 'trufflehog/tableau', key: 'b8b5159291c7', reason: TABLEAU_PAT },
  { case: 'trufflehog/teamworkcrm', key: 'e5bfedd651ca', reason: REAL_SHAPE_NO_KEYWORD },
  { case: 'trufflehog/teamworkdesk', key: '2c30a6ab43ab', reason: REAL_SHAPE_NO_KEYWORD },
  { case: 'trufflehog/teamworkspaces', key: '15f41ca24c18', reason: REAL_SHAPE_NO_KEYWORD },
  { case: 'trufflehog/user', key: 'ae2aea7bd118', reason: USER_TOKEN },
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
];
