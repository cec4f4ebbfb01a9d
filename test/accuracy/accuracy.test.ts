import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { generateCorpus } from '../../scripts/accuracy/corpus.js';
import { evaluate, precision, recall } from '../../scripts/accuracy/evaluate.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';

const familyOf = new Map(builtinRules.map((r) => [r.id, r.tags?.[0] ?? 'other']));
const corpus = generateCorpus(builtinRules);
const report = evaluate(compileCatalogue(builtinRules), corpus, (id) => familyOf.get(id) ?? 'other');

describe('accuracy on the labelled corpus', () => {
  it('plants a positive for every rule, and hard negatives', () => {
    const planted = new Set(corpus.flatMap((f) => f.labels.filter((l) => l.kind === 'positive').map((l) => l.ruleId)));
    expect(builtinRules.filter((r) => !planted.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(corpus.filter((f) => f.path.startsWith('hard-negatives/')).length).toBeGreaterThan(20);
  });

  it('is generated reproducibly from its seed', () => {
    const digest = (files: typeof corpus): string => createHash('sha256').update(JSON.stringify(files)).digest('hex');
    expect(digest(generateCorpus(builtinRules))).toBe(digest(corpus));
    expect(digest(generateCorpus(builtinRules, 'another-seed'))).not.toBe(digest(corpus));
  });

  it('reaches 97% recall and 97% precision overall', () => {
    expect(recall(report.overall), JSON.stringify(report.misses.slice(0, 10))).toBeGreaterThanOrEqual(0.97);
    expect(precision(report.overall), JSON.stringify(report.falseAlarms.slice(0, 10))).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps every family above 90%', () => {
    const weak = report.families.filter((s) => recall(s) < 0.9 || precision(s) < 0.9).map((s) => s.family);
    expect(weak).toEqual([]);
  });
});
