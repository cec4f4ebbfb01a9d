import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { CONFIG_SCHEMA, schemaJson } from '../../src/config/schema.js';
import { checkSchema, type SchemaNode } from '../../src/config/schema-check.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { SEVERITIES } from '../../src/types.js';

const schema = CONFIG_SCHEMA as unknown as SchemaNode;
const definitions = CONFIG_SCHEMA.definitions;

/** Ajv, as strict as it goes, told about keyscan's own formats and the errorMessage annotation. */
function ajv() {
  const instance = new Ajv({ strict: true, allErrors: true });
  instance.addFormat('keyscan-glob', true);
  instance.addFormat('keyscan-regex', true);
  instance.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return instance.compile(CONFIG_SCHEMA);
}

describe('the shipped JSON Schema', () => {
  it('is the file generated from src/config/schema.ts (run `npm run schema` after changing it)', () => {
    const shipped = readFileSync(new URL('../../schema/keyscan.schema.json', import.meta.url), 'utf8');
    expect(shipped).toBe(schemaJson());
  });

  it('is shipped in the package', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema/');
  });

  it('compiles under Ajv in strict mode', () => {
    expect(typeof ajv()).toBe('function');
  });

  it('lists every RuleSpec field for custom rules', () => {
    // Typed as a record over RuleSpec's keys: adding a field to RuleSpec fails to compile here
    // until the schema (and this list) know it.
    const fields: Record<keyof RuleSpec, true> = {
      id: true,
      description: true,
      provider: true,
      severity: true,
      regex: true,
      keywords: true,
      keywordsExact: true,
      entropy: true,
      maxLength: true,
      path: true,
      allowLine: true,
      allowSecret: true,
      remediation: true,
      references: true,
      tags: true,
      partner: true,
      owns: true,
      validator: true,
      examples: true,
    };
    expect(Object.keys(definitions.rule.properties).sort()).toEqual(Object.keys(fields).sort());
  });

  it('knows the severities and report formats keyscan knows', () => {
    expect(definitions.severity.enum).toEqual(SEVERITIES);
    expect(CONFIG_SCHEMA.properties.format.enum).toEqual(REPORT_FORMATS);
  });
});

/** Configs whose structure is right or wrong; both validators must agree on each. */
const corpus: Array<[string, unknown]> = [
  ['empty', {}],
  [
    'everything',
    {
      $schema: './schema.json',
      format: 'json',
      exclude: ['a/**'],
      disable: ['jwt'],
      disableTags: ['generic'],
      rules: [
        { id: 'acme-key', regex: 'acme_[a-z]{8}', keywords: ['acme_'], severity: 'low', examples: { positive: ['x'], negative: [] } },
      ],
      ruleOverrides: { 'github-pat': { severity: 'low', entropy: 4, allowlist: { paths: ['t/**'], stopwords: ['fake'] } } },
      allowlist: { paths: [], secretRegexes: ['^x'], lineRegexes: ['y'], stopwords: ['zz'] },
      placeholders: ['changeme'],
      baseline: '.keyscan-baseline.json',
    },
  ],
  ['not an object', []],
  ['unknown top-level key', { excludes: [] }],
  ['exclude not a list', { exclude: 'a/**' }],
  ['exclude item not a string', { exclude: [1] }],
  ['bad format', { format: 'xml' }],
  ['rule id not kebab', { disable: ['Not_Kebab'] }],
  ['rule without regex', { rules: [{ id: 'a-b' }] }],
  ['rule with unknown key', { rules: [{ id: 'a-b', regex: 'x', colour: 1 }] }],
  ['uppercase keyword', { rules: [{ id: 'a-b', regex: 'x', keywords: ['ABC'] }] }],
  ['entropy out of range', { ruleOverrides: { 'github-pat': { entropy: 9 } } }],
  ['override key not kebab', { ruleOverrides: { 'Bad Id': {} } }],
  ['unknown override key', { ruleOverrides: { 'github-pat': { level: 'low' } } }],
  ['unknown allowlist key', { allowlist: { regexes: [] } }],
  ['short stopword', { allowlist: { stopwords: ['a'] } }],
  ['maxLength not whole', { rules: [{ id: 'a-b', regex: 'x', maxLength: 10.5 }] }],
  ['remediation not https', { rules: [{ id: 'a-b', regex: 'x', remediation: { revoke: 'http://x', rotate: 'r' } }] }],
  ['empty baseline', { baseline: '' }],
];

describe('the loader and Ajv agree', () => {
  const validate = ajv();
  it.each(corpus)('on %s', (_name, config) => {
    const ours = checkSchema(config, schema).length === 0;
    expect(ours).toBe(validate(config));
  });

  it('refuses a schema keyword it does not implement, so the schema cannot outgrow it', () => {
    expect(() => checkSchema({}, { type: 'object', minProperties: 1 } as unknown as SchemaNode)).toThrow(/minProperties/);
  });
});
