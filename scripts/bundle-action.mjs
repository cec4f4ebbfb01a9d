// Bundles the GitHub Action into action/ (committed: the runner runs it as is, with no
// node_modules and no registry): main.mjs (src/action/main.ts), worker.mjs (the worker thread
// entry it starts, see __KEYSCAN_WORKER__ in src/pool/pool.ts) and the licences of the bundled
// packages. Every dependency is bundled. Deterministic: same sources and lockfile, same bytes
// (test/action/bundle.test.ts rebuilds it and compares).
//
// No precompiled keyword automaton (dist/bundle/keywords.bin): ~4 MB of binary committed again at
// every rule change costs the repository more than compiling it at start costs a CI run.
//
// Usage: node scripts/bundle-action.mjs [OUTDIR]   (default: action/)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(process.argv[2] ?? join(root, 'action'));
mkdirSync(outdir, { recursive: true });

// The CLI loads yargs and picomatch with createRequire(import.meta.url) (faster to start, see
// src/cli/main.ts), which esbuild does not follow: from the installed package they resolve in its
// node_modules, but the action has none. Here they become plain require() calls, which esbuild bundles.
const LAZY_REQUIRE = 'createRequire(import.meta.url)(';
const bundleRequires = {
  name: 'bundle-create-require',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.split(LAZY_REQUIRE).join('require('), loader: 'ts' };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The CommonJS dependencies (yargs, picomatch) call require() for Node's modules and use
  // __dirname (yargs' locales: absent here, so its messages stay English), which an ES module lacks.
  banner: {
    js: [
      "import { createRequire as __keyscanCreateRequire } from 'node:module';",
      "import { fileURLToPath as __keyscanFileURLToPath } from 'node:url';",
      'const require = __keyscanCreateRequire(import.meta.url);',
      'const __filename = __keyscanFileURLToPath(import.meta.url);',
      "const __dirname = __keyscanFileURLToPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  define: { __KEYSCAN_WORKER__: JSON.stringify('./worker.mjs') },
  legalComments: 'eof',
  plugins: [bundleRequires],
  logLevel: 'warning',
};
const inputs = new Set();
for (const [entry, file] of [
  ['src/action/main.ts', 'main.mjs'],
  ['src/pool/worker.ts', 'worker.mjs'],
]) {
  const { metafile } = await build({ ...common, entryPoints: [entry], outfile: join(outdir, file), metafile: true });
  for (const input of Object.keys(metafile.inputs)) inputs.add(input);
}

// The bundled packages' licences travel with their code: one file, packages sorted by name.
const packages = [...new Set([...inputs].map((i) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1]).filter(Boolean))].sort();
const notices = packages.map((name) => {
  const dir = join(root, 'node_modules', name);
  const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir)
    .sort()
    .find((f) => /^(licen[sc]e|copying)([.-]|$)/i.test(f));
  if (file === undefined) throw new Error(`${name} has no licence file to ship with its bundled code`);
  return `${name}@${version} (${license})\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
});
writeFileSync(
  join(outdir, 'THIRD-PARTY-LICENSES.txt'),
  `The action bundle (main.mjs, worker.mjs) contains these packages.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);

// Whatever still loads a module at run time would fail on the runner: refuse such a bundle.
for (const file of ['main.mjs', 'worker.mjs']) {
  const code = readFileSync(join(outdir, file), 'utf8');
  const left = /createRequire\d*\(import\.meta\.url\)\(|\bimport\(\s*["'][^"'.]/.exec(code);
  if (left !== null) throw new Error(`${file} still loads a module at run time (${left[0]}): bundle it`);
}
