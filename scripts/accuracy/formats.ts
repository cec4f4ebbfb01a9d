/**
 * File formats of the accuracy corpus: how a `name = value` assignment is written in each, and
 * filler lines that make a file look like real code or configuration around what is planted.
 */

export type Pick = <T>(items: readonly T[]) => T;

export interface Format {
  /** File extension or full name. */
  readonly file: string;
  /** Writes `value` assigned to `name`; `value` appears verbatim in the result. */
  readonly assign: (name: string, value: string, pick: Pick) => string;
  /** Realistic lines that hold no secret. */
  readonly filler: (pick: Pick) => string;
  /** A comment line, for free text (a raw example) where the format allows none. */
  readonly comment?: (text: string) => string;
}

const camel = (name: string): string => name.toLowerCase().replace(/[_.-]+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const upper = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[.-]/g, '_')
    .toUpperCase();
const snake = (name: string): string => upper(name).toLowerCase();

const words = ['user', 'order', 'invoice', 'session', 'report', 'cache', 'queue', 'event', 'account', 'payment', 'search', 'upload'];
const verbs = ['load', 'save', 'fetch', 'update', 'render', 'parse', 'build', 'sync', 'handle', 'resolve'];
const hosts = ['api.internal', 'db.internal', 'cache.internal', 'localhost', 'queue.svc.cluster.local'];

function jsFiller(pick: Pick): string {
  const w = pick(words);
  const v = pick(verbs);
  return pick([
    `import { ${v}${cap(w)} } from './${w}s.js';`,
    `export async function ${v}${cap(w)}(id: string): Promise<${cap(w)} | undefined> {\n  const res = await fetch(\`https://${pick(hosts)}/v1/${w}s/\${id}\`);\n  if (!res.ok) return undefined;\n  return (await res.json()) as ${cap(w)};\n}`,
    `const ${w}Cache = new Map<string, ${cap(w)}>();`,
    `// ${cap(v)} the ${w} before it is shown; see docs/${w}.md`,
    `export const ${upper(w)}_TIMEOUT_MS = ${pick(['1000', '5000', '30000'])};`,
    `app.get('/${w}s/:id', async (req, res) => res.json(await ${v}${cap(w)}(req.params.id)));`,
  ]);
}

function pyFiller(pick: Pick): string {
  const w = pick(words);
  return pick([
    `import logging\nlogger = logging.getLogger(__name__)`,
    `def ${pick(verbs)}_${w}(${w}_id: str) -> dict:\n    """${cap(pick(verbs))} one ${w}."""\n    return session.get(f"https://${pick(hosts)}/${w}s/{${w}_id}").json()`,
    `${upper(w)}_BATCH_SIZE = ${pick(['50', '100', '500'])}`,
    `class ${cap(w)}Service:\n    def __init__(self, client):\n        self.client = client`,
  ]);
}

function goFiller(pick: Pick): string {
  const w = pick(words);
  return pick([
    `func ${cap(pick(verbs))}${cap(w)}(ctx context.Context, id string) (*${cap(w)}, error) {\n\treturn repo.Find(ctx, id)\n}`,
    `type ${cap(w)} struct {\n\tID   string \`json:"id"\`\n\tName string \`json:"name"\`\n}`,
    `var ${w}Timeout = ${pick(['5', '30'])} * time.Second`,
  ]);
}

function javaFiller(pick: Pick): string {
  const w = pick(words);
  return pick([
    `    public ${cap(w)} ${pick(verbs)}${cap(w)}(String id) {\n        return repository.findById(id).orElseThrow();\n    }`,
    `    private static final int ${upper(w)}_LIMIT = ${pick(['10', '100'])};`,
    `    @Autowired\n    private ${cap(w)}Repository repository;`,
  ]);
}

function yamlFiller(pick: Pick): string {
  const w = pick(words);
  return pick([
    `${w}:\n  enabled: true\n  replicas: ${pick(['1', '2', '3'])}`,
    `  image: registry.example.org/${w}-service:${pick(['1.4.2', '2.0.0', 'latest'])}`,
    `  host: ${pick(hosts)}\n  port: ${pick(['5432', '6379', '8080'])}`,
    `# ${w} settings`,
  ]);
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const FORMATS: readonly Format[] = [
  {
    file: 'ts',
    assign: (n, v, pick) => pick([`const ${camel(n)} = "${v}";`, `export const ${upper(n)} = '${v}';`, `  ${camel(n)}: \`${v}\`,`]),
    filler: jsFiller,
    comment: (t) => `// ${t}`,
  },
  {
    file: 'js',
    assign: (n, v, pick) => pick([`var ${camel(n)} = '${v}';`, `  "${camel(n)}": "${v}",`, `process.env.${upper(n)} ??= "${v}";`]),
    filler: jsFiller,
    comment: (t) => `// ${t}`,
  },
  {
    file: 'py',
    assign: (n, v, pick) => pick([`${upper(n)} = "${v}"`, `client = Client(${snake(n)}="${v}")`, `settings["${snake(n)}"] = '${v}'`]),
    filler: pyFiller,
    comment: (t) => `# ${t}`,
  },
  {
    file: 'go',
    assign: (n, v, pick) => pick([`const ${camel(n)} = "${v}"`, `os.Setenv("${upper(n)}", "${v}")`]),
    filler: goFiller,
    comment: (t) => `// ${t}`,
  },
  {
    file: 'java',
    assign: (n, v, pick) =>
      pick([
        `    private static final String ${upper(n)} = "${v}";`,
        `        props.setProperty("${snake(n).replace(/_/g, '.')}", "${v}");`,
      ]),
    filler: javaFiller,
    comment: (t) => `// ${t}`,
  },
  {
    file: 'rb',
    assign: (n, v, pick) => pick([`${upper(n)} = '${v}'`, `  config.${snake(n)} = "${v}"`]),
    filler: pyFiller,
    comment: (t) => `# ${t}`,
  },
  { file: 'php', assign: (n, v) => `define('${upper(n)}', '${v}');`, filler: jsFiller, comment: (t) => `// ${t}` },
  { file: 'cs', assign: (n, v) => `        var ${camel(n)} = "${v}";`, filler: javaFiller, comment: (t) => `// ${t}` },
  {
    file: 'yaml',
    assign: (n, v, pick) => pick([`  ${snake(n)}: ${v}`, `  ${snake(n)}: "${v}"`, `      - name: ${upper(n)}\n        value: "${v}"`]),
    filler: yamlFiller,
    comment: (t) => `# ${t}`,
  },
  {
    file: 'json',
    assign: (n, v, pick) => pick([`  "${camel(n)}": "${v}",`, `  "${upper(n)}": "${v}",`]),
    filler: (pick) => `  "${pick(words)}": { "enabled": true, "retries": ${pick(['1', '3'])} },`,
  },
  {
    file: '.env',
    assign: (n, v, pick) => pick([`${upper(n)}=${v}`, `${upper(n)}="${v}"`, `export ${upper(n)}='${v}'`]),
    filler: (pick) => `${upper(pick(words))}_URL=https://${pick(hosts)}`,
    comment: (t) => `# ${t}`,
  },
  {
    file: 'Dockerfile',
    assign: (n, v, pick) => pick([`ENV ${upper(n)}=${v}`, `ARG ${upper(n)}="${v}"`]),
    filler: (pick) =>
      pick(['FROM node:20-alpine', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', 'CMD ["node", "server.js"]']),
    comment: (t) => `# ${t}`,
  },
  {
    file: 'tf',
    assign: (n, v) => `  ${snake(n)} = "${v}"`,
    filler: (pick) => `resource "aws_s3_bucket" "${pick(words)}" {\n  bucket = "acme-${pick(words)}-${pick(['prod', 'dev'])}"\n}`,
    comment: (t) => `# ${t}`,
  },
  {
    file: 'sh',
    assign: (n, v, pick) => pick([`export ${upper(n)}="${v}"`, `${upper(n)}='${v}' ./deploy.sh`]),
    filler: (pick) => pick(['set -euo pipefail', `cd "$(dirname "$0")"`, `echo "deploying ${pick(words)}"`, 'npm ci && npm run build']),
    comment: (t) => `# ${t}`,
  },
  {
    file: 'md',
    assign: (n, v) => `\`\`\`sh\n${upper(n)}=${v}\n\`\`\``,
    filler: (pick) =>
      pick([
        `## ${cap(pick(words))}s`,
        `Run \`npm run ${pick(verbs)}\` to ${pick(verbs)} the ${pick(words)}s.`,
        `See the [${pick(words)} guide](docs/${pick(words)}.md).`,
      ]),
  },
  {
    file: 'properties',
    assign: (n, v) => `${snake(n).replace(/_/g, '.')}=${v}`,
    filler: (pick) => `${pick(words)}.pool.size=${pick(['5', '10'])}`,
    comment: (t) => `# ${t}`,
  },
  {
    file: 'xml',
    assign: (n, v) => `    <add key="${cap(camel(n))}" value="${v}" />`,
    filler: (pick) => `    <add key="${cap(pick(words))}Enabled" value="true" />`,
  },
];
