import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDigest, CHANGES_CLEAN, HistoryCache, historyCacheKey, METADATA_CLEAN, RULE_DOCS } from '../../src/cache/history-cache.js';

const sha = (i: number, width = 40): string => i.toString(16).padStart(width, '0');
const rule = (over: Record<string, unknown> = {}) => ({
  id: 'demo-token',
  regex: /demo_[a-z0-9]{20}/,
  keywords: ['demo_'],
  remediation: { revoke: 'https://example.com/revoke', rotate: 'Rotate it.' },
  references: ['https://example.com/docs'],
  examples: { positive: ['demo_aaaaaaaaaaaaaaaaaaaa'], negative: [] },
  ...over,
});
const keyOf = (rules: object[]) => historyCacheKey({ rules, allowMarkers: false, env: {} });

async function open(dir: string, key = 'k', metadata = true) {
  const warnings: string[] = [];
  const debug: string[] = [];
  const cache = await HistoryCache.open(dir, key, { metadata, warn: (m) => warnings.push(m), debug: (m) => debug.push(m) });
  return { cache, warnings, debug };
}

describe('the history cache key', () => {
  it('is the same whatever a rule documents (remediation, references, examples), and reads none of it', () => {
    const base = keyOf([rule()]);
    expect(keyOf([rule({ examples: { positive: ['demo_bbbbbbbbbbbbbbbbbbbb'], negative: ['x'] } })])).toBe(base);
    expect(keyOf([rule({ remediation: { revoke: 'https://example.org/', rotate: 'Other.' }, references: [] })])).toBe(base);
    // The built-in rules read their documentation lazily (scripts/bundle.mjs): the key never asks for it.
    const lazy = rule();
    for (const key of RULE_DOCS) {
      Object.defineProperty(lazy, key, {
        enumerable: true,
        get() {
          throw new Error(`the cache key read ${key}`);
        },
      });
    }
    expect(keyOf([lazy])).toBe(base);
  });

  it('changes with anything that changes what a rule finds', () => {
    const base = keyOf([rule()]);
    expect(keyOf([rule({ regex: /demo_[a-z0-9]{21}/ })])).not.toBe(base);
    expect(keyOf([rule({ keywords: ['demo-'] })])).not.toBe(base);
    expect(keyOf([rule({ entropy: 3 })])).not.toBe(base);
    expect(keyOf([rule(), rule({ id: 'other' })])).not.toBe(base);
    expect(historyCacheKey({ rules: [rule()], allowMarkers: true, env: {} })).not.toBe(base);
  });
});

describe('the history cache file', () => {
  it('reads back what it saved, answering for its own list at once and for any other list commit by commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyscan-cache-'));
    const commits = Array.from({ length: 6 }, (_, i) => sha(i + 1));
    const first = (await open(dir)).cache;
    first.add(commits[0] as string, undefined);
    first.add(commits[2] as string, { binary: 2 });
    first.addMetadata(commits[2] as string);
    first.addMetadata(commits[3] as string);
    await first.save(commits, 'a'.repeat(64));
    const file = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as Record<string, unknown>;
    expect(file.version).toBe(3);
    expect(file.commits).toBe(commits.join(''));
    expect(file.state).toBe('103200');

    const { cache, warnings } = await open(dir);
    expect(warnings).toEqual([]);
    const listed = cache.commitsListedFrom('a'.repeat(64));
    expect(listed).toEqual(commits);
    expect(cache.commitsListedFrom('b'.repeat(64))).toBeUndefined();
    const own = listed as readonly string[];
    expect(cache.cleanAmong(own)).toBe(2);
    expect([...cache.statesOf(own)]).toEqual([CHANGES_CLEAN, 0, CHANGES_CLEAN | METADATA_CLEAN, METADATA_CLEAN, 0, 0]);
    // Another list (the refs moved): the same answers by commit, unknown commits clean of nothing.
    const other = [sha(99), commits[3] as string, commits[2] as string];
    expect(cache.cleanAmong(other)).toBe(1);
    expect([...cache.statesOf(other)]).toEqual([0, METADATA_CLEAN, CHANGES_CLEAN | METADATA_CLEAN]);
    expect(cache.skipsOf(commits[2] as string)).toEqual({ binary: 2 });
    // Without metadata caching (allow markers collected), no metadata bit is given out.
    const noMeta = (await open(dir, 'k', false)).cache;
    expect([...noMeta.statesOf(noMeta.commitsListedFrom('a'.repeat(64)) ?? [])]).toEqual([1, 0, 1, 0, 0, 0]);
  });

  it('holds SHA-256 commits too, and keeps the bits of commits not in this scan out of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyscan-cache-'));
    const commits = [sha(1, 64), sha(2, 64)];
    const first = (await open(dir)).cache;
    first.add(commits[1] as string, undefined);
    await first.save(commits, undefined);
    const { cache, warnings } = await open(dir);
    expect(warnings).toEqual([]);
    expect(cache.has(commits[1] as string)).toBe(true);
    expect(cache.has(commits[0] as string)).toBe(false);
    expect(cache.commitsListedFrom(undefined)).toBeUndefined();
  });

  it('supersedes an older version silently, and ignores with a warning a file that is not exactly what it writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyscan-cache-'));
    const file = join(dir, 'history.json');
    const v2 = { format: 'keyscan-history-cache', version: 2, key: 'k', commits: [sha(1)], state: '3', skips: {} };
    writeFileSync(file, JSON.stringify(v2));
    const old = await open(dir);
    expect(old.warnings).toEqual([]);
    expect(old.debug.join('\n')).toContain('older keyscan');
    expect(old.cache.has(sha(1))).toBe(false);
    const v3 = (commits: string, state: string, skips: object = {}) =>
      JSON.stringify({ format: 'keyscan-history-cache', version: 3, key: 'k', commits, state, skips });
    const bad = [
      v3(sha(1) + sha(2), '3'), // two commits, one state
      v3(sha(1) + sha(1), '33'), // a commit twice
      v3(sha(1).slice(0, 39) + sha(2).slice(0, 39), '33'), // no SHA width
      v3(sha(1).toUpperCase().replace(/0/g, 'A'), '3'), // not lower-case hex
      v3(sha(1), '4'),
      v3(sha(1), '2', { [sha(1)]: { binary: 1 } }), // skips of a commit whose changes are not clean
      v3(sha(1), '1', { [sha(2)]: { binary: 1 } }), // skips of a commit not listed
      v3(sha(1), '1', { [sha(1)]: { 'no-such-reason': 1 } }),
      JSON.stringify({ ...v2, version: 3 }), // an array of commits is version 2's
    ];
    for (const content of bad) {
      writeFileSync(file, content);
      const r = await open(dir);
      expect(r.warnings.join('\n'), content).toContain('is not a keyscan history cache of this version');
      expect(r.cache.has(sha(1))).toBe(false);
      expect(r.cache.cleanAmong([sha(1), sha(2)])).toBe(0);
    }
    writeFileSync(file, v3(sha(1), '3'));
    const good = await open(dir);
    expect(good.warnings).toEqual([]);
    expect(good.cache.has(sha(1))).toBe(true);
  });
});

describe('the history cache key of the built-in catalogue', () => {
  const builtin = [rule(), rule({ id: 'second-token', regex: /second_[a-z]{10}/ })];
  const keyWith = (rules: object[], digest = 'd1') =>
    historyCacheKey({ rules, allowMarkers: false, env: {}, builtin: { rules: builtin, digest } });

  it('keys a built-in rule by its place and the catalogue digest, without reading the rule', () => {
    const unread = builtin.map((r) => {
      const copy = { ...r };
      Object.defineProperty(copy, 'regex', {
        enumerable: true,
        get() {
          throw new Error('the cache key read a built-in rule');
        },
      });
      return copy;
    });
    const key = historyCacheKey({ rules: unread, allowMarkers: false, env: {}, builtin: { rules: unread, digest: 'd1' } });
    expect(key).toBe(keyWith(builtin));
    expect(keyWith(builtin, 'd2')).not.toBe(keyWith(builtin));
  });

  it('changes when the config disables, reorders or overrides a built-in rule, or adds its own', () => {
    const base = keyWith(builtin);
    expect(keyWith([builtin[1] as object])).not.toBe(base);
    expect(keyWith([builtin[1] as object, builtin[0] as object])).not.toBe(base);
    expect(keyWith([builtin[0] as object, { ...builtin[1], severity: 'low' }])).not.toBe(base);
    // An overridden rule is keyed by its content: the same override, the same key.
    expect(keyWith([builtin[0] as object, { ...builtin[1], severity: 'low' }])).toBe(
      keyWith([builtin[0] as object, { ...builtin[1], severity: 'low' }]),
    );
    expect(keyWith([...builtin, rule({ id: 'mine', regex: /mine_[0-9]{8}/ })])).not.toBe(base);
  });

  it('outside the bundle, digests the rules themselves, documentation left out', () => {
    expect(builtinDigest([rule({ examples: { positive: ['x'], negative: [] } })])).toBe(builtinDigest([rule()]));
    expect(builtinDigest([rule({ regex: /demo_[a-z]{20}/ })])).not.toBe(builtinDigest([rule()]));
  });
});
