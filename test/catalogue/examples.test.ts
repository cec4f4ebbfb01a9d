import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue, toRegExp } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';

const catalogue = compileCatalogue(builtinRules);

/** What a default scan reports: documented example values (rules/examples.ts) are not. */
function scan(text: string, path = 'example.txt') {
  return scanFragment(catalogue, Buffer.from(text, 'utf8'), { path, source: 'file' }).filter((f) => f.kind !== 'example');
}

/** Ways a bare token is written down in real files (as gitleaks' sample carriers do). */
const CARRIERS: ReadonlyArray<[string, (token: string) => string]> = [
  ['.env', (t) => `API_TOKEN=${t}\n`],
  ['.env quoted', (t) => `export API_TOKEN="${t}"\n`],
  ['json', (t) => `{\n  "service": { "token": "${t}" }\n}\n`],
  ['yaml', (t) => `service:\n  token: '${t}'\n`],
  ['js', (t) => `const client = new Client({ token: \`${t}\` });\n`],
  ['python', (t) => `client = Client(token='${t}')\n`],
  ['shell', (t) => `curl -H "Authorization: Bearer ${t}" https://api.example.com\n`],
  ['url query', (t) => `https://api.example.com/v1/items?key=${t}&page=2\n`],
];

/** Rules whose assignment belongs to one file syntax, so only the embeddings apply (and why). */
const ONE_SYNTAX = new Map([['npmrc-auth', '`_auth=` is a key of .npmrc (ini) files, never written in JSON or YAML']]);

it('exempts from the assignment carriers only rules that exist', () => {
  const ids = new Set(builtinRules.map((r) => r.id));
  expect([...ONE_SYNTAX.keys()].filter((id) => !ids.has(id))).toEqual([]);
});

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  const random = seededRandom(id);
  const positives = rule.examples.positive.map((p) => expandExample(p, random));
  const negatives = rule.examples.negative.map((p) => expandExample(p, random));
  const path = rule.examples.path ?? 'example.txt';

  it('has at least two positive and two negative examples', () => {
    expect(positives.length).toBeGreaterThanOrEqual(2);
    expect(negatives.length).toBeGreaterThanOrEqual(2);
  });

  it.each(positives.map((p, i) => [i, p]))('finds positive example %i', (_i, text) => {
    const ids = scan(text, path).map((f) => f.ruleId);
    expect(ids).toContain(id);
  });

  it.each(negatives.map((n, i) => [i, n]))('ignores negative example %i', (_i, text) => {
    const ids = scan(text, path).map((f) => f.ruleId);
    expect(ids).not.toContain(id);
  });

  // A path the rule's condition rejects: an ordinary source file, or a test fixture for rules that run everywhere else.
  const elsewhere = ['src/notes.txt', 'test/fixtures/notes.txt'].find(
    (p) => rule.path !== undefined && !toRegExp(rule.path, id, '').test(p),
  );
  it.runIf(rule.path !== undefined)('runs only on the files its path names', () => {
    expect(elsewhere).toBeDefined();
    for (const text of positives) expect(scan(text, elsewhere).map((f) => f.ruleId)).not.toContain(id);
  });

  // Every rule is tried in every way of writing it down that its shape allows: a bare token in
  // every carrier format, a value assigned to its provider's name in every assignment syntax, and
  // any positive inside a longer file with CRLF line ends. Each rule gets at least the last.
  it('finds its positives in every carrier its shape allows', () => {
    let tried = 0;
    let assignmentsTried = false;
    for (const text of positives) {
      const found = scan(text, path).find((f) => f.ruleId === id);
      if (found === undefined) continue; // reported by 'finds positive example'
      const secret = found.secretText;
      // A rule bound to a file format (rule.path) is tried in that format only; the assignment
      // syntaxes once per rule (its positives differ only in the syntax these already cover).
      let shaped: Array<[string, string]> = [];
      if (rule.path === undefined && !ONE_SYNTAX.has(id)) {
        if (secret === text) shaped = bareCarriers(secret);
        else if (!assignmentsTried) shaped = assignmentCarriers(text, secret);
      }
      if (shaped.length > 0 && secret !== text) assignmentsTried = true;
      const carriers = [...embeddings(text, rule.path === undefined), ...shaped];
      for (const [name, carried] of carriers) {
        const hit = scan(carried, path).find((f) => f.ruleId === id);
        // A secret that spans lines (a PEM block) keeps the carrier's line ends.
        expect(hit?.secretText.replaceAll('\r\n', '\n'), `${id} in ${name}`).toBe(secret.replaceAll('\r\n', '\n'));
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(0);
  });
});

/**
 * The example with CRLF line ends and, unless it is a whole file of a given format (a rule with a
 * path), inside a longer file: after other lines and before others.
 */
function embeddings(text: string, inLongerFile: boolean): Array<[string, string]> {
  const lf = text.replaceAll('\r\n', '\n');
  const body = lf.endsWith('\n') ? lf : `${lf}\n`;
  if (!inLongerFile) return [['crlf', body.replaceAll('\n', '\r\n')]];
  return [
    ['between other lines', `# settings\nLOG_LEVEL=info\n\n${body}\nTIMEOUT=30\n`],
    ['crlf', `# settings\r\n${body.replaceAll('\n', '\r\n')}\r\nTIMEOUT=30\r\n`],
  ];
}

/** A bare token the way it is written in real files (as gitleaks' sample carriers do). */
function bareCarriers(token: string): Array<[string, string]> {
  return CARRIERS.map(([name, wrap]) => [name, wrap(token)]);
}

/**
 * A value assigned to a name (`DATADOG_API_KEY=…`, `"sentry_dsn": "…"`) in every syntax that
 * assigns: the same name and value in .env, shell, JSON, YAML, JS, Python, a Kubernetes env entry.
 * None when the example is not a one-line assignment (a config file, a URL); unquoted forms only
 * for a value a shell or .env reads back unchanged (no `$`, `#`, spaces…).
 */
function assignmentCarriers(text: string, secret: string): Array<[string, string]> {
  if (text.trim().includes('\n')) return [];
  const at = text.indexOf(secret);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at + secret.length);
  const before = text.slice(lineStart, at);
  const after = text.slice(at + secret.length, lineEnd < 0 ? undefined : lineEnd);
  const m = /^[ \t]*(?:export[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*[:=][ \t]*["'`]?$/.exec(before);
  if (m === null || !/^["'`]?[ \t]*,?[ \t]*\}?[ \t]*$/.test(after)) return [];
  const name = m[1] as string;
  const s = secret;
  const bare = /^[A-Za-z0-9+/=_.:@-]+$/.test(s);
  return [
    ...(bare ? ([['.env', `${name}=${s}\n`]] as Array<[string, string]>) : []),
    ['.env quoted', `export ${name}="${s}"\n`],
    ['json', `{\n  "${name}": "${s}"\n}\n`],
    ['yaml', `config:\n  ${name}: '${s}'\n`],
    // `${` would start a substitution in a template literal.
    ['js', s.includes('$') ? `const settings = { ${name}: '${s}' };\n` : `const settings = { ${name}: \`${s}\` };\n`],
    ['python', `client = Client(${name}='${s}')\n`],
    ...(bare ? ([['shell', `${name}=${s} ./deploy.sh\n`]] as Array<[string, string]>) : []),
    ['kubernetes env', `env:\n  - name: ${name}\n    value: "${s}"\n`],
  ];
}
