// Writes schema/keyscan.schema.json from src/config/schema.ts (via the build). The test suite
// fails when the committed file differs, so run `npm run schema` after changing the schema.
import { writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA, schemaJson } from '../dist/src/config/schema.js';

const target = new URL('../schema/keyscan.schema.json', import.meta.url);
writeFileSync(target, schemaJson(CONFIG_SCHEMA));
console.log(`wrote ${target.pathname}`);
