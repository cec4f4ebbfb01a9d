import type { RuleSpec } from '../src/catalogue/spec.js';

export const genericRules = [
  {
    id: 'generic-secret-assignment',
    description: 'High-entropy value assigned to a secret-looking name',
    provider: 'Generic',
    severity: 'medium',
    // Starts at the secret-ish word (a fast literal scan); the rest of the name, which the
    // validator reads, is taken from the text before the match. The pattern ends at the value's
    // first character: the value's syntax (src/engine/value-syntax.ts) says where it ends, so a
    // quoted value may hold any character and code is never read as a value. Starts that are
    // never a literal (`"<TOKEN>"`, bare `$VAR`, `(`, `{`, `[`, `@x`) are left out here, where it is cheap.
    regex:
      /(?:password|passwd|passphrase|pass(?![a-z])|pwd(?![a-z])|secret|token|api[_.-]?key|apikey|access[_.-]?key|auth[_.-]?key|client[_.-]?secret|credentials?|private[_.-]?key|(?:signing|encryption|master|session)[_.-]?key)[A-Za-z0-9_.-]{0,30}(?:["'`]?\]?\s{0,5}(?:\?\?=|\|\|=|:=|=>|=|:)|["'`]\s{0,5},|["'`]?[ \t]*\r?\n[ \t]*value:|["']\s+value\s*=|>)[ \t]{0,24}(?<secret>["'`](?![\s<])|[^\s"'`<$({[@;,)\]}])/i,
    keywords: [
      'password',
      'passwd',
      'passphrase',
      'pass',
      'pwd',
      'secret',
      'token',
      'api_key',
      'apikey',
      'api-key',
      'api.key',
      'access_key',
      'accesskey',
      'auth_key',
      'authkey',
      'credential',
      'private_key',
      'privatekey',
      'signing_key',
      'signingkey',
      'encryption_key',
      'encryptionkey',
      'master_key',
      'masterkey',
      'session_key',
    ],
    // Per alphabet, tuned with `npm run accuracy` and the node_modules check: random hex cannot
    // exceed 4 bits per character, random base64 approaches 6.
    entropy: { hex: 3.2, alnum: 3.6, base64: 3.9, other: 3.4 },
    maxLength: 300,
    // Names that are not secrets (ids, cursors, counters), and values that are not (identifiers,
    // type names, paths, member expressions, references to secret stores, encrypted blobs).
    validator: 'assigned-value',
    allowSecret: [
      // Words and identifiers, not random strings: short letters-only values, and longer ones in
      // one letter case. Mixed-case letters of 20+ are left to the identifier test (a key may be
      // letters only: 20 random base52 letters are a word by it 0.35% of the time).
      /^[A-Za-z_$.-]{1,19}$|^[a-z_$.-]+$|^[A-Z_$.-]+$/,
      /password|passwd|secret|token|credential|api_?key|private_?key/i, // a name, not a value
      /^(?:urn|arn):|^[a-z][a-z0-9+.-]*:\/\//i, // URNs, ARNs and URLs
      /^\d{4}-\d{2}-\d{2}/, // dates
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs
      /^(?:this|self|config|cfg|settings|env|options|opts|params|props|process|os|ctx|context|req|request)\./i,
      /^(?:sha\d+|md5)[-:]/i, // integrity hashes
    ],
    remediation: {
      revoke: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
      rotate:
        'Find out which system issued the value, revoke or change it there, and load the replacement from the environment or a secret manager instead of source code.',
    },
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    tags: ['generic'],
    examples: {
      positive: [
        'password = "{{alnum:20}}"',
        'const apiKey = "{{alnum:32}}";',
        'CLIENT_SECRET: {{b64url:40}}',
        'db.password={{alnum:16}}',
        'DB_PASS={{password:18}}',
        'SECRET_KEY_BASE={{hex:64}}',
        // Lowercase base36, as many small APIs issue keys: no run of its letters is a word.
        "weather_api_key = '{{lowalnum:32}}'",
        'GEOCODER_TOKEN={{lowalnum:20}}',
        // Quoted values hold any character: Django keys and WordPress salts.
        "SECRET_KEY = '{{django:50}}'",
        "define( 'SECURE_AUTH_KEY',  '{{wpsalt:64}}' );",
      ],
      negative: [
        'password = os.getenv("DB_PASSWORD")',
        'token: string',
        'const secret = process.env.SECRET_KEY;',
        'api_key = "your_api_key_here"',
        'session_token = "123e4567-e89b-12d3-a456-426614174000"',
        'password: this.passwordField',
        'password = "aaaaaaaaaaaaaaaa"',
        // An empty value ends at the line: the next line is another variable (env templates).
        'DB_PASSWORD=\n\nREDIS_HOST=127.0.0.1\nAPI_SECRET=\nDATABASE_URL=postgres://localhost:5432/{{alnum:12}}',
        'KdcAdminPassword: XmlStringMaxLen256;',
        'apiKey: SensitiveString2048;',
        '"nextToken": "{{b64:40}}=="',
        'private_key_path = "/etc/ssl/private/server.key"',
        'GOOGLE_APPLICATION_CREDENTIALS=/path/to/config.json',
        'exports.token_v2beta = exports.iam_v2beta',
        '"integrity": "sha512-{{b64:86}}=="',
        'access_key_id = "{{upalnum:20}}"',
        'password = "ENC[AES256_GCM,data:{{b64:24}},iv:{{b64:43}}=,type:str]"',
        'db_password = "op://Production/postgres/password"',
        'token_url = "https://oauth2.googleapis.com/token"',
        'max_tokens = 4096000000000',
        // Code, not values (each reported on real published code before values were parsed).
        'EmailAuthProvider.EMAIL_LINK_SIGN_IN_METHOD=EmailAuthProvider.EMAIL_LINK;',
        'INVALID_PENDING_TOKEN:"invalid-credential",FEDERATED_USER_ID_ALREADY_LINKED:"credential-already-in-use",',
        'var CancelToken = /*#__PURE__*/function () {',
        'aclGenPass: ACL_GENPASS_1.default,',
        '{tokenStart:3174861,tokenEnd:3174899}',
        'usage: mysql [--user=<user>] [--password=<password>]',
        'const InvalidUser = PasswordBroker::INVALID_USER;',
        "api_password=dict(type='str', no_log=True),",
        '<img src="https://badges.example.org/rating.svg?token={{b64:43}}=" alt="rating">',
        'credential={{base64}}alice:secret-passwd{{/base64}}',
        'password: AbcDef123!@#',
        '<input type="hidden" name="authenticity_token" value="{{b64url:64}}" />',
      ],
    },
  },
] satisfies readonly RuleSpec[];
