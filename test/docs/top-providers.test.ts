import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { renderRulesMarkdown } from '../../scripts/rules-doc/render.js';
import { readTopProviders } from '../../scripts/rules-doc/top-providers.js';
import { ROOT } from '../helpers/cli.js';

const top = readTopProviders(ROOT);
const ruleIds = new Set(builtinRules.map((r) => r.id));

describe('the 100 most-used providers (bench/external-recall/top-providers.json)', () => {
  it('lists 100 distinct providers, each with at least one rule', () => {
    expect(top).toHaveLength(100);
    expect(new Set(top.map((p) => p.name)).size).toBe(100);
    for (const p of top) expect(p.rules.length, p.name).toBeGreaterThan(0);
  });

  it('names only rules the catalogue has', () => {
    const unknown = top.flatMap((p) => p.rules.filter((id) => !ruleIds.has(id)).map((id) => `${p.name}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('gives each external detector to one provider, as source/name', () => {
    const external = top.flatMap((p) => p.external);
    expect(new Set(external).size).toBe(external.length);
    for (const e of external) expect(e).toMatch(/^(trufflehog|secretlint|detect-secrets|gitleaks)\/[\w.-]+$/);
  });

  it('is listed in docs/rules.md with its rules', () => {
    const doc = renderRulesMarkdown(builtinRules, top);
    for (const [i, p] of top.entries()) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${i + 1} | ${p.name.replaceAll('|', '\\|')} |`));
      expect(row, p.name).toBeDefined();
      for (const id of p.rules) expect(row).toContain(`\`${id}\``);
    }
  });
});
