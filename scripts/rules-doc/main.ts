/**
 * npm run docs:rules
 * Writes docs/rules.md from the built-in catalogue (test/docs/rules-reference.test.ts fails when
 * the committed file differs from what this writes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import { renderRulesMarkdown } from './render.js';
import { readTopProviders } from './top-providers.js';

// Compiled to dist/scripts/rules-doc/, three levels below the repository root.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const path = join(root, 'docs', 'rules.md');
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, renderRulesMarkdown(builtinRules, readTopProviders(root)));
console.log(`wrote ${path} (${builtinRules.length} rules)`);
