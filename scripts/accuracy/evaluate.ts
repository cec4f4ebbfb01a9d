/**
 * Scores the catalogue on a labelled corpus. A positive is found when a finding of its rule
 * overlaps it; a finding is a true positive when it overlaps any positive, a false alarm when
 * it overlaps none. A rule's near-miss examples count against that rule only (a near miss of
 * one rule, e.g. a 30-character value next to "aws_secret_access_key", may rightly be found
 * by another).
 */
import type { Catalogue } from '../../src/engine/catalogue.js';
import { detect } from '../../src/engine/detect.js';
import type { CorpusFile, Label } from './corpus.js';

export interface Miss {
  readonly path: string;
  readonly ruleId: string;
  /** Rules that did report something here, if any (found, but attributed to another rule). */
  readonly foundBy: readonly string[];
}

export interface FalseAlarm {
  readonly path: string;
  readonly ruleId: string;
  /** Where in the file (1-based line), so it can be looked at; the text is never printed. */
  readonly line: number;
}

export interface FamilyScore {
  readonly family: string;
  positives: number;
  found: number;
  findings: number;
  truePositives: number;
}

export interface AccuracyReport {
  readonly files: number;
  readonly bytes: number;
  readonly families: FamilyScore[];
  readonly overall: FamilyScore;
  readonly misses: Miss[];
  readonly falseAlarms: FalseAlarm[];
  /** Findings on another rule's near miss: not scored, but reported. */
  readonly unscored: number;
}

export const recall = (s: FamilyScore): number => (s.positives === 0 ? 1 : s.found / s.positives);
export const precision = (s: FamilyScore): number => (s.findings === 0 ? 1 : s.truePositives / s.findings);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

export function evaluate(catalogue: Catalogue, corpus: readonly CorpusFile[], familyOfRule: (ruleId: string) => string): AccuracyReport {
  const families = new Map<string, FamilyScore>();
  const score = (family: string): FamilyScore => {
    let s = families.get(family);
    if (s === undefined) {
      s = { family, positives: 0, found: 0, findings: 0, truePositives: 0 };
      families.set(family, s);
    }
    return s;
  };
  const misses: Miss[] = [];
  const falseAlarms: FalseAlarm[] = [];
  let bytes = 0;
  let unscored = 0;
  for (const file of corpus) {
    const data = Buffer.from(file.text);
    bytes += data.length;
    // Documented examples are not reported by default (only with --include-examples).
    const found = detect(catalogue, data, file.path)
      .filter((m) => m.example !== true)
      .map((m) => ({ ...m, ruleId: catalogue.rules[m.rule]?.id ?? '?' }));
    const positives = file.labels.filter((l) => l.kind === 'positive');
    for (const label of positives) {
      const s = score(label.family);
      s.positives++;
      const here = found.filter((f) => overlaps(f, label));
      if (here.some((f) => f.ruleId === label.ruleId)) s.found++;
      else misses.push({ path: file.path, ruleId: label.ruleId, foundBy: here.map((f) => f.ruleId) });
    }
    for (const f of found) {
      const nearMissOfAnother = file.labels.some((l: Label) => l.kind === 'near-miss' && overlaps(f, l) && l.ruleId !== f.ruleId);
      if (nearMissOfAnother) {
        unscored++; // another rule's near miss: not scored (see above)
        continue;
      }
      const s = score(familyOfRule(f.ruleId));
      s.findings++;
      if (positives.some((l) => overlaps(f, l))) s.truePositives++;
      else falseAlarms.push({ path: file.path, ruleId: f.ruleId, line: data.subarray(0, f.start).toString('latin1').split('\n').length });
    }
  }
  const list = [...families.values()].sort((a, b) => a.family.localeCompare(b.family));
  const overall: FamilyScore = { family: 'overall', positives: 0, found: 0, findings: 0, truePositives: 0 };
  for (const s of list) {
    overall.positives += s.positives;
    overall.found += s.found;
    overall.findings += s.findings;
    overall.truePositives += s.truePositives;
  }
  return { files: corpus.length, bytes, families: list, overall, misses, falseAlarms, unscored };
}
