import type { RuleSpec } from '../src/catalogue/spec.js';

export const databaseRules = [
  {
    id: 'database-connection-password',
    description: 'Password in a database or message broker connection URL',
    provider: 'Generic',
    severity: 'high',
    regex:
      /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse)(?:\+[a-z0-9]+)?:\/\/[^:/?#@\s"'`]{1,128}:(?<secret>[^@/?#\s"'`]{4,256})@[A-Za-z0-9.[\]_-]+/i,
    keywords: ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroachdb', 'clickhouse'],
    entropy: 2.5,
    validator: 'connection-password',
    // Well-known local defaults (docker-compose, tutorials) are not leaks.
    allowSecret: [/^(?:password|passw0rd|pass|secret|postgres|mysql|root|admin|guest|test|example|changeme|pwd|redis|mongo|user)$/i],
    remediation: {
      revoke: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
      rotate:
        'Change the database user’s password (ALTER USER / the provider’s console), update the application’s secret store, and check the database logs for unknown clients.',
    },
    references: ['https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING'],
    tags: ['database'],
    examples: {
      positive: [
        'DATABASE_URL=postgres://app:{{alnum:24}}@db.internal:5432/app',
        'mongodb+srv://admin:{{alnum:16}}@cluster0.{{lowalnum:5}}.mongodb.net/test',
        'redis://default:{{alnum:32}}@redis-12345.c1.cloud.redislabs.com:12345',
      ],
      negative: [
        'postgres://postgres:postgres@localhost:5432/dev',
        'DATABASE_URL=postgres://user:${DB_PASSWORD}@host/db',
        'mysql://localhost:3306/db',
        // Words that name a password, and the user or scheme repeated: manuals' and local defaults.
        "parse('postgres://someuser:somepassword@somehost:381/somedatabase')",
        'mongodb://mongodb:mongodb@localhost:27017/database',
      ],
    },
  },
  {
    id: 'url-credentials',
    description: 'Password in an HTTP(S) or FTP URL',
    provider: 'Generic',
    severity: 'high',
    regex:
      /(?<![A-Za-z0-9+.-])(?:https?|ftps?|sftp):\/\/[A-Za-z0-9._~%!$&'()*+,;=-]{1,128}:(?<secret>[A-Za-z0-9._~%!$&()*+,;=-]{8,256})@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/i,
    keywords: ['://'],
    entropy: 3,
    validator: 'connection-password',
    allowSecret: [/^(?:password|pass|secret|changeme|example)$/i],
    remediation: {
      revoke: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
      rotate: 'Change the password on the server the URL points to and pass credentials through a secret store or netrc, not in URLs.',
    },
    references: ['https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1'],
    tags: ['generic'],
    examples: {
      positive: ['https://deploy:{{alnum:20}}@git.example.org/repo.git', 'ftp://backup:{{alnum:16}}@files.internal.net/'],
      negative: [
        'https://user:password@example.com',
        'https://github.com/org/repo',
        'https://user:${PASS}@host.com',
        '`http://login-on-proxy:passwd-on-proxy@proxy-host.com:port`',
        "url='https://username:password12345@foo.com/login/'",
      ],
    },
  },
  {
    id: 'jdbc-password',
    description: 'Password in a JDBC connection URL',
    provider: 'Generic',
    severity: 'high',
    regex: /\bjdbc:[a-z0-9:]{1,64}(?:\/\/)?[^\s"'<>]{0,300}?[;?&:]password=(?<secret>[^;&\s"'<>]{4,256})/i,
    keywords: ['jdbc:'],
    entropy: 2.5,
    validator: 'connection-password',
    allowSecret: [/^(?:password|passw0rd|pass|secret|postgres|mysql|root|admin|sa|test|example|changeme)$/i],
    remediation: {
      revoke: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
      rotate:
        'Change the database user’s password, move it out of the URL into a secret store or environment variable, and check the database logs for unknown clients.',
    },
    references: ['https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html'],
    tags: ['database'],
    examples: {
      positive: [
        'jdbc:postgresql://db.internal:5432/app?user=app&password={{alnum:20}}',
        'url=jdbc:sqlserver://sql.internal:1433;databaseName=app;user=app;password={{password:16}};encrypt=true',
      ],
      negative: [
        'jdbc:postgresql://localhost:5432/app?user=app&password=postgres',
        'jdbc:mysql://db:3306/app?user=app&password=${DB_PASSWORD}',
      ],
    },
  },
  {
    id: 'connection-string-password',
    description: 'Password in an ADO.NET / ODBC connection string',
    provider: 'Generic',
    severity: 'high',
    regex:
      /(?:Server|Data Source|Host|Address|Addr|Network Address)\s*=\s*[^;"'\n]{1,200};(?:[^;"'\n]{0,200};){0,10}?\s*(?:Password|Pwd)\s*=\s*(?<secret>[^;"'\n]{4,128}?)\s*(?=;|"|'|$)/im,
    keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
    entropy: 2.5,
    validator: 'connection-password',
    allowSecret: [/^(?:password|passw0rd|pass|secret|sa|root|admin|test|example|changeme|\*+)$/i, /^\{[^}]*\}$/, /^\$/],
    remediation: {
      revoke: 'https://learn.microsoft.com/en-us/sql/connect/ado-net/protecting-connection-information',
      rotate:
        'Change the login’s password, load the connection string from a secret store (or use integrated / managed identity authentication), and check the server logs.',
    },
    references: ['https://learn.microsoft.com/en-us/dotnet/api/system.data.sqlclient.sqlconnection.connectionstring'],
    tags: ['database'],
    examples: {
      positive: [
        '"DefaultConnection": "Server=sql.internal;Database=app;User Id=app;Password={{alnum:20}};TrustServerCertificate=true"',
        'Data Source=db01;Initial Catalog=Sales;User ID=sales;Pwd={{password:16}};',
      ],
      negative: [
        'Server=localhost;Database=app;User Id=sa;Password=Password;',
        'Server=.;Database=app;Trusted_Connection=True;',
        'Server=db;Database=app;Password=${DB_PASSWORD};',
      ],
    },
  },
] satisfies readonly RuleSpec[];
