import type { RuleSpec } from '../src/catalogue/spec.js';

export const jwtRules = [
  {
    id: 'jwt',
    description: 'JSON Web Token',
    provider: 'Generic',
    severity: 'medium',
    // Header and payload are base64url JSON objects, so both start with "eyJ" ({").
    regex: /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{16,2000})(?![A-Za-z0-9_-])/,
    keywords: ['eyj'],
    entropy: 4,
    maxLength: 12000,
    // The header must decode to a JSON object naming its algorithm and the payload to a JSON
    // object of claims: not any eyJ….eyJ….… string.
    validator: 'jwt',
    remediation: {
      revoke: 'https://datatracker.ietf.org/doc/html/rfc7519',
      rotate:
        'A signed token stays valid until it expires: revoke the session or refresh token it belongs to at its issuer, rotate the signing key if the token never expires, and do not commit tokens.',
    },
    references: ['https://datatracker.ietf.org/doc/html/rfc7519'],
    tags: ['token'],
    examples: {
      positive: [
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{{base64url}}{"sub":"{{alnum:12}}","iat":1733100000}{{/base64url}}.{{b64url:43}}',
        'Authorization: Bearer {{base64url}}{"alg":"RS256"}{{/base64url}}.{{base64url}}{"iss":"https://auth.{{lowalnum:8}}.io","sub":"{{alnum:16}}","exp":4102444800,"scope":"read write"}{{/base64url}}.{{b64url:342}}',
      ],
      negative: [
        'eyJhbGciOiJIUzI1NiJ9',
        'eyJhbGciOiJIUzI1NiJ9.eyJ{{b64url:40}}',
        // The payload is no JSON object: eyJ and then bytes that decode to nothing.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{{b64url:60}}.{{b64url:43}}',
        // jwt.io's sample claims (subject 1234567890, John Doe), whatever the signature.
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{{base64url}}{"sub":"1234567890","name":"John Doe","admin":true,"iat":{{digit:10}}}{{/base64url}}.{{b64url:43}}',
      ],
    },
  },
] satisfies readonly RuleSpec[];
