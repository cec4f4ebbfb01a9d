/**
 * The labelled accuracy corpus, generated from a seed so every run sees the same files: every
 * rule's positive examples planted in realistic files of many formats (re-written as that
 * format's assignment where the example is `NAME=value`), generic secrets, provider keys
 * inside base64 (Kubernetes Secrets, .dockerconfigjson), and hard negatives. Nothing
 * token-shaped is committed: the corpus exists only at run time (or in fixtures/generated/).
 */
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, randomString, seededRandom } from '../../src/catalogue/examples.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { detect } from '../../src/engine/detect.js';
import { FORMATS, type Format, type Pick } from './formats.js';
import { negativeAssignments, negativeFiles, type Rand } from './negatives.js';

/** A labelled span of a corpus file (byte offsets). */
export interface Label {
  readonly start: number;
  readonly end: number;
  /** The rule expected to report a positive; for a near miss, the rule it must not trigger. */
  readonly ruleId: string;
  readonly family: string;
  readonly kind: 'positive' | 'near-miss';
}

export interface CorpusFile {
  readonly path: string;
  readonly text: string;
  readonly labels: readonly Label[];
}

/** Text with labels relative to its own start. */
interface Piece {
  readonly text: string;
  readonly labels: readonly Label[];
}

const familyOf = (rule: RuleSpec): string => rule.tags?.[0] ?? 'other';

export function generateCorpus(rules: readonly RuleSpec[], seed = 'keyscan-accuracy-v1'): CorpusFile[] {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)] as (typeof items)[number];
  const rand: Rand = (alphabet, n) => randomString(alphabet, n, random);
  const byFormat = new Map<Format, Piece[]>(FORMATS.map((f) => [f, []]));
  const files: CorpusFile[] = [];
  const plantIn = (format: Format, piece: Piece): void => void byFormat.get(format)?.push(piece);
  const label = (text: string, value: string, rule: RuleSpec, kind: Label['kind']): Piece => {
    const at = Buffer.byteLength(text.slice(0, text.indexOf(value)));
    return { text, labels: [{ start: at, end: at + Buffer.byteLength(value), ruleId: rule.id, family: familyOf(rule), kind }] };
  };

  for (const rule of rules) {
    const alone = compileCatalogue([rule]);
    const examples = (kind: Label['kind'], templates: readonly string[]) =>
      templates.map((t) => [kind, expandExample(t, seededRandom(`${seed}:${rule.id}:${kind}:${t}`))] as const);
    for (const [kind, text] of [...examples('positive', rule.examples.positive), ...examples('near-miss', rule.examples.negative)]) {
      const bare = detect(alone, Buffer.from(text)).some((m) => m.start === 0 && m.end === Buffer.byteLength(text));
      // `NAME=value` examples of provider rules are re-written in each format's syntax; tool
      // configuration (.npmrc, .netrc, …) only means something in its own syntax.
      const assignment =
        familyOf(rule) === 'generic' || familyOf(rule) === 'database'
          ? null
          : /^(?:export\s+)?([A-Za-z_][\w.-]{2,40})(?:\s*=\s*|:\s+)(["']?)([^\s"']{8,})\2$/.exec(text);
      // A rule with a path condition only runs in its own kind of file.
      if (text.includes('\n') || rule.path !== undefined) {
        files.push(standalone(rule, text, kind, files.length, pick));
      } else if (bare || assignment !== null) {
        const name = assignment?.[1] ?? providerName(rule, pick);
        const value = assignment?.[3] ?? text;
        const format = pick(FORMATS);
        plantIn(format, label(format.assign(name, value, pick), value, rule, kind));
      } else {
        // A line that carries its own context (a URL, a curl command, a header): pasted as is.
        const format = pick(FORMATS.filter((f) => f.comment !== undefined || f.file === 'md'));
        plantIn(format, label(format.file === 'md' ? text : (format.comment as (t: string) => string)(text), text, rule, kind));
      }
    }
  }

  plantGenericSecrets(rules, rand, pick, plantIn);
  // Every hard negative in four formats (drawn anew each time).
  for (let round = 0; round < 4; round++) {
    for (const [name, value] of negativeAssignments(rand, pick)) {
      const format = pick(FORMATS);
      plantIn(format, { text: format.assign(name, value, pick), labels: [] });
    }
  }
  for (let round = 0; round < 2; round++) {
    negativeFiles(rand, pick).forEach(([path, text], i) => {
      files.push({ path: `hard-negatives/${round}-${i}/${path}`, text, labels: [] });
    });
  }
  files.push(...encodedSecrets(rules, rand, pick));

  // Spread the planted pieces over several files per format, with filler around them.
  for (const [format, pieces] of byFormat) {
    const count = Math.max(1, Math.ceil(pieces.length / 12));
    const buckets: Piece[][] = Array.from({ length: count }, () => []);
    for (const piece of pieces) buckets[Math.floor(random() * count)]?.push(piece);
    buckets.forEach((bucket, i) => {
      const parts: Piece[] = [];
      for (const piece of bucket) {
        for (let n = Math.floor(random() * 3); n > 0; n--) parts.push({ text: format.filler(pick), labels: [] });
        parts.push(piece);
      }
      parts.push({ text: format.filler(pick), labels: [] });
      files.push(
        join(
          `${format.file.replace(/^\./, 'dot')}/file-${i}${format.file.startsWith('.') || format.file === 'Dockerfile' ? '' : `.${format.file}`}`,
          parts,
          format.file,
        ),
      );
    });
  }
  return files;
}

/** Concatenates pieces line by line, moving their labels to file offsets. */
function join(path: string, parts: readonly Piece[], file?: string): CorpusFile {
  let text = file === 'json' ? '{\n' : '';
  const labels: Label[] = [];
  for (const part of parts) {
    const base = Buffer.byteLength(text);
    for (const l of part.labels) labels.push({ ...l, start: l.start + base, end: l.end + base });
    text += `${part.text}\n`;
  }
  if (file === 'json') text += '  "end": true\n}\n';
  return { path, text, labels };
}

function providerName(rule: RuleSpec, pick: Pick): string {
  const provider = rule.provider
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
  return `${provider}_${pick(['TOKEN', 'API_KEY', 'SECRET', 'KEY', 'CREDENTIAL'])}`;
}

/** A multi-line example (a PEM key, a manifest, a .netrc) as a file of its own. */
function standalone(rule: RuleSpec, text: string, kind: Label['kind'], n: number, pick: Pick): CorpusFile {
  const ext = /kind:|apiVersion/.test(text)
    ? 'k8s.yaml'
    : /variable "/.test(text)
      ? 'tf'
      : /\[(?:pypi|distutils)\]/.test(text)
        ? 'pypirc'
        : /^machine /.test(text)
          ? 'netrc'
          : /^\s*\{/.test(text)
            ? 'json'
            : pick(['pem', 'txt', 'key']);
  const piece: Piece = { text, labels: [{ start: 0, end: Buffer.byteLength(text), ruleId: rule.id, family: familyOf(rule), kind }] };
  const path = rule.examples.path === undefined ? `blocks/${n}-${rule.id}.${ext}` : `blocks/${n}-${rule.id}/${rule.examples.path}`;
  return join(path, [piece]);
}

const GENERIC_NAMES = [
  'password',
  'db_password',
  'DB_PASS',
  'admin_password',
  'client_secret',
  'app_secret',
  'jwt_secret',
  'SECRET_KEY',
  'secret_key_base',
  'api_key',
  'apiKey',
  'auth_token',
  'access_token',
  'refresh_token',
  'private_key',
  'encryption_key',
  'signing_key',
  'session_secret',
  'webhook_secret',
  'credentials',
  'smtp_password',
  'redis_password',
  'master_key',
];

/** Secrets without a provider, assigned to secret-looking names: the generic rule's positives. */
function plantGenericSecrets(rules: readonly RuleSpec[], rand: Rand, pick: Pick, plantIn: (f: Format, p: Piece) => void): void {
  const generic = rules.find((r) => r.id === 'generic-secret-assignment');
  if (generic === undefined) return;
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const values: Array<() => string> = [
    () => rand(ALNUM, pick([16, 20, 24, 32, 40])),
    () => rand(`${ALNUM}-_`, pick([32, 43, 64])),
    () => `${rand(`${ALNUM}+/`, pick([32, 44, 64]))}${pick(['', '=', '=='])}`,
    () => rand('0123456789abcdef', pick([32, 40, 64])),
    () => rand(`${ALNUM}!#%&*+-.:=?@^_~`, pick([12, 16, 20, 24])),
  ];
  // A typed password's symbols (`?`, `^`, `@`…) go under names of chosen secrets: a service
  // issues API keys and tokens in token alphabets, and the generic rule holds them to that.
  const chosen = GENERIC_NAMES.filter((n) => !/token|api_?key/i.test(n));
  for (let i = 0; i < 160; i++) {
    const format = pick(FORMATS);
    const typed = i % values.length === values.length - 1;
    const value = (values[i % values.length] as () => string)();
    const text = format.assign(pick(typed ? chosen : GENERIC_NAMES), value, pick);
    const at = Buffer.byteLength(text.slice(0, text.indexOf(value)));
    plantIn(format, {
      text,
      labels: [{ start: at, end: at + Buffer.byteLength(value), ruleId: generic.id, family: 'generic', kind: 'positive' }],
    });
  }
}

/** Provider keys inside base64: a Kubernetes Secret's data and a .dockerconfigjson. */
function encodedSecrets(rules: readonly RuleSpec[], rand: Rand, pick: Pick): CorpusFile[] {
  // Rules whose first example is a bare token (the whole example is the secret).
  const bare = rules.filter((r) => {
    const text = expandExample(r.examples.positive[0] ?? '', seededRandom(`bare:${r.id}`));
    return (
      (r.tags?.[0] ?? '') !== 'generic' &&
      detect(compileCatalogue([r]), Buffer.from(text)).some((m) => m.start === 0 && m.end === text.length)
    );
  });
  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  const files: CorpusFile[] = [];
  for (let i = 0; i < 30; i++) {
    const rule = pick(bare);
    const token = expandExample(rule.examples.positive[0] ?? '', seededRandom(`encoded:${i}:${rule.id}`));
    const family = rule.tags?.[0] ?? 'other';
    if (i % 3 === 2) {
      const config = b64(JSON.stringify({ auths: { 'registry.example.org': { auth: b64(`ci:${token}`) } } }));
      const head = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry-${i}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: `;
      const at = Buffer.byteLength(head);
      files.push({
        path: `encoded/pull-secret-${i}.yaml`,
        text: `${head}${config}\n`,
        labels: [{ start: at, end: at + config.length, ruleId: rule.id, family, kind: 'positive' }],
      });
    } else {
      const value = b64(token);
      const head = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-${i}\ntype: Opaque\ndata:\n  REGION: ${b64(pick(['eu-west-1', 'us-east-2']))}\n  ${rand('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 6)}_VALUE: `;
      const at = Buffer.byteLength(head);
      files.push({
        path: `encoded/secret-${i}.yaml`,
        text: `${head}${value}\n`,
        labels: [{ start: at, end: at + value.length, ruleId: rule.id, family, kind: 'positive' }],
      });
    }
  }
  return files;
}
