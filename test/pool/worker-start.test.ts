// What a worker is handed so that it need not compile what the main thread already has: the
// prevalidated marks (by index) and the precompiled keyword automaton. Its own file: offering an
// automaton sets this thread's module state.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue, splitPattern } from '../../src/catalogue/compile.js';
import { literalsKey, offerPathLiterals } from '../../src/catalogue/path-literals.js';
import { markPrevalidated } from '../../src/catalogue/prevalidated.js';
import type { RuleSpec } from '../../src/catalogue/spec.js';
import { deserializeKeywords, offerPrecompiledKeywords, serializeKeywords } from '../../src/engine/keywords.js';
import { WorkerPool } from '../../src/pool/pool.js';
import type { Task } from '../../src/scanner/task.js';
import { tokens } from '../helpers/tokens.js';

const pools: WorkerPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

const task = (text: string): Task => ({
  kind: 'fragments',
  fragments: [{ data: Buffer.from(text), meta: { path: 'a.txt', source: 'stdin' } }],
});

/** A rule whose pattern does not compile: a worker that compiles it at start fails. */
function broken(): RuleSpec {
  return { ...(builtinRules[0] as RuleSpec), id: 'broken-pattern', regex: '(unclosed', keywords: ['zzqqkeyword'] };
}

describe('a worker started by the pool', () => {
  it('keeps the main thread’s prevalidated marks: such a pattern compiles on first use, not at start', async () => {
    const unmarked = new WorkerPool([broken()], 1);
    pools.push(unmarked);
    await expect(unmarked.run(task('clean text'))).rejects.toMatchObject({ code: 'E_WORKER' });
    const marked = new WorkerPool(markPrevalidated([broken()]), 1);
    pools.push(marked);
    await expect(marked.run(task('clean text'))).resolves.toMatchObject({ findings: [], errors: [] });
  });

  it('uses the automaton offered to the main thread, and finds the same as without one', async () => {
    const secret = tokens.githubPat();
    const plain = new WorkerPool(builtinRules, 1);
    pools.push(plain);
    const before = await plain.run(task(`t=${secret}`));
    expect(before.findings.map((f) => f.finding.ruleId)).toEqual(['github-pat']);

    const real = compileCatalogue(builtinRules).keywords;
    // Same keyword list, but a table that never reaches a keyword: a worker that uses it finds nothing.
    const blind = deserializeKeywords(serializeKeywords(real));
    offerPrecompiledKeywords(serializeKeywords({ ...blind, delta: new Int32Array(blind.delta.length) }));
    const fooled = new WorkerPool(builtinRules, 1);
    pools.push(fooled);
    expect((await fooled.run(task(`t=${secret}`))).findings).toEqual([]);

    offerPrecompiledKeywords(serializeKeywords(real));
    const offered = new WorkerPool(builtinRules, 1);
    pools.push(offered);
    const after = await offered.run(task(`t=${secret}`));
    expect(after.findings.map((f) => f.finding)).toEqual(before.findings.map((f) => f.finding));
  });

  it("uses the path conditions' literals offered to the main thread", async () => {
    const npmrc = builtinRules.find((r) => r.id === 'npm-config-credential') as RuleSpec;
    const { source, flags } = splitPattern(npmrc.path as RegExp | string);
    const at = (path: string): Task => ({
      kind: 'fragments',
      fragments: [{ data: Buffer.from('//registry.internal/:_authToken=q8w7e6r5t4y3\n'), meta: { path, source: 'stdin' } }],
    });
    const ids = async (pool: WorkerPool): Promise<string[]> => (await pool.run(at('app/.npmrc'))).findings.map((f) => f.finding.ruleId);
    const plain = new WorkerPool(builtinRules, 1);
    pools.push(plain);
    expect(await ids(plain)).toContain('npm-config-credential');
    // Literals no .npmrc path holds: a worker that uses them never runs the condition's pattern.
    offerPathLiterals(new Map([[literalsKey(source, flags), ['no-such-literal']]]));
    try {
      const fooled = new WorkerPool(builtinRules, 1);
      pools.push(fooled);
      expect(await ids(fooled)).not.toContain('npm-config-credential');
    } finally {
      offerPathLiterals(new Map());
    }
  });
});
