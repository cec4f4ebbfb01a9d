/**
 * Every rule's revoke link goes where that credential is revoked or rotated: the provider's own
 * page. Unrelated providers never share one (a copied link sends people to the wrong console), and
 * general guidance pages are only for rules that match credentials of any provider.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';

/** Rules about credentials of no particular provider (a password in a URL, a generic assignment). */
const isGeneric = (rule: (typeof builtinRules)[number]): boolean =>
  rule.provider === 'Generic' || (rule.tags ?? []).some((t) => t === 'generic' || t === 'password-hash');
/** Pages about secrets in general, where no credential of any provider is revoked. */
const GUIDANCE = /(^|\.)owasp\.org\/|wikipedia\.org\//;
/**
 * The guidance pages generic rules use: how to rotate and store secrets, and (for password hashes)
 * how to store passwords — never, say, the OWASP Top Ten.
 */
const GUIDES = new Set([
  'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
  'https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html',
]);

/** Providers of one company (NVIDIA and NVIDIA NGC, Google and Google Cloud) share their first word. */
const company = (provider: string): string => provider.split(/[\s/(-]/)[0]?.toLowerCase() ?? provider;

describe('revoke links', () => {
  it('are https pages', () => {
    for (const rule of builtinRules) expect(rule.remediation.revoke, rule.id).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+/);
  });

  it('point at the provider, not at general guidance, unless the rule is generic', () => {
    for (const rule of builtinRules) {
      if (isGeneric(rule)) expect(!GUIDANCE.test(rule.remediation.revoke) || GUIDES.has(rule.remediation.revoke), rule.id).toBe(true);
      else expect(rule.remediation.revoke, rule.id).not.toMatch(GUIDANCE);
    }
  });

  it('are never shared by unrelated providers', () => {
    const byLink = new Map<string, Set<string>>();
    for (const rule of builtinRules.filter((r) => !isGeneric(r))) {
      byLink.set(rule.remediation.revoke, (byLink.get(rule.remediation.revoke) ?? new Set()).add(rule.provider));
    }
    const shared = [...byLink].filter(([, providers]) => new Set([...providers].map(company)).size > 1);
    expect(shared.map(([link, providers]) => `${link}: ${[...providers].join(', ')}`)).toEqual([]);
  });
});
