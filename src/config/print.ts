import { dirname, relative } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../catalogue/compile.js';
import { scanFragment } from '../engine/scan-fragment.js';
import type { Allowlist, Config } from './config.js';
import { USER_RULE_DEFAULTS } from './user-rules.js';

/**
 * The effective config as a config file would say it: every key, defaults filled in. The output
 * is itself a valid `.keyscan.json`. Any string that a rule would report (an example key pasted
 * into a rule, a secret written into an allowlist) is shown as `[REDACTED: rule-id]`.
 */
export function printableConfig(config: Config, schemaRef: string): Record<string, unknown> {
  const hide = redactor(config);
  const list = (a: Allowlist): Record<string, string[]> => ({
    paths: [...a.paths],
    secretRegexes: a.secretRegexes.map(hide),
    lineRegexes: a.lineRegexes.map(hide),
    stopwords: a.stopwords.map(hide),
  });
  // Key order as a person would write a rule: id first, then the rest with defaults filled in.
  const rules = config.rules.map(({ id, description, ...r }) => ({
    id,
    description,
    ...USER_RULE_DEFAULTS,
    ...r,
    regex: hide(String(r.regex)),
    ...(r.allowLine ? { allowLine: r.allowLine.map((p) => hide(String(p))) } : {}),
    ...(r.allowSecret ? { allowSecret: r.allowSecret.map((p) => hide(String(p))) } : {}),
    examples: { positive: r.examples.positive.map(hide), negative: r.examples.negative.map(hide) },
  }));
  const overrides = Object.fromEntries(
    Object.entries(config.ruleOverrides).map(([id, o]) => [id, { ...o, ...(o.allowlist ? { allowlist: list(o.allowlist) } : {}) }]),
  );
  return {
    $schema: schemaRef,
    format: config.format ?? 'text',
    exclude: [...config.exclude],
    disable: [...config.disable],
    disableTags: [...config.disableTags],
    rules,
    ruleOverrides: overrides,
    allowlist: list(config.allowlist),
    placeholders: config.placeholders.map(hide),
    ...(config.baseline !== undefined && config.file !== undefined ? { baseline: relative(dirname(config.file), config.baseline) } : {}),
  };
}

/** Replaces a string by `[REDACTED: rule-id]` when the built-in or the user's rules find a secret in it. */
function redactor(config: Config): (text: string) => string {
  const catalogue = compileCatalogue([...builtinRules, ...config.rules]);
  return (text) => {
    const found = scanFragment(catalogue, Buffer.from(text), { path: 'config', source: 'file' });
    return found.length === 0 ? text : `[REDACTED: ${found[0]?.ruleId}]`;
  };
}
