import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** End-to-end tests run the built CLI, so make sure `dist/` is current before any test starts. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (process.env.KEYSCAN_SKIP_BUILD === '1' && existsSync(`${root}/dist/bundle/cli.cjs`)) return;
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', `${root}/tsconfig.build.json`], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [`${root}/scripts/bundle.mjs`], { stdio: 'inherit' });
}
