/**
 * The JSON Schema of keyscan's config file (draft-07, the dialect editors support best).
 *
 * One source of truth: the loader validates with this object ({@link checkSchema}), and
 * `schema/keyscan.schema.json`, shipped in the package for editors (`"$schema"`), is generated
 * from it by `npm run schema`. A test fails when the two differ, and another runs Ajv and the
 * loader over the same configs and expects the same verdicts.
 *
 * Custom `format`s (`keyscan-glob`, `keyscan-regex`) are checked by the loader and ignored by
 * editors; `errorMessage` (the ajv-errors convention) words a failed `pattern` for people.
 */
import { VALIDATOR_NAMES } from '../engine/validators.js';
import { REPORT_FORMATS } from '../report/formats.js';

const RULE_ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const stringList = (description: string, items: Record<string, unknown> = {}) =>
  ({ type: 'array', description, items: { type: 'string', ...items } }) as const;

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/keyscan/keyscan/blob/main/schema/keyscan.schema.json',
  title: 'keyscan configuration',
  description: 'Configuration for keyscan, the secret scanner: .keyscan.yaml, .keyscan.yml or .keyscan.json at the repository root.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' },
    format: {
      type: 'string',
      enum: [...REPORT_FORMATS],
      description: 'Default report format when no --format is given.',
    },
    exclude: stringList('Files that are not scanned at all: picomatch globs on repository-relative paths (e.g. "fixtures/**").', {
      format: 'keyscan-glob',
    }),
    disable: stringList('Rule ids that do not run (`keyscan rules` lists them).', { $ref: '#/definitions/ruleId' }),
    disableTags: stringList('Rules with any of these tags do not run (e.g. "generic").', { minLength: 1 }),
    rules: { type: 'array', description: 'Your own rules, in the shape of the built-in catalogue.', items: { $ref: '#/definitions/rule' } },
    ruleOverrides: {
      type: 'object',
      description: 'Per-rule settings, by rule id (built-in or your own).',
      propertyNames: { $ref: '#/definitions/ruleId' },
      additionalProperties: { $ref: '#/definitions/ruleOverride' },
    },
    allowlist: { $ref: '#/definitions/allowlist', description: 'Findings of any rule that match are not reported.' },
    placeholders: stringList(
      'Regular expressions for values that count as placeholders in env templates such as .env.example (matched case-insensitively).',
      { format: 'keyscan-regex' },
    ),
    baseline: {
      type: 'string',
      minLength: 1,
      description: 'Baseline file to apply to every scan, relative to this config file (see `keyscan baseline`).',
    },
  },
  definitions: {
    ruleId: {
      type: 'string',
      pattern: RULE_ID_PATTERN,
      errorMessage: 'must be a rule id in kebab-case (a-z, 0-9, -)',
    },
    allowlist: {
      type: 'object',
      additionalProperties: false,
      properties: {
        paths: stringList('picomatch globs on repository-relative paths: findings in these files are not reported.', {
          format: 'keyscan-glob',
        }),
        secretRegexes: stringList('Regular expressions tested against the secret. Never write a real secret here: use the baseline.', {
          format: 'keyscan-regex',
        }),
        lineRegexes: stringList('Regular expressions tested against the line(s) the secret is on.', { format: 'keyscan-regex' }),
        stopwords: stringList('A secret that contains one of these words (case-insensitive) is not reported.', { minLength: 2 }),
      },
    },
    ruleOverride: {
      type: 'object',
      additionalProperties: false,
      properties: {
        severity: { $ref: '#/definitions/severity' },
        entropy: {
          type: 'number',
          minimum: 0,
          maximum: 8,
          description: 'Minimum Shannon entropy of the secret, in bits per character (replaces the rule’s own).',
        },
        allowlist: { $ref: '#/definitions/allowlist' },
      },
    },
    severity: { type: 'string', enum: ['critical', 'high', 'medium', 'low', 'info'] },
    pattern: { type: 'string', format: 'keyscan-regex' },
    rule: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'regex'],
      properties: {
        id: { $ref: '#/definitions/ruleId' },
        description: { type: 'string', minLength: 1 },
        provider: { type: 'string', minLength: 1, description: 'Default "Custom".' },
        severity: { $ref: '#/definitions/severity', description: 'Default "high".' },
        regex: {
          type: 'string',
          format: 'keyscan-regex',
          description: 'JavaScript regular expression (a leading (?i) is accepted); a named group "secret" marks the secret.',
        },
        keywords: stringList('Lowercase literals, one of which occurs in every match: the fast prefilter.', {
          minLength: 2,
          pattern: '^[^A-Z]*$',
          errorMessage: 'must be lowercase',
        }),
        keywordsExact: stringList(
          'Keywords in their case: a hit counts only with exactly this spelling (for short literals common as letters in any case).',
          { minLength: 2 },
        ),
        entropy: { type: 'number', minimum: 0, maximum: 8 },
        maxLength: { type: 'integer', minimum: 8, maximum: 1000000 },
        path: {
          type: 'string',
          format: 'keyscan-regex',
          description:
            'JavaScript regular expression tested against the repository-relative POSIX path: the rule only runs on files it matches (e.g. "(^|/)\\.pgpass$").',
        },
        allowLine: { type: 'array', items: { $ref: '#/definitions/pattern' } },
        allowSecret: { type: 'array', items: { $ref: '#/definitions/pattern' } },
        remediation: {
          type: 'object',
          additionalProperties: false,
          required: ['revoke', 'rotate'],
          properties: {
            revoke: { type: 'string', pattern: '^https://', errorMessage: 'must be an https URL' },
            rotate: { type: 'string', minLength: 1 },
          },
        },
        references: { type: 'array', items: { type: 'string', pattern: '^https://', errorMessage: 'must be an https URL' } },
        tags: stringList('Tags, for disableTags.', { minLength: 1 }),
        partner: { type: 'string' },
        owns: {
          type: 'object',
          additionalProperties: false,
          description:
            'Names this provider issues credentials under and the format all of them have: the generic rules do not report another value under these names.',
          properties: {
            names: stringList('Lowercase words that start the owned names (e.g. "meraki" owns MERAKI_API_KEY).', {
              minLength: 1,
              pattern: '^[a-z0-9]+(?:[_.-][a-z0-9]+)*$',
              errorMessage: 'must be a lowercase word',
            }),
            value: {
              type: 'string',
              format: 'keyscan-regex',
              description:
                'JavaScript regular expression the whole value matches; without it, only that the values are issued credentials.',
            },
            prefixes: stringList('Literal prefixes (4 characters or more, ending in _ - or .) of the owned values.', { minLength: 4 }),
          },
        },
        validator: {
          type: 'string',
          enum: [...VALIDATOR_NAMES],
          description: 'A named check the secret must also pass (a checksum, a decoding), as catalogue rules use.',
        },
        examples: {
          type: 'object',
          additionalProperties: false,
          description: 'Checked when the config is loaded: a rule whose examples fail is refused.',
          properties: {
            positive: stringList('Must be found.'),
            negative: stringList('Must not be found.'),
            path: { type: 'string', description: 'The path the examples are scanned under (needed with "path").' },
          },
        },
      },
    },
  },
} as const;

export type JsonSchema = typeof CONFIG_SCHEMA;

/** The schema file's exact text: what `npm run schema` writes and the drift test compares. */
export function schemaJson(schema: JsonSchema = CONFIG_SCHEMA): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
