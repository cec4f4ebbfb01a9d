import { describe, expect, it } from 'vitest';
import { buildBaseline, parseBaseline, serializeBaseline } from '../../src/baseline/format.js';
import { fingerprintOf, sha256 } from '../../src/engine/fingerprint.js';

const h = (s: string) => sha256(s);
const finding = (path: string, secret = 's1', ruleId = 'github-pat') => ({ ruleId, path, secretHash: h(secret) });
const entry = (path: string, secret = 's1', extra: Record<string, string> = {}) => ({
  ruleId: 'github-pat',
  path,
  secretHash: h(secret),
  fingerprint: fingerprintOf('github-pat', path, h(secret)),
  ...extra,
});
const SALT = 'ab'.repeat(32);
const file = (entries: unknown[]) => JSON.stringify({ version: 2, salt: SALT, entries });

describe('baseline file', () => {
  it('is written sorted, one entry per rule + path + secret, without lines, times or secrets', () => {
    const { baseline } = buildBaseline([finding('b.ts'), finding('a.ts', 's2'), finding('a.ts'), finding('a.ts')], undefined, () => false);
    const text = serializeBaseline(baseline);
    expect(baseline.entries.map((e) => e.path)).toEqual(['a.ts', 'a.ts', 'b.ts']);
    expect(text).not.toMatch(/"(?:startLine|line|date|time|acceptedAt|secret)"|"s1"|"s2"/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(serializeBaseline(parseBaseline(text, 'f'))).toBe(text); // stable round trip
    expect(JSON.parse(text)).toMatchObject({ version: 2, salt: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('gets a fresh random salt when new, and keeps the previous one on regeneration', () => {
    const a = buildBaseline([finding('a.ts')], undefined, () => false).baseline;
    const b = buildBaseline([finding('a.ts')], undefined, () => false).baseline;
    expect(a.salt).not.toBe(b.salt);
    expect(buildBaseline([finding('a.ts')], parseBaseline(file([]), 'f'), () => false).baseline.salt).toBe(SALT);
  });

  it('reads the old format (version 1, no salt), and never writes it', () => {
    const old = parseBaseline(JSON.stringify({ version: 1, entries: [entry('a.ts')] }), 'f');
    expect(old).toMatchObject({ version: 1, entries: [{ path: 'a.ts' }] });
    expect(old.salt).toBeUndefined();
    expect(() => serializeBaseline(old)).toThrow(/version 2/);
  });

  it('keeps reasons on regeneration, also for a moved secret, and notes new entries', () => {
    const previous = parseBaseline(
      file([entry('a.ts', 's1', { reason: 'fixture', acceptedBy: 'ana' }), entry('old.ts', 's2', { reason: 'docs' })]),
      'f',
    );
    const { baseline, changes } = buildBaseline(
      [finding('a.ts'), finding('new.ts', 's2'), finding('c.ts', 's3')],
      previous,
      (p) => p === 'old.ts',
      {
        reason: 'triaged',
      },
    );
    expect(baseline.entries.map((e) => [e.path, e.reason, e.acceptedBy])).toEqual([
      ['a.ts', 'fixture', 'ana'],
      ['c.ts', 'triaged', undefined],
      ['new.ts', 'docs', undefined],
    ]);
    expect(changes).toEqual({ added: 1, kept: 2, removed: 0 });
  });

  it('merges duplicate entries and accepts any order', () => {
    const b = parseBaseline(file([entry('b.ts'), entry('a.ts'), entry('a.ts', 's1', { reason: 'r' })]), 'f');
    expect(b.entries.map((e) => [e.path, e.reason])).toEqual([
      ['a.ts', 'r'],
      ['b.ts', undefined],
    ]);
  });

  it.each([
    ['', /\(top level\): the file is empty/],
    ['{"version": 1, "entries": [', /\(top level\): not valid JSON \(truncated or damaged\?\)/],
    ['[]', /\(top level\): must be an object/],
    [JSON.stringify({ version: 3, entries: [] }), /version: must be 2/],
    [JSON.stringify({ version: 2, entries: [] }), /salt: must be 64 lowercase hex/],
    [JSON.stringify({ version: 2, salt: 'short', entries: [] }), /salt: must be 64 lowercase hex/],
    [JSON.stringify({ version: 1, salt: SALT, entries: [] }), /salt: a version 1 baseline has no salt/],
    [JSON.stringify({ version: 2, salt: SALT }), /entries: must be a list/],
    [JSON.stringify({ version: 2, salt: SALT, entries: [], extra: 1 }), /extra: unknown key/],
    [file([{ ...entry('a.ts'), secret: 'x' }]), /entries\[0\]\.secret: unknown key/],
    [file([{ ...entry('a.ts'), secretHash: 'abc' }]), /entries\[0\]\.secretHash: must be 64 lowercase hex/],
    [file([{ ...entry('a.ts'), path: 'b.ts' }]), /entries\[0\]\.fingerprint: does not match/],
    [file([{ ...entry('a.ts'), reason: 3 }]), /entries\[0\]\.reason: must be a string/],
  ])('refuses %j', (text, message) => {
    expect(() => parseBaseline(text, '.keyscan-baseline.json')).toThrow(message);
  });
});
