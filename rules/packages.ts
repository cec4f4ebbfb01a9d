import type { RuleSpec } from '../src/catalogue/spec.js';

export const packageRegistryRules = [
  {
    id: 'npm-access-token',
    description: 'npm access token',
    provider: 'npm',
    severity: 'critical',
    regex: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/,
    keywords: ['npm_'],
    entropy: 3.5,
    remediation: {
      revoke: 'https://www.npmjs.com/settings/~/tokens',
      rotate:
        'Delete the token (npm token revoke or the Access Tokens page), create a granular token with the narrowest packages and expiry, and check your packages for versions you did not publish.',
    },
    references: ['https://docs.npmjs.com/about-access-tokens'],
    tags: ['package-registry'],
    examples: {
      positive: ['npm_{{alnum:36}}', '//registry.npmjs.org/:_authToken=npm_{{alnum:36}}'],
      negative: ['npm_{{alnum:20}}', 'npm_install_dependencies_for_the_project'],
    },
  },
  {
    id: 'pypi-upload-token',
    description: 'PyPI API token',
    provider: 'PyPI',
    severity: 'critical',
    // A macaroon whose base64 starts with the serialised location "pypi.org".
    regex: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300})(?![A-Za-z0-9_-])/,
    keywords: ['pypi-ageichlwas5vcmc'],
    entropy: 4,
    maxLength: 600,
    remediation: {
      revoke: 'https://pypi.org/manage/account/token/',
      rotate: 'Remove the token on PyPI, prefer Trusted Publishing, or create a project-scoped token and store it as a CI secret.',
    },
    references: ['https://pypi.org/help/#apitoken'],
    tags: ['package-registry'],
    examples: {
      positive: ['pypi-AgEIcHlwaS5vcmc{{b64url:120}}', 'password = pypi-AgEIcHlwaS5vcmc{{b64url:70}}'],
      negative: ['pypi-AgEIcHlwaS5vcmc{{b64url:20}}', 'pypi-{{b64url:80}}'],
    },
  },
] satisfies readonly RuleSpec[];
