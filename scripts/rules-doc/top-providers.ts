/**
 * The 100 most-used providers (bench/external-recall/top-providers.json): read and checked here
 * for the rules reference, which lists them with their rule ids; bench/external-recall reports
 * recall over the external cases of these providers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TopProvider {
  readonly name: string;
  readonly family: string;
  /** keyscan rule ids that detect the provider's credentials. */
  readonly rules: readonly string[];
  /** Other scanners' detectors whose test cases exercise it ("source/name"). */
  readonly external: readonly string[];
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The list from `<root>/bench/external-recall/top-providers.json`; throws on a malformed entry. */
export function readTopProviders(root: string): TopProvider[] {
  const path = join(root, 'bench', 'external-recall', 'top-providers.json');
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = (data as { providers?: unknown }).providers;
  if (!Array.isArray(list)) throw new Error(`${path}: expected a "providers" array`);
  return list.map((p: unknown, i) => {
    const e = p as Record<string, unknown>;
    if (typeof e.name !== 'string' || typeof e.family !== 'string' || !isStrings(e.rules) || !isStrings(e.external)) {
      throw new Error(`${path}: provider ${i} needs a name, a family, and rules and external string arrays`);
    }
    return { name: e.name, family: e.family, rules: e.rules, external: e.external };
  });
}
