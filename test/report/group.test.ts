import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../src/report/group.js';
import { findingLiveness, livenessWords } from '../../src/report/liveness.js';
import { secretTag } from '../../src/report/tag.js';
import { finding } from '../helpers/findings.js';

const HASH_A = `hmac-sha256:${'a1b2c3'.repeat(10)}abcd`;
const HASH_B = `hmac-sha256:${'f0e1d2'.repeat(10)}abcd`;

describe('secretTag', () => {
  it('is six hex digits of the hash, without the scheme', () => {
    expect(secretTag(HASH_A)).toBe('#a1b2c3');
    expect(secretTag('0123456789abcdef')).toBe('#012345');
  });
});

describe('groupFindings', () => {
  it('makes one entry of one secret at several paths and by several rules, keeping every location', () => {
    const groups = groupFindings([
      finding({ secretHash: HASH_A, path: 'a.env', severity: 'high', ruleId: 'generic-api-key' }),
      finding({ secretHash: HASH_B, path: 'b.ts' }),
      finding({ secretHash: HASH_A, path: 'c/d.json', severity: 'critical', ruleId: 'github-pat' }),
      finding({ secretHash: HASH_A, path: 'a.env', startLine: 9 }),
    ]);
    expect(groups).toHaveLength(2);
    const [a, b] = groups;
    expect(a?.tag).toBe('#a1b2c3');
    expect(a?.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(['a.env:3', 'c/d.json:3', 'a.env:9']);
    expect(a?.paths).toEqual(['a.env', 'c/d.json']);
    expect(a?.ruleIds).toEqual(['generic-api-key', 'github-pat']);
    expect(a?.severity).toBe('critical');
    expect(b?.findings).toHaveLength(1);
  });

  it('never groups env-file check findings, which share the hash of nothing', () => {
    const check = finding({ source: 'check', secretHash: HASH_A, ruleId: 'env-file-committed' });
    expect(groupFindings([check, { ...check, path: 'other/.env' }])).toHaveLength(2);
  });

  it('takes the earliest introduction among the locations', () => {
    const [g] = groupFindings([
      finding({ secretHash: HASH_A, commit: 'c2', date: '2024-05-01T00:00:00Z', source: 'commit' }),
      finding({ secretHash: HASH_A, commit: 'c1', date: '2023-02-01T00:00:00Z', source: 'commit', path: 'x' }),
    ]);
    expect(g?.introduced?.commit).toBe('c1');
  });
});

describe('liveness', () => {
  const historic = { source: 'commit' as const, commit: 'c'.repeat(40), secretHash: HASH_A };

  it('is live when any location is live, with the union of its refs', () => {
    const [g] = groupFindings([
      finding({ ...historic, liveAt: [] }),
      finding({ ...historic, path: 'b', liveAt: ['release-2.x'] }),
      finding({ ...historic, path: 'c', liveAt: ['main', 'release-2.x'] }),
    ]);
    expect(g?.liveness).toEqual({ live: true, refs: ['release-2.x', 'main'] });
    expect(livenessWords(g?.liveness)).toBe('live on release-2.x, main');
  });

  it('is only in history when every location is gone, naming the removing commit', () => {
    const [g] = groupFindings([finding({ ...historic, liveAt: [], removedIn: 'd'.repeat(40) }), finding({ ...historic, liveAt: [] })]);
    expect(g?.liveness).toEqual({ live: false, removedIn: 'd'.repeat(40) });
    expect(livenessWords(g?.liveness)).toBe(`only in history (removed in ${'d'.repeat(12)})`);
  });

  it('falls back on presentAtHead without liveAt, and on the source without either', () => {
    expect(findingLiveness(finding({ ...historic, presentAtHead: true }))).toEqual({ live: true, refs: ['HEAD'] });
    expect(findingLiveness(finding({ ...historic, presentAtHead: false }))).toEqual({ live: false });
    expect(findingLiveness(finding({ source: 'file' }))).toEqual({ live: true, refs: [] });
    expect(findingLiveness(finding({ source: 'staged' }))).toEqual({ live: true, refs: [] });
    expect(findingLiveness(finding(historic))).toBeUndefined();
    expect(livenessWords(undefined)).toBe('liveness unknown');
  });

  it('is unknown, not "only in history", when one location is gone and another is unknown', () => {
    const [g] = groupFindings([finding({ ...historic, liveAt: [] }), finding({ ...historic, path: 'b' })]);
    expect(g?.liveness).toBeUndefined();
  });
});
