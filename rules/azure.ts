/**
 * Azure and Microsoft Entra ID credentials: account keys in connection strings, Entra client secrets,
 * and the identifiable keys Azure services have issued since 2023 (a fixed 4-character signature at
 * a fixed position, and a checksum), which are recognisable without context. Signatures and layouts
 * from Microsoft's security-utilities (the patterns Azure itself scans for).
 */
import type { RuleSpec } from '../src/catalogue/spec.js';
import { custom, type RuleInfo } from './define.js';

const references = ['https://learn.microsoft.com/en-us/purview/sit-defn-all-creds', 'https://github.com/microsoft/security-utilities'];
const B64 = 'A-Za-z0-9+/';
const tags = ['cloud'];

interface Identifiable {
  readonly id: string;
  readonly service: string;
  readonly signature: string;
  /** 88: 76 + signature + 5 + [AQgw] + '=='; 44: 33 + signature + [A-P] + 5 + '='. */
  readonly layout: 88 | 44;
  readonly revoke: string;
  readonly rotate: string;
}

const escapePlus = (s: string): string => s.replace(/[+]/g, '\\+');

function identifiable(k: Identifiable): RuleSpec {
  const body =
    k.layout === 88
      ? `[${B64}]{76}${escapePlus(k.signature)}[${B64}]{5}[AQgw]==`
      : `[${B64}]{33}${escapePlus(k.signature)}[A-P][${B64}]{5}=`;
  const example = k.layout === 88 ? `{{b64:76}}${k.signature}{{b64:5}}Q==` : `{{b64:33}}${k.signature}B{{b64:5}}=`;
  const near = k.layout === 88 ? `{{b64:76}}${k.signature}{{b64:5}}Z==` : `{{b64:33}}${k.signature}Z{{b64:5}}=`;
  const info: RuleInfo = {
    id: k.id,
    description: `${k.service} access key`,
    provider: 'Azure',
    severity: 'critical',
    tags,
    revoke: k.revoke,
    rotate: k.rotate,
    references,
    entropy: 4,
    positive: [example, `AZURE_KEY="${example}"`],
    negative: [near, `{{b64:20}}${k.signature}{{b64:5}}=`],
  };
  return custom(info, {
    regex: new RegExp(`(?<![${B64}_-])(?<secret>${body})(?![${B64}=_-])`),
    keywords: [k.signature.toLowerCase()],
  });
}

const portal = 'https://portal.azure.com/';
const regenerate = (what: string): string =>
  `Regenerate the ${what} in the Azure portal (switch clients to the secondary key first), deploy it, and prefer Microsoft Entra ID authentication where the service supports it.`;

export const azureRules: readonly RuleSpec[] = [
  custom(
    {
      id: 'azure-storage-account-key',
      description: 'Azure Storage account key (in a connection string or assigned to an account/storage key name)',
      provider: 'Azure',
      severity: 'critical',
      tags: ['cloud'],
      revoke: 'https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/Microsoft.Storage%2FStorageAccounts',
      rotate:
        'Rotate the key under the storage account’s Security + networking → Access keys (switch clients to the other key first), then prefer Entra ID or SAS with expiry over account keys.',
      references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage'],
      entropy: 4.5,
      positive: [
        'DefaultEndpointsProtocol=https;AccountName=demo{{lowalnum:6}};AccountKey={{b64:86}}==;EndpointSuffix=core.windows.net',
        'AZURE_STORAGE_CONNECTION_STRING="AccountName=x;AccountKey={{b64:86}}=="',
        '{"accountName":"demo{{lowalnum:6}}","accountKey":"{{b64:86}}=="}',
        'settings.Add("AccountKey", "{{b64:86}}==");',
        "'account_key' => '{{b64:86}}==',",
        '<account_key>{{b64:86}}==</account_key>',
        'storageAccountKey: {{b64:86}}==',
        'const key = process.env.ACCOUNT_KEY || "{{b64:86}}==";',
        'az-sync -storagekey {{b64:86}}== -container backups',
        'static const std::string AzuriteAccountKey{\n    "{{b64:86}}=="};',
        "assert.equal(parsed['AccountKey'], '{{b64:86}}==');",
        'static final String DEFAULT_ACCOUNT_KEY\n            = "{{b64:86}}==";',
        // A Kubernetes env entry: the name on one line, the value on the next.
        'env:\n  - name: AZURE_STORAGE_KEY\n    value: "{{b64:86}}=="',
      ],
      negative: [
        'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<your-account-key>',
        'AccountKey={{b64:40}}==',
        'storageAccountKey: {{b64:86}}',
        'account_name = "{{b64:86}}=="',
      ],
    },
    {
      // Account keys are 64 random bytes, i.e. 88 base64 characters ending in "==": long and
      // padded enough that the name of an account or storage key next to one is evidence.
      regex:
        /(?:account|storage)[_.-]?(?:account[_.-]?)?key["'`]?\]?(?:\s{0,16}(?::=|=>|\|\||[:=,({])\s{0,16}|>|[ \t]{1,3}|\s{1,16}value:[ \t]{0,4})["'`]?(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
      keywords: ['accountkey', 'account_key', 'account-key', 'account.key', 'storagekey', 'storage_key', 'storage-key'],
    },
  ),
  custom(
    {
      id: 'azure-app-configuration-connection-string',
      description: 'Azure App Configuration connection string (endpoint, credential id and secret)',
      provider: 'Azure',
      severity: 'critical',
      tags: ['cloud'],
      revoke: portal,
      rotate:
        'Regenerate the access key under the App Configuration store’s Settings → Access settings (switch clients to the secondary key first), then prefer Entra ID (managed identity) over access keys.',
      references: ['https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication'],
      entropy: 4,
      positive: [
        'connectionString: "Endpoint=https://{{lowalnum:10}}.azconfig.io;Id={{b64:12}};Secret={{b64:43}}="',
        'APP_CONFIG="Endpoint=https://conf-{{lowalnum:6}}.azconfig.io;Id=1-l0-s0:{{b64:20}};Secret={{b64:43}}="',
      ],
      negative: ['Endpoint=https://{{lowalnum:10}}.azconfig.io;Id={{b64:12}};Secret=', 'Endpoint=https://{{lowalnum:10}}.azconfig.io'],
    },
    {
      // The string Azure shows under Access settings: the store's endpoint, a credential id and its base64 secret.
      regex:
        /Endpoint=https:\/\/[A-Za-z0-9-]{1,63}\.azconfig\.io\/?;Id=[^;\s"'`]{1,64};Secret=(?<secret>[A-Za-z0-9+/]{30,88}={0,2})(?![A-Za-z0-9+/=])/,
      keywords: ['.azconfig.io;id='],
    },
  ),
  custom(
    {
      id: 'azure-entra-client-secret',
      description: 'Microsoft Entra ID (Azure AD) application client secret',
      provider: 'Azure',
      severity: 'critical',
      tags: ['cloud'],
      revoke: 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/RegisteredApps',
      rotate:
        'Delete the secret under the app registration’s Certificates & secrets, add a new one with a short expiry (or switch to a certificate or managed identity), and deploy it.',
      references: ['https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials'],
      entropy: 3.5,
      positive: ['{{alnum:3}}8Q~{{alnum:34}}', 'AZURE_CLIENT_SECRET={{alnum:3}}7Q~{{alnum:31}}'],
      negative: ['{{alnum:3}}8Q~{{alnum:10}}', 'abc8Q~'],
    },
    {
      // Client secrets carry "Q~" after a 3-character prefix and a digit.
      regex: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
      keywords: ['q~'],
    },
  ),
  identifiable({
    id: 'azure-storage-identifiable-key',
    service: 'Azure Storage account',
    signature: '+ASt',
    layout: 88,
    revoke: portal,
    rotate: regenerate('storage account key (Security + networking → Access keys)'),
  }),
  identifiable({
    id: 'azure-cosmosdb-key',
    service: 'Azure Cosmos DB',
    signature: 'ACDb',
    layout: 88,
    revoke: portal,
    rotate: regenerate('Cosmos DB key (Settings → Keys)'),
  }),
  identifiable({
    id: 'azure-batch-key',
    service: 'Azure Batch',
    signature: '+ABa',
    layout: 88,
    revoke: portal,
    rotate: regenerate('Batch account key'),
  }),
  identifiable({
    id: 'azure-ml-classic-key',
    service: 'Azure Machine Learning web service (classic)',
    signature: '+AMC',
    layout: 88,
    revoke: portal,
    rotate: regenerate('web service key'),
  }),
  identifiable({
    id: 'azure-apim-key',
    service: 'Azure API Management',
    signature: 'APIM',
    layout: 88,
    revoke: portal,
    rotate: regenerate('API Management subscription, gateway or management key'),
  }),
  identifiable({
    id: 'azure-relay-key',
    service: 'Azure Relay',
    signature: '+ARm',
    layout: 44,
    revoke: portal,
    rotate: regenerate('shared access policy key'),
  }),
  identifiable({
    id: 'azure-event-hubs-key',
    service: 'Azure Event Hubs',
    signature: '+AEh',
    layout: 44,
    revoke: portal,
    rotate: regenerate('shared access policy key'),
  }),
  identifiable({
    id: 'azure-service-bus-key',
    service: 'Azure Service Bus',
    signature: '+ASb',
    layout: 44,
    revoke: portal,
    rotate: regenerate('shared access policy key'),
  }),
  identifiable({
    id: 'azure-iot-key',
    service: 'Azure IoT Hub / device / provisioning',
    signature: 'AIoT',
    layout: 44,
    revoke: portal,
    rotate: regenerate('IoT shared access or device key'),
  }),
  identifiable({
    id: 'azure-redis-key',
    service: 'Azure Cache for Redis',
    signature: 'AzCa',
    layout: 44,
    revoke: portal,
    rotate: regenerate('cache access key'),
  }),
  identifiable({
    id: 'azure-event-grid-key',
    service: 'Azure Event Grid',
    signature: 'AZEG',
    layout: 44,
    revoke: portal,
    rotate: regenerate('topic or domain access key'),
  }),
  custom(
    {
      id: 'azure-function-key',
      description: 'Azure Functions access key',
      provider: 'Azure',
      severity: 'high',
      tags,
      revoke: portal,
      rotate: 'Renew the function or host key under the Function App’s App keys, and update its callers.',
      references,
      entropy: 4,
      positive: ['{{b64url:44}}AzFu{{b64url:5}}g==', 'x-functions-key: {{b64url:44}}AzFu{{b64url:5}}A=='],
      negative: ['{{b64url:44}}AzFu{{b64url:5}}z==', '{{b64url:20}}AzFu{{b64url:5}}g=='],
    },
    { regex: /(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==)(?![A-Za-z0-9_-])/, keywords: ['azfu'] },
  ),
  custom(
    {
      id: 'azure-search-key',
      description: 'Azure AI Search query or admin key',
      provider: 'Azure',
      severity: 'high',
      tags,
      revoke: portal,
      rotate: 'Regenerate the admin key (or delete the query key) under the search service’s Keys, and deploy the new one.',
      references,
      entropy: 4,
      positive: ['{{alnum:42}}AzSeB{{alnum:5}}', 'AZURE_SEARCH_KEY={{alnum:42}}AzSeA{{alnum:5}}'],
      negative: ['{{alnum:42}}AzSeZ{{alnum:5}}', '{{alnum:20}}AzSeB{{alnum:5}}'],
    },
    { regex: /(?<![A-Za-z0-9+/_-])(?<secret>[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5})(?![A-Za-z0-9+/=_-])/, keywords: ['azse'] },
  ),
  custom(
    {
      id: 'azure-container-registry-key',
      description: 'Azure Container Registry access key',
      provider: 'Azure',
      severity: 'high',
      tags,
      revoke: portal,
      rotate: 'Regenerate the registry password (Access keys) or token password, and prefer Entra ID or scoped tokens.',
      references,
      entropy: 4,
      positive: ['{{b64:42}}+ACRC{{b64:5}}', 'ACR_PASSWORD={{b64:42}}+ACRA{{b64:5}}'],
      negative: ['{{b64:42}}+ACRZ{{b64:5}}', '{{b64:20}}+ACRA{{b64:5}}'],
    },
    { regex: /(?<![A-Za-z0-9+/_-])(?<secret>[A-Za-z0-9+/]{42}\+ACR[A-D][A-Za-z0-9+/]{5})(?![A-Za-z0-9+/=_-])/, keywords: ['+acr'] },
  ),
  custom(
    {
      id: 'azure-cask-key',
      description: 'Azure key in the Common Annotated Security Key format (Azure AI services, Azure OpenAI and others)',
      provider: 'Azure',
      severity: 'critical',
      tags,
      revoke: portal,
      rotate:
        'Regenerate the key in the resource’s Keys and Endpoint page (use the second key meanwhile), deploy it, and prefer Entra ID authentication.',
      references: ['https://devblogs.microsoft.com/engineering-at-microsoft/common-annotated-security-keys/', ...references],
      entropy: 4,
      positive: [
        '{{alnum:52}}JQQJ99BC{{alnum:16}}{{lower:1}}{{alnum:7}}',
        'AZURE_OPENAI_API_KEY={{alnum:52}}JQQJ99AG{{alnum:16}}{{upper:1}}{{alnum:7}}',
      ],
      negative: ['{{alnum:52}}JQQJ99BC{{alnum:10}}', '{{alnum:52}}JQQX99BC{{alnum:16}}{{lower:1}}{{alnum:7}}'],
    },
    {
      regex:
        /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?)(?![A-Za-z0-9=])/,
      keywords: ['jqqj9'],
    },
  ),
  custom(
    {
      id: 'azure-sas-token',
      description: 'Azure shared access signature (SAS) token',
      provider: 'Azure',
      severity: 'high',
      tags,
      revoke: portal,
      rotate:
        'A SAS stays valid until it expires: rotate the account or policy key that signed it (or revoke the stored access policy / user delegation keys), and issue short-lived SAS tokens instead.',
      references: [
        'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview',
        'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas',
        'https://learn.microsoft.com/en-us/rest/api/storageservices/create-account-sas',
      ],
      entropy: 4,
      positive: [
        'https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig={{b64:43}}%3D',
        'AZURE_SAS="?sv=2021-08-06&sr=c&sp=racwdl&se=2031-02-01&sig={{b64url:43}}="',
        'SAS_TOKEN=sp=rl&st=2025-03-10T06:58:25Z&se=2025-03-10T14:58:25Z&sip=168.1.5.60-168.1.5.70&spr=https&sv=2022-11-02&sr=c&sig={{b64:43}}%3D',
      ],
      negative: [
        '?sv=2022-11-02&ss=b&sig=<signature>',
        'https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r',
        // Letters no SAS document defines, and an IP that is none: Azure refuses the token.
        '?sv=2022-11-02&sr=c&sp=rqx&sig={{b64:43}}%3D',
        '?sv=2022-11-02&sr=c&sp=rl&sip=168.1.6&sig={{b64:43}}%3D',
      ],
      validator: 'azure-sas',
    },
    { regex: /[?&]sv=\d{4}-\d\d-\d\d&[^\s"'<>]{0,400}?sig=(?<secret>[A-Za-z0-9%+/_-]{40,100}(?:=|%3D){0,2})/i, keywords: ['sv=20'] },
  ),
  custom(
    {
      id: 'azure-shared-access-key',
      description: 'Azure Service Bus, Event Hubs or Relay connection string with a shared access key',
      provider: 'Azure',
      severity: 'critical',
      tags,
      revoke: portal,
      rotate:
        'Regenerate the shared access policy’s key (switch to the secondary connection string first) and prefer Entra ID authentication.',
      references: ['https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas'],
      entropy: 4,
      positive: [
        'SharedAccessKeyName=send;SharedAccessKey={{b64:43}}=',
        'EVENTHUB_CONN="Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{b64:43}}=;EntityPath=orders"',
      ],
      negative: [
        'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>',
        'SharedAccessKey={{b64:10}}=',
      ],
    },
    { regex: /SharedAccessKey\s*=\s*(?<secret>[A-Za-z0-9+/]{42,43}=)(?![A-Za-z0-9+/=])/i, keywords: ['sharedaccesskey'] },
  ),
];
