/**
 * Answers about a path under a catalogue, remembered: a scan meets the same paths again and again
 * (a history's blobs come back at the same paths version after version), and each answer tests
 * the catalogue's path conditions. Up to `cap` paths per catalogue; past that all are forgotten
 * at once, which keeps memory bounded without bookkeeping per entry.
 */
import type { Catalogue } from './catalogue.js';

export function rememberedPerPath<P, V>(cap: number, answer: (catalogue: Catalogue, path: P) => V): (catalogue: Catalogue, path: P) => V {
  const known = new WeakMap<Catalogue, Map<P, V>>();
  return (catalogue, path) => {
    let answers = known.get(catalogue);
    if (answers === undefined) {
      answers = new Map();
      known.set(catalogue, answers);
    }
    let value = answers.get(path);
    if (value === undefined) {
      value = answer(catalogue, path);
      if (answers.size >= cap) answers.clear();
      answers.set(path, value);
    }
    return value;
  };
}
