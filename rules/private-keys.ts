import type { RuleSpec } from '../src/catalogue/spec.js';

const rotate =
  'Generate a new key pair, replace the public key wherever the old one was trusted (servers, authorized_keys, certificates, deploy keys), and remove the old public key. Re-issue any certificate bound to the key.';

export const privateKeyRules = [
  {
    id: 'private-key',
    description: 'Private key (PEM, OpenSSH or PGP armour)',
    provider: 'Generic',
    severity: 'critical',
    // The body may use real newlines or `\n` escapes (keys pasted into JSON or env files).
    regex:
      // PGP armour headers (`Comment: Jane <jane@example.org>`) bring the rest of the punctuation.
      /(?<secret>-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----(?:\\[nr]|[A-Za-z0-9+/=\s:,.()<>@'_-]){64,16384}?-----END[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----)/,
    keywords: ['private key'],
    entropy: 4,
    maxLength: 17000,
    remediation: {
      revoke: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/reviewing-your-ssh-keys',
      rotate,
    },
    references: ['https://www.rfc-editor.org/rfc/rfc7468'],
    tags: ['private-key'],
    examples: {
      positive: [
        '-----BEGIN RSA PRIVATE KEY-----\n{{b64:64}}\n{{b64:64}}\n{{b64:64}}\n{{b64:20}}==\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA{{b64:40}}\n{{b64:70}}\n-----END OPENSSH PRIVATE KEY-----',
        'KEY="-----BEGIN PRIVATE KEY-----\\n{{b64:64}}\\n{{b64:64}}\\n-----END PRIVATE KEY-----"',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{{b64:64}}\n{{b64:64}}\n={{b64:4}}\n-----END PGP PRIVATE KEY BLOCK-----',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: Jane Doe (deploy) <jane@example.org>\n\n{{b64:64}}\n{{b64:64}}\n={{b64:4}}\n-----END PGP PRIVATE KEY BLOCK-----',
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\n{{b64:64}}\n{{b64:64}}\n{{b64:20}}==\n-----END ENCRYPTED PRIVATE KEY-----',
      ],
      negative: [
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN PUBLIC KEY-----\n{{b64:64}}\n{{b64:64}}\n-----END PUBLIC KEY-----',
        'const header = "-----BEGIN PRIVATE KEY-----";',
      ],
    },
  },
  {
    id: 'putty-private-key',
    description: 'PuTTY private key file',
    provider: 'Generic',
    severity: 'critical',
    // The secret is the private part alone: placeholder judgement must not see the `Comment:`
    // line (a real key commented "dummy-key" is still a key).
    regex:
      /PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}\r?\nEncryption: [a-z0-9-]{3,20}\r?\n[\s\S]{0,4000}?Private-Lines: \d{1,3}\r?\n(?<secret>[A-Za-z0-9+/=]{1,64}(?![^\r\n])(?:\r?\n[A-Za-z0-9+/=]{1,64}(?![^\r\n])){0,199})/,
    keywords: ['putty-user-key-file-'],
    maxLength: 20000,
    remediation: { revoke: 'https://www.chiark.greenend.org.uk/~sgtatham/putty/docs.html', rotate },
    references: ['https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html'],
    tags: ['private-key'],
    examples: {
      positive: [
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: demo\nPublic-Lines: 2\n{{b64:64}}\n{{b64:20}}\nPrivate-Lines: 1\n{{b64:44}}\nPrivate-MAC: {{hex:64}}\n',
        'PuTTY-User-Key-File-2: ssh-rsa\r\nEncryption: none\r\nComment: k\r\nPublic-Lines: 1\r\n{{b64:60}}\r\nPrivate-Lines: 2\r\n{{b64:64}}\r\n{{b64:30}}\r\n',
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: dummy-key\nPublic-Lines: 2\n{{b64:64}}\n{{b64:16}}\nPrivate-Lines: 1\n{{b64:44}}\nPrivate-MAC: {{hex:64}}\n',
      ],
      negative: ['PuTTY-User-Key-File-3: ssh-ed25519', 'PuTTY-User-Key-File-2 is the format name'],
    },
  },
] satisfies readonly RuleSpec[];
