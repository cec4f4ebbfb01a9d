/**
 * Password hashes: not a credential that works as it is, but an offline cracking target (weak
 * and reused passwords fall in minutes), so each format is a finding of its own id at a lower
 * severity than a password. The formats are self-describing (`$2b$12$…`, `pbkdf2_sha256$…`);
 * test suites, examples and docs are left out, since hash libraries ship test vectors by the dozen.
 */
import type { RuleSpec } from '../src/catalogue/spec.js';

/** Everywhere but test suites and documentation examples (a Django `fixtures/` directory seeds real databases). */
const NOT_TESTS =
  /^(?!(?:[^/]*\/)*(?:tests?|specs?|__tests__|__fixtures__|testdata|test-data|testing|examples?|docs?)\/)(?!(?:[^/]*\/)*[^/]*[._-](?:test|spec)\.[^/]*$)/i;

const rotate =
  'Change the password of the account the hash belongs to (and wherever the same password was reused), then remove the hash from the repository: a committed hash stays crackable offline for as long as the password is in use.';
const revoke = 'https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html';
const tags = ['password-hash'];
const path = 'db/seed.sql';

function hashRule(r: Omit<RuleSpec, 'provider' | 'severity' | 'path' | 'remediation' | 'tags'> & { readonly provider?: string }): RuleSpec {
  return {
    provider: 'Generic',
    severity: 'medium',
    path: NOT_TESTS,
    // Also git's `t/`, manuals (`.md`, `Documentation/`, `guides/`) and `# => "$2a$…"` comments.
    validator: 'outside-examples',
    remediation: { revoke, rotate },
    tags,
    ...r,
  };
}

const B = '[./A-Za-z0-9]';

export const passwordHashRules: readonly RuleSpec[] = [
  hashRule({
    id: 'bcrypt-hash',
    description: 'bcrypt password hash',
    regex: new RegExp(`(?<![\\w$./])(?<secret>\\$2[aby]\\$\\d{2}\\$${B}{53})(?!${B})`),
    keywords: ['$2a$', '$2b$', '$2y$'],
    references: ['https://www.usenix.org/legacy/events/usenix99/provos/provos.pdf', revoke],
    examples: {
      positive: ["INSERT INTO users (email, password) VALUES ('jane@example.org', '$2b$12${{alnum:53}}');", 'admin:$2y$10${{alnum:53}}'],
      negative: ['$2b$12${{alnum:40}}', 'price: $2b$ per unit'],
      path,
    },
  }),
  hashRule({
    id: 'sha-crypt-hash',
    description: 'SHA-256/SHA-512 crypt or yescrypt password hash (/etc/shadow style)',
    regex: new RegExp(
      `(?<![\\w$])(?<secret>\\$(?:[56]\\$(?:rounds=\\d{1,9}\\$)?${B}{1,16}\\$(?:${B}{86}|${B}{43})|y\\$${B}{1,32}\\$${B}{1,64}\\$${B}{43}))(?!${B})`,
    ),
    keywords: ['$5$', '$6$', '$y$'],
    references: ['https://www.akkadia.org/drepper/SHA-crypt.txt', 'https://man7.org/linux/man-pages/man5/shadow.5.html'],
    examples: {
      positive: [
        'root:$6${{alnum:16}}${{alnum:86}}:19000:0:99999:7:::',
        'deploy:$y$j9T${{alnum:22}}${{alnum:43}}:19500:0:99999:7:::',
        "password_hash: '$5$rounds=5000${{alnum:16}}${{alnum:43}}'",
      ],
      negative: ['root:!:19000:0:99999:7:::', '$6${{alnum:16}}${{alnum:20}}'],
      path,
    },
  }),
  hashRule({
    id: 'md5-crypt-hash',
    description: 'MD5-crypt or Apache apr1 password hash',
    regex: new RegExp(`(?<![\\w$])(?<secret>\\$(?:1|apr1)\\$${B}{1,8}\\$${B}{22})(?!${B})`),
    keywords: ['$1$', '$apr1$'],
    references: ['https://httpd.apache.org/docs/2.4/misc/password_encryptions.html'],
    examples: {
      positive: ['jane:$apr1${{alnum:8}}${{alnum:22}}', 'user ftp { password: "$1${{alnum:8}}${{alnum:22}}" }'],
      negative: ['$1${{alnum:8}}${{alnum:10}}', 'costs $1$ each'],
      path: 'conf/users.txt',
    },
  }),
  hashRule({
    id: 'django-password-hash',
    description: 'Django password hash (PBKDF2, Argon2 or bcrypt-SHA256)',
    provider: 'Django',
    regex: new RegExp(
      `(?<![\\w$])(?<secret>pbkdf2_sha(?:256|1)\\$\\d{4,7}\\$[A-Za-z0-9./+]{1,128}\\$[A-Za-z0-9+/]{43}=|argon2\\$argon2(?:id|i|d)\\$v=\\d{1,3}\\$m=\\d{1,10},t=\\d{1,10},p=\\d{1,3}\\$[A-Za-z0-9+/]{8,128}\\$[A-Za-z0-9+/]{16,512}|bcrypt_sha256\\$\\$2[aby]\\$\\d{2}\\$${B}{53})(?![A-Za-z0-9+/=])`,
    ),
    keywords: ['pbkdf2_sha', 'argon2$argon2', 'bcrypt_sha256$'],
    references: ['https://docs.djangoproject.com/en/stable/topics/auth/passwords/#how-django-stores-passwords'],
    examples: {
      positive: [
        '{"model": "auth.user", "pk": 1, "fields": {"password": "pbkdf2_sha256$600000${{alnum:22}}${{b64:43}}=", "username": "admin"}}',
        "password = 'argon2$argon2id$v=19$m=102400,t=2,p=8${{alnum:22}}${{b64:43}}'",
      ],
      negative: ['pbkdf2_sha256$600000$salt$short=', 'algorithm = "pbkdf2_sha256"'],
      path: 'app/fixtures.json',
    },
  }),
  hashRule({
    id: 'argon2-hash',
    description: 'Argon2 password hash (PHC string format)',
    regex:
      /(?<![\w$])(?<secret>\$argon2(?:id|i|d)\$v=\d{1,3}\$m=\d{1,10},t=\d{1,10},p=\d{1,3}\$[A-Za-z0-9+/]{8,128}\$[A-Za-z0-9+/]{16,512})(?![A-Za-z0-9+/=])/,
    keywords: ['$argon2'],
    references: ['https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md', 'https://www.rfc-editor.org/rfc/rfc9106'],
    examples: {
      positive: [
        "UPDATE accounts SET pw = '$argon2id$v=19$m=65536,t=3,p=4${{b64:22}}${{b64:43}}' WHERE id = 1;",
        'admin: $argon2i$v=19$m=4096,t=3,p=1${{b64:16}}${{b64:32}}',
      ],
      negative: ['$argon2id$v=19$m=65536,t=3,p=4$', 'hash: $argon2id$ (see docs)'],
      path,
    },
  }),
  hashRule({
    id: 'ntlm-hash',
    description: 'NTLM password hash in a pwdump / secretsdump line',
    provider: 'Microsoft',
    regex: /^[^:\s]{1,128}:\d{1,10}:[0-9a-fA-F]{32}:(?<secret>[0-9a-fA-F]{32}):::/m,
    keywords: [':::'],
    // The hash of the empty password: no password to crack.
    allowSecret: [/^31d6cfe0d16ae931b73c59d7e0c089c0$/i],
    references: ['https://learn.microsoft.com/en-us/windows-server/security/kerberos/passwords-technical-overview'],
    examples: {
      positive: [
        'Administrator:500:aad3b435b51404eeaad3b435b51404ee:{{hex:32}}:::',
        'svc_backup:1104:aad3b435b51404eeaad3b435b51404ee:{{HEX:32}}:::',
      ],
      negative: ['Guest:501:aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0:::', 'a:b:c:::'],
      path: 'loot/hashes.txt',
    },
  }),
  hashRule({
    id: 'mysql-password-hash',
    description: 'MySQL native password hash (mysql_native_password)',
    provider: 'MySQL',
    regex: /'(?<secret>\*[0-9A-Fa-f]{40})'/,
    // Near the statement or column that holds it (`IDENTIFIED … AS`, `authentication_string`, `Password`).
    keywords: ['identified', 'password', 'authentication_string'],
    maxLength: 2048,
    references: ['https://dev.mysql.com/doc/refman/8.0/en/native-pluggable-authentication.html'],
    examples: {
      positive: [
        "CREATE USER 'app'@'%' IDENTIFIED WITH mysql_native_password AS '*{{HEX:40}}';",
        "INSERT INTO `user` VALUES ('localhost','root','Y','Y','','','',0,0,0,0,'mysql_native_password','*{{HEX:40}}','N');",
      ],
      negative: ["SELECT '*' FROM t;", "'*{{HEX:20}}'"],
      path,
    },
  }),
  hashRule({
    id: 'postgres-password-hash',
    description: 'PostgreSQL SCRAM-SHA-256 or MD5 password hash',
    provider: 'PostgreSQL',
    regex: /'(?<secret>SCRAM-SHA-256\$\d{1,7}:[A-Za-z0-9+/]{16,64}={0,2}\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=|md5[0-9a-f]{32})'/,
    keywords: ['scram-sha-256$', "'md5"],
    maxLength: 256,
    references: ['https://www.postgresql.org/docs/current/auth-password.html'],
    examples: {
      positive: [
        "CREATE ROLE app LOGIN PASSWORD 'SCRAM-SHA-256$4096:{{b64:22}}==${{b64:43}}=:{{b64:43}}=';",
        "ALTER ROLE report PASSWORD 'md5{{hex:32}}';",
      ],
      negative: ["CREATE ROLE app LOGIN PASSWORD 'SCRAM-SHA-256$4096:short';", "'md5{{hex:16}}'"],
      path,
    },
  }),
  {
    id: 'shadow-file-entry',
    description: 'Password hash in a shadow / master.passwd file',
    provider: 'Generic',
    severity: 'medium',
    path: /(?:^|\/)(?:g?shadow|master\.passwd|passwd)(?:-|\.bak|\.old)?$/,
    regex: /^[a-z_][\w.-]{0,31}\$?:(?<secret>[./A-Za-z0-9$=,+-]{13,512}):/m,
    keywords: [],
    remediation: { revoke, rotate },
    references: ['https://man7.org/linux/man-pages/man5/shadow.5.html'],
    tags,
    examples: {
      positive: [
        'root:{{alnum:13}}:19000:0:99999:7:::\n',
        'daemon:*:19000:0:99999:7:::\nbackup:$6${{alnum:8}}${{alnum:86}}:19000:0:99999:7:::\n',
      ],
      negative: ['root:x:0:0:root:/root:/bin/bash\n', 'nobody:!:19000::::::\n'],
      path: 'etc/shadow',
    },
  },
];
