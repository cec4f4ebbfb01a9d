// Bundles the CLI into dist/bundle/cli.cjs (see src/cli/entry.ts for why). Runs after tsc, from
// its output, so the bundle is exactly the type-checked code. Runtime dependencies stay external,
// but for yargs, which every run loads: bundled, it is in the code cache too (its licence is in
// the bundle's legal comments and in node_modules/yargs, installed with keyscan).
// CommonJS, not an ES module: bin/keyscan.js compiles it with V8's code cache (src/cli/code-cache.ts),
// which Node 20 offers to scripts only. import.meta.url becomes the bundle's own file URL.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';

// src/cli/main.ts loads yargs with createRequire(import.meta.url), which esbuild does not follow.
const YARGS = "createRequire(import.meta.url)('yargs/yargs')";
const bundleYargs = {
  name: 'bundle-yargs',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/]cli[\\/]main\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(YARGS)) throw new Error(`${args.path} no longer loads yargs as ${YARGS}: update scripts/bundle.mjs`);
      return { contents: source.split(YARGS).join("require('yargs/yargs')"), loader: 'js' };
    });
  },
};

// Node's own modules that a staged scan does not need (the worker pool, hashing a finding, …),
// loaded on first use: the bundle's imports of them become objects whose properties require the
// module when read (esbuild reads an import's binding as a property at each use). Loading
// node:crypto alone costs a pre-commit run ~5 ms; node:fs/promises (which loads readline) ~2 ms.
const LAZY_BUILTINS = ['assert', 'crypto', 'fs/promises', 'perf_hooks', 'readline', 'worker_threads', 'zlib'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const names = Object.keys(await import(`node:${args.path}`)).filter((k) => k !== 'default');
      return {
        loader: 'js',
        contents: [
          'let loaded;',
          `const load = () => (loaded ??= require('node:${args.path}'));`,
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
          // `import x from` and `require()` (yargs) get the module itself.
          "Object.defineProperty(exports, 'default', { enumerable: false, get: load });",
        ].join('\n'),
      };
    });
  },
};

// The built-in catalogue as data (dist/bundle/rules.bin: a NUL-bearing tag, then JSON, see freezeRules), read at start instead of running the
// rule builders of rules/ (~800 rules assembled from helpers: the largest part of a pre-commit
// run's start-up after Node's own). Written from the built rules and checked to read back equal.
const RULE_PATTERNS = ['regex', 'path', 'allowLine', 'allowSecret'];
// What a scan does not read: a rule's documentation and examples, 40% of the catalogue's bytes and
// three quarters of its parse time. They follow the rest of the catalogue, after a NUL, and are
// parsed when a report (or `keyscan rules`) first reads one.
const RULE_DOCS = ['remediation', 'references', 'examples'];
// The NUL makes the file binary to a secret scanner (keyscan's own examples and keyword lists read
// like assignments as JSON text), so a project that commits node_modules is not told about them.
const RULES_TAG = 'keyscan-rules\0';

/**
 * Reads rules.bin (runs in the bundle: it is inserted there as source, so it closes over nothing).
 * Each documentation field is an accessor where the value stood, so the rules' keys keep their
 * order; one getter per field, shared by every rule, finds the rule's entry by identity. A rule's
 * `regex` (a string) is an accessor too, decoded from its bytes on first read: the patterns are
 * two thirds of the catalogue, and a scan reads only those of rules whose keywords it meets.
 */
function readRules(data, tagLength, patterns, docKeys) {
  const split = data.indexOf(0, tagLength);
  const sourcesAt = split + 1;
  const docsAt = data.indexOf(0, sourcesAt) + 1;
  const rules = JSON.parse(data.toString('utf8', tagLength, split));
  const index = new Map();
  let docs;
  const docsOf = (rule) => {
    docs ??= JSON.parse(data.toString('utf8', docsAt));
    return docs[index.get(rule)] ?? {};
  };
  const accessors = {};
  for (const key of docKeys) {
    accessors[key] = {
      enumerable: true,
      configurable: true,
      get() {
        return docsOf(this)[key];
      },
      set(value) {
        Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
      },
    };
  }
  // `regex: [start, end]` in the JSON: the pattern's UTF-8 bytes in the sources section.
  const sourceSpans = new Map();
  const sources = new Map();
  const regexAccessor = {
    enumerable: true,
    configurable: true,
    get() {
      let source = sources.get(this);
      if (source === undefined) {
        const [start, end] = sourceSpans.get(this);
        source = data.toString('utf8', sourcesAt + start, sourcesAt + end);
        sources.set(this, source);
      }
      return source;
    },
    set(value) {
      Object.defineProperty(this, 'regex', { value, writable: true, enumerable: true, configurable: true });
    },
  };
  const revive = (p) => (p !== null && typeof p === 'object' && typeof p.$regexp === 'string' ? new RegExp(p.$regexp, p.flags) : p);
  for (let i = 0; i < rules.length; i++) {
    // Built anew in the same key order: turning a data property of an object into an accessor
    // makes V8 store it as a dictionary, and every later read of the rule slower.
    const read = rules[i];
    const rule = {};
    for (const key of Object.keys(read)) {
      const v = read[key];
      if (docKeys.includes(key)) Object.defineProperty(rule, key, accessors[key]);
      else if (key === 'regex' && Array.isArray(v)) {
        sourceSpans.set(rule, v);
        Object.defineProperty(rule, key, regexAccessor);
      } else rule[key] = patterns.includes(key) && v !== undefined ? (Array.isArray(v) ? v.map(revive) : revive(v)) : v;
    }
    index.set(rule, i);
    rules[i] = rule;
  }
  return rules;
}

const rulesModule = new URL('../dist/rules/index.js', import.meta.url).pathname;
const frozenRules = {
  name: 'frozen-rules',
  setup(b) {
    b.onResolve({ filter: /[\\/]rules[\\/]index\.js$/ }, (args) =>
      join(args.resolveDir, args.path) === rulesModule ? { path: 'dist/rules/index.js', namespace: 'frozen-rules' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'frozen-rules' }, () => ({
      loader: 'js',
      resolveDir: dirname(rulesModule),
      contents: [
        "import { readFileSync } from 'node:fs';",
        "import { markPrevalidated } from '../src/catalogue/prevalidated.js';",
        readRules.toString(),
        "const data = readFileSync(new URL('./rules.bin', import.meta.url));",
        `if (data.toString('latin1', 0, ${RULES_TAG.length}) !== ${JSON.stringify(RULES_TAG)}) throw new Error('dist/bundle/rules.bin is not keyscan\\'s catalogue');`,
        `export const builtinRules = markPrevalidated(readRules(data, ${RULES_TAG.length}, ${JSON.stringify(RULE_PATTERNS)}, ${JSON.stringify(RULE_DOCS)}));`,
      ].join('\n'),
    }));
  },
};

/** rules.bin's content for `rules`, checked to read back equal to them, key order included. */
function freezeRules(rules) {
  const asJson = (value) => JSON.stringify(value, (_key, v) => (v instanceof RegExp ? { $regexp: v.source, flags: v.flags } : v));
  const sources = [];
  let sourceBytes = 0;
  const core = rules.map((rule) => {
    const copy = { ...rule };
    // A placeholder keeps the key's place; readRules puts the accessor there.
    for (const key of RULE_DOCS) if (key in copy) copy[key] = 0;
    if (typeof rule.regex === 'string' && !rule.regex.includes('\0')) {
      const bytes = Buffer.from(rule.regex);
      copy.regex = [sourceBytes, sourceBytes + bytes.length];
      sources.push(bytes);
      sourceBytes += bytes.length;
    }
    return copy;
  });
  const docs = rules.map((rule) => Object.fromEntries(RULE_DOCS.filter((key) => key in rule).map((key) => [key, rule[key]])));
  // Tag, core JSON, NUL, the patterns' bytes (none holds a NUL), NUL, documentation JSON.
  const data = Buffer.concat([Buffer.from(`${RULES_TAG}${asJson(core)}\0`), ...sources, Buffer.from(`\0${asJson(docs)}`)]);
  const back = readRules(data, Buffer.byteLength(RULES_TAG), RULE_PATTERNS, RULE_DOCS);
  if (!isDeepStrictEqual(back, [...rules]) || asJson(back) !== asJson(rules))
    throw new Error('the built-in rules do not survive rules.bin: update freezeRules or readRules in scripts/bundle.mjs');
  return data;
}
const { builtinRules } = await import('../dist/rules/index.js');
mkdirSync(new URL('../dist/bundle/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/bundle/rules.bin', import.meta.url), freezeRules(builtinRules));

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const cli = new URL('../dist/bundle/cli.cjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../dist/src/cli/entry.js', import.meta.url).pathname],
  outfile: cli,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Strict first: the banner would otherwise stand before esbuild's own "use strict" and void it.
  banner: { js: '"use strict";\nvar __keyscanUrl = require("node:url").pathToFileURL(__filename).href;' },
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}).filter((name) => name !== 'yargs'),
  plugins: [bundleYargs, lazyBuiltins, frozenRules],
  legalComments: 'eof',
  define: { __KEYSCAN_BUNDLED__: 'true', 'import.meta.url': '__keyscanUrl' },
  logLevel: 'warning',
});
// Its content hash on the first line, for the code cache's key (see contentKey in src/cli/code-cache.ts).
const { BUNDLE_HASH_PREFIX } = await import('../dist/src/cli/code-cache.js');
const code = readFileSync(cli);
// Compiled as a vm.Script (src/cli/code-cache.ts), where Node 20 runs no import().
if (/\bimport\(/.test(code.toString('latin1').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''))) {
  throw new Error('dist/bundle/cli.cjs calls import(), which fails in the code-cached script: require() it instead');
}
writeFileSync(cli, Buffer.concat([Buffer.from(`${BUNDLE_HASH_PREFIX}${createHash('sha256').update(code).digest('hex')}\n`), code]));

// The worker thread entry, in one file too: each worker of a history scan otherwise loads 45 ES
// modules of dist/src at its start (measured: a 2-worker pool's start-up 0.47 → 0.36 s of CPU on a
// loaded machine). An ES module, as Node starts a worker from a file URL; it holds no rules (the
// pool sends them) and Node's and the package's dependencies stay external.
await build({
  entryPoints: [new URL('../dist/src/pool/worker.js', import.meta.url).pathname],
  outfile: new URL('../dist/bundle/worker.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  legalComments: 'eof',
  logLevel: 'warning',
});

// What bin/keyscan.js loads first: the regex guard and the code-cache loader, as a script too.
await build({
  entryPoints: [new URL('../dist/src/cli/start.js', import.meta.url).pathname],
  outfile: new URL('../dist/bundle/start.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  banner: { js: '"use strict";\nvar __keyscanUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__keyscanUrl' },
  target: 'node20',
  logLevel: 'warning',
});

// The built-in catalogue's keyword automaton, precompiled (see offerPrecompiledKeywords).
const { compileCatalogue } = await import('../dist/src/catalogue/compile.js');
const { serializeKeywords } = await import('../dist/src/engine/keywords.js');
const catalogue = compileCatalogue(builtinRules);
// The CLI compiles built-in patterns on first use (src/catalogue/prevalidated.ts): every one of
// them compiles here, so a bad one fails the build, not a user's scan.
for (const rule of catalogue.rules) void [rule.regex, rule.allowLine, rule.allowSecret, rule.locate()];
writeFileSync(new URL('../dist/bundle/keywords.bin', import.meta.url), serializeKeywords(catalogue.keywords));
// Which rules each of those keywords opens a window for (see offerKeywordTables).
const { keywordTables, parseKeywordTables, serializeKeywordTables } = await import('../dist/src/catalogue/keyword-tables.js');
const tables = keywordTables(catalogue.rules);
const tablesFile = serializeKeywordTables(tables);
if (!isDeepStrictEqual(parseKeywordTables(tablesFile), tables))
  throw new Error('the keyword tables do not survive keyword-tables.bin: update src/catalogue/keyword-tables.ts');
writeFileSync(new URL('../dist/bundle/keyword-tables.bin', import.meta.url), tablesFile);

// The literals each built-in path condition needs (see offerPathLiterals): the tag, then JSON of
// [key, literals or null] pairs.
const { literalsKey, PATH_LITERALS_TAG, requiredLiterals } = await import('../dist/src/catalogue/path-literals.js');
const pathLiterals = catalogue.paths.map(({ pattern }) => [
  literalsKey(pattern.source, pattern.flags),
  requiredLiterals(pattern.source, pattern.flags) ?? null,
]);
writeFileSync(
  new URL('../dist/bundle/path-literals.bin', import.meta.url),
  Buffer.concat([Buffer.from(PATH_LITERALS_TAG, 'latin1'), Buffer.from(JSON.stringify(pathLiterals))]),
);
