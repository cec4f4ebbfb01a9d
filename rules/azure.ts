import type { RuleSpec } from '../src/catalogue/spec.js';

export const azureRules = [
  {
    id: 'azure-storage-account-key',
    description: 'Azure Storage account key in a connection string',
    provider: 'Azure',
    severity: 'critical',
    // Account keys are 64 random bytes, i.e. 88 base64 characters ending in "==".
    regex: /AccountKey\s*=\s*(?<secret>[A-Za-z0-9+/]{86}==)/i,
    keywords: ['accountkey'],
    entropy: 4.5,
    remediation: {
      revoke: 'https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/Microsoft.Storage%2FStorageAccounts',
      rotate:
        'Rotate the key under the storage account’s Security + networking → Access keys (switch clients to the other key first), then prefer Entra ID or SAS with expiry over account keys.',
    },
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage'],
    tags: ['cloud'],
    examples: {
      positive: [
        'DefaultEndpointsProtocol=https;AccountName=demo{{lowalnum:6}};AccountKey={{b64:86}}==;EndpointSuffix=core.windows.net',
        'AZURE_STORAGE_CONNECTION_STRING="AccountName=x;AccountKey={{b64:86}}=="',
      ],
      negative: ['DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<your-account-key>', 'AccountKey={{b64:40}}=='],
    },
  },
  {
    id: 'azure-entra-client-secret',
    description: 'Microsoft Entra ID (Azure AD) application client secret',
    provider: 'Azure',
    severity: 'critical',
    // Client secrets carry "Q~" after a 3-character prefix and a digit.
    regex: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    keywords: ['q~'],
    entropy: 3.5,
    remediation: {
      revoke: 'https://portal.azure.com/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/RegisteredApps',
      rotate:
        'Delete the secret under the app registration’s Certificates & secrets, add a new one with a short expiry (or switch to a certificate or managed identity), and deploy it.',
    },
    references: ['https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials'],
    tags: ['cloud'],
    examples: {
      positive: ['{{alnum:3}}8Q~{{alnum:34}}', 'AZURE_CLIENT_SECRET={{alnum:3}}7Q~{{alnum:31}}'],
      negative: ['{{alnum:3}}8Q~{{alnum:10}}', 'abc8Q~'],
    },
  },
] satisfies readonly RuleSpec[];
