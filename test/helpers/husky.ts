import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** What `npm install` leaves behind for a hook: husky and keyscan in node_modules, their bins linked. */
export function installLocally(dir: string): void {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', 'husky'), join(dir, 'node_modules', 'husky'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'keyscan-secrets'));
  symlinkSync('../husky/bin.js', join(dir, 'node_modules', '.bin', 'husky'));
  symlinkSync('../keyscan-secrets/bin/keyscan.js', join(dir, 'node_modules', '.bin', 'keyscan'));
}
