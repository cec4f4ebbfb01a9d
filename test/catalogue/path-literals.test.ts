import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue, toRegExp } from '../../src/catalogue/compile.js';
import { literalsFor, literalsKey, offerPathLiterals, PATH_LITERALS_TAG, requiredLiterals } from '../../src/catalogue/path-literals.js';
import { ROOT } from '../helpers/cli.js';

/** Whether the literals let `text` through to the pattern (what PathCondition does first). */
function passes(literals: readonly string[] | undefined, text: string, flags: string): boolean {
  if (literals === undefined) return true;
  const t = flags.includes('i') ? text.toLowerCase() : text;
  return literals.some((l) => t.includes(l));
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random pattern over a small alphabet, with the constructs path conditions use. */
function randomPattern(next: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const atom = (): string => {
    const r = next();
    if (depth < 3 && r < 0.2) return `(?:${randomPattern(next, depth + 1)})`;
    if (depth < 3 && r < 0.25) return `(${randomPattern(next, depth + 1)})`;
    if (depth < 3 && r < 0.3) return `(?${pick(['=', '!', '<=', '<!'])}${randomPattern(next, depth + 1)})`;
    if (r < 0.4) return pick(['[ab]', '[.A]', '[^a]', '[a-b]', '[\\w.]', '[-/]']);
    if (r < 0.45) return pick(['^', '$', '\\b', '.', '\\w', '\\d', '\\/', '\\.']);
    return pick(['a', 'b', 'A', 'B', '.', '/', '-']);
  };
  const seq = (): string => {
    let s = '';
    const n = 1 + Math.floor(next() * 4);
    for (let i = 0; i < n; i++) s += atom() + (next() < 0.3 ? pick(['?', '*', '+', '{2}', '{1,2}', '{0,1}', '+?']) : '');
    return s;
  };
  let s = seq();
  while (next() < 0.3) s += `|${seq()}`;
  return s;
}

/** Every string over `alphabet` up to `max` characters. */
function allStrings(alphabet: string, max: number): string[] {
  const out = [''];
  let layer = [''];
  for (let n = 1; n <= max; n++) {
    layer = layer.flatMap((s) => [...alphabet].map((c) => s + c));
    out.push(...layer);
  }
  return out;
}

function filesUnder(dir: string, limit: number): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (out.length >= limit) return;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

describe('requiredLiterals', () => {
  it('reads what a match must contain', () => {
    expect(requiredLiterals('(?:^|\\/)[._]netrc$', 'i')).toEqual(['.netrc', '_netrc', '/.netrc', '/_netrc']);
    expect(requiredLiterals('\\.tfstate(?:\\.backup)?$', 'i')).toEqual(['.tfstate', '.tfstate.backup']);
    expect(requiredLiterals('(?:^|\\/)config\\/secrets\\.ya?ml$', 'i')).toEqual(expect.arrayContaining(['config/secrets.yml']));
    // Case-sensitive patterns keep their case; folded ones are lowercase.
    expect(requiredLiterals('Dockerfile$', '')).toEqual(['Dockerfile']);
    expect(requiredLiterals('Dockerfile$', 'i')).toEqual(['dockerfile']);
    // Beyond ASCII nothing is read: the rest still counts.
    expect(requiredLiterals('ſecret', 'i')).toEqual(['ecret']);
    // A lookbehind narrows where, not what.
    expect(requiredLiterals('(?<!test\\/)secrets\\.json$', 'i')).toEqual(['secrets.json']);
  });

  it('gives none where it cannot be sure', () => {
    for (const [source, flags] of [
      ['.*', ''],
      ['a|.', ''],
      ['(?:abc)?', ''],
      ['\\x41bc', ''], // a coded character
      ['(a)\\1', ''], // a back-reference
      ['secret', 'iu'], // Unicode folding: ſ and K match s and k
      ['[[a]]', 'v'],
      ['a{', ''], // a literal brace
      ['[]a', ''], // an empty class
    ] as const) {
      expect(requiredLiterals(source, flags), `${source} /${flags}`).toBeUndefined();
    }
  });

  it('is sound on 1,500 random patterns against every string of up to 5 characters', () => {
    const strings = allStrings('aAb./', 5);
    const next = random(20261204);
    let checked = 0;
    for (let n = 0; n < 1500; n++) {
      const source = randomPattern(next);
      const flags = next() < 0.5 ? 'i' : '';
      let re: RegExp;
      try {
        re = new RegExp(source, flags);
      } catch {
        continue; // a lookbehind with a quantifier V8 rejects, and the like
      }
      const literals = requiredLiterals(source, flags);
      if (literals === undefined) continue;
      checked++;
      for (const s of strings) if (re.test(s)) expect(passes(literals, s, flags), `/${source}/${flags} on ${JSON.stringify(s)}`).toBe(true);
    }
    // The property is not checked vacuously: most patterns have literals.
    expect(checked).toBeGreaterThan(750);
  });
});

describe('the built-in path conditions', () => {
  const catalogue = compileCatalogue(builtinRules);
  const conditions = catalogue.paths as unknown as Array<{
    pattern: RegExp;
    literals: readonly string[] | undefined;
    test(p: string): boolean;
  }>;

  it('almost all have literals, so most paths are answered without running a pattern', () => {
    expect(conditions.length).toBeGreaterThan(30);
    expect(conditions.filter((c) => c.literals === undefined).length).toBeLessThanOrEqual(2);
  });

  it("answer exactly as their patterns on the rules' example paths, the repository's own files and node_modules, in any case", () => {
    const paths = new Set<string>();
    for (const rule of builtinRules) if (rule.examples?.path !== undefined) paths.add(rule.examples.path);
    const examplePaths = paths.size;
    for (const p of filesUnder(join(ROOT, 'node_modules'), 40_000)) paths.add(p);
    for (const p of filesUnder(join(ROOT, 'test'), 5_000)) paths.add(p);
    // Each literal in a few settings: nested, upper case, with a suffix.
    for (const c of conditions)
      for (const l of c.literals ?? []) for (const p of [l, `a/${l}`, `x/${l.toUpperCase()}`, `${l}.bak`]) paths.add(p);
    let met = 0;
    for (const p of paths) {
      for (const c of conditions) {
        const expected = toRegExp(c.pattern, 'test', '').test(p);
        if (expected) met++;
        if (c.test(p) !== expected) expect.fail(`${c.pattern} on ${p}: ${!expected}`);
      }
    }
    expect(examplePaths).toBeGreaterThan(30);
    expect(met).toBeGreaterThan(500);
  });

  it("the bundle ships each one's literals as read from its pattern, and those are used", () => {
    const data = readFileSync(join(ROOT, 'dist', 'bundle', 'path-literals.bin'), 'latin1');
    expect(data.startsWith(PATH_LITERALS_TAG)).toBe(true);
    const shipped = new Map(JSON.parse(data.slice(PATH_LITERALS_TAG.length)) as Array<[string, string[] | null]>);
    expect([...shipped.keys()].sort()).toEqual(conditions.map((c) => literalsKey(c.pattern.source, c.pattern.flags)).sort());
    for (const c of conditions) {
      expect(shipped.get(literalsKey(c.pattern.source, c.pattern.flags))).toEqual(
        requiredLiterals(c.pattern.source, c.pattern.flags) ?? null,
      );
    }
    const [source, flags] = ['(?:^|\\/)\\.npmrc$', 'i'];
    offerPathLiterals(new Map([[literalsKey(source, flags), ['offered']]]));
    try {
      expect(literalsFor(source, flags)).toEqual(['offered']);
      expect(literalsFor('other$', '')).toEqual(['other']);
    } finally {
      offerPathLiterals(new Map());
    }
  });
});
