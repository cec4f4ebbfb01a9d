import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { renderRulesMarkdown } from '../../scripts/rules-doc/render.js';
import { readTopProviders } from '../../scripts/rules-doc/top-providers.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` writes from the current catalogue', () => {
    const committed = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
    // On failure: run `npm run docs:rules` and commit docs/rules.md.
    expect(
      committed === renderRulesMarkdown(builtinRules, readTopProviders(ROOT)),
      'docs/rules.md is stale: run `npm run docs:rules`',
    ).toBe(true);
  });

  it('lists every rule with its provider, severity, keywords and revoke page', () => {
    const doc = renderRulesMarkdown(builtinRules);
    for (const rule of builtinRules) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${rule.id}\` |`));
      expect(row, rule.id).toBeDefined();
      expect(row).toContain(`| ${rule.severity} |`);
      // Table cells escape pipes (a keyword such as `mly|`).
      const keyword = rule.keywords[0] ?? rule.keywordsExact?.[0];
      if (keyword !== undefined) expect(row).toContain(`\`${keyword.replaceAll('|', '\\|')}\``);
      // A rule without keywords is run over whole files: said so, not an empty "near".
      else expect(row).toContain('; the whole file');
      expect(row).not.toMatch(/; near (?:\.|\|)/);
      expect(row).toContain(`(${rule.remediation.revoke})`);
    }
  });

  it('keeps a table row intact when a description has a pipe or a line break', () => {
    const rule = builtinRules[0] as RuleSpec;
    const doc = renderRulesMarkdown([{ ...rule, description: 'a | b\nc', provider: 'P|Q' }]);
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${rule.id}\``)) ?? '';
    expect(row).toContain('a \\| b c');
    expect(row).toContain('| P\\|Q |');
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });
});
