import { readFileSync } from 'node:fs';

/**
 * The package version, read once from package.json: one level up from src/ and from the action
 * bundle in action/, two from dist/src/ and dist/bundle/.
 */
export const VERSION: string = (() => {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'keyscan-secrets' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
})();

export const PACKAGE_NAME = 'keyscan-secrets';
export const INFORMATION_URI = 'https://github.com/keyscan/keyscan';
