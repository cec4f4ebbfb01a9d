/** Digests of scan settings: the same settings give the same digest, whatever the key order. */
import { createHash } from 'node:crypto';

export function digestOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/** JSON with sorted keys, regular expressions as `/source/flags` and sets as sorted arrays. */
export function stableJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (value instanceof Set) return [...value].map(normalise).sort();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'function') return `function ${value.name}`;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = normalise((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
