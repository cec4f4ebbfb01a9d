// Bundles the CLI into dist/bundle/cli.mjs (see src/cli/entry.ts for why). Runs after tsc, from
// its output, so the bundle is exactly the type-checked code. Runtime dependencies stay external.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: [new URL('../dist/src/cli/entry.js', import.meta.url).pathname],
  outfile: new URL('../dist/bundle/cli.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  define: { __KEYSCAN_BUNDLED__: 'true' },
  logLevel: 'warning',
});

// The built-in catalogue's keyword automaton, precompiled (see offerPrecompiledKeywords).
const { builtinRules } = await import('../dist/rules/index.js');
const { compileCatalogue } = await import('../dist/src/catalogue/compile.js');
const { serializeKeywords } = await import('../dist/src/engine/keywords.js');
writeFileSync(new URL('../dist/bundle/keywords.bin', import.meta.url), serializeKeywords(compileCatalogue(builtinRules).keywords));
