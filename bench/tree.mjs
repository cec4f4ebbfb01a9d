// Builds (once, cached) the file-scan benchmark tree: a node_modules of a few hundred MB,
// installed from pinned versions without running any install scripts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const PACKAGES = [
  'typescript@5.6.3',
  'aws-sdk@2.1692.0',
  'googleapis@144.0.0',
  'webpack@5.95.0',
  'eslint@9.12.0',
  '@babel/core@7.25.8',
  'rxjs@7.8.1',
  'lodash@4.17.21',
];

export function benchTree() {
  const dir = join(ROOT, 'bench', '.cache', 'tree');
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return join(dir, 'node_modules');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'keyscan-bench-tree', private: true }));
  console.error(`installing the benchmark tree (${PACKAGES.length} pinned packages) into ${dir} …`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(marker, new Date().toISOString());
  return join(dir, 'node_modules');
}
