// The package.json that ships: without the development scripts. A security tool must install with
// no lifecycle scripts at all, and npm 11 warns at install about a package that declares `prepare`
// even though it never runs it from the registry. `prepack` strips them (keeping the original
// beside it) and `postpack` puts the original back, the way husky's own pinst does.
//   node scripts/manifest.mjs strip | restore
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const backup = new URL('../.package.dev.json', import.meta.url);
const action = process.argv[2];

if (action === 'strip') {
  if (!existsSync(backup)) writeFileSync(backup, readFileSync(manifest));
  const pkg = JSON.parse(readFileSync(backup, 'utf8'));
  delete pkg.scripts;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (action === 'restore') {
  if (existsSync(backup)) renameSync(backup, manifest);
} else {
  process.stderr.write('usage: node scripts/manifest.mjs strip|restore\n');
  process.exit(2);
}
