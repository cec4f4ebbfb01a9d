import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { keywordsOf } from '../../src/catalogue/spec.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { inlineExecutor } from '../../src/pool/inline.js';
import { WorkerPool } from '../../src/pool/pool.js';
import type { Task } from '../../src/scanner/task.js';
import { lineChunks } from '../../src/sources/chunks.js';
import { DiffParser } from '../../src/sources/diff.js';

const catalogue = compileCatalogue(builtinRules);
const random = seededRandom('fuzz');
/** Real-looking secrets of every rule, to plant into random text. */
const planted = builtinRules.flatMap((r) => r.examples.positive.map((p) => expandExample(p, random)));

/** Text made of fragments that matter to the engine: keywords, secrets, separators and noise. */
const engineText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...planted),
      fc.constantFrom(...builtinRules.flatMap(keywordsOf)),
      fc.constantFrom('=', ':', '"', "'", '\n', '\r\n', ' ', '\t', '-----BEGIN ', '-----END ', '\\n', '${', '}', '://', '@'),
      fc.string({ maxLength: 40 }),
      fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b).toString('latin1')),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const REAL_DIFF = [
  '\x1eabc\x1fp1\x1fA\x1fa@example.com\x1f2024-01-01T00:00:00Z',
  '',
  'diff --git a/x b/x',
  '--- a/x',
  '+++ b/x',
  '@@ -1,2 +1,3 @@',
  '-old',
  '+new line',
  '+token=value',
  'diff --cc m',
  '--- a/m',
  '+++ b/m',
  '@@@ -1,1 -1,1 +1,2 @@@',
  '++both',
  '+ one',
  'Binary files a/b and b/b differ',
  '',
].join('\n');

describe('fuzzing', () => {
  it('the diff parser never throws and never invents line numbers below 1, on random and mutated input', () => {
    const mutated = fc
      .tuple(fc.nat(REAL_DIFF.length), fc.nat(REAL_DIFF.length), fc.string({ maxLength: 20 }))
      .map(([a, b, s]) => REAL_DIFF.slice(0, Math.min(a, b)) + s + REAL_DIFF.slice(Math.max(a, b)));
    fc.assert(
      fc.property(
        fc.oneof(
          mutated,
          fc.string({ maxLength: 400 }),
          fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        fc.integer({ min: 1, max: 64 }),
        (text, chunk) => {
          const parser = new DiffParser({
            onFragment: (f) => {
              expect(f.firstLine).toBeGreaterThanOrEqual(0);
              expect(f.data.length).toBeGreaterThan(0);
            },
          });
          const bytes = Buffer.from(text, 'latin1');
          for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
          parser.end();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the engine never throws and reports positions inside the text', () => {
    fc.assert(
      fc.property(engineText, (text) => {
        const data = Buffer.from(text, 'utf8');
        // The engine sees the bytes: a lone surrogate in the generated string is U+FFFD there.
        const seen = data.toString('utf8');
        const lines = seen.split('\n').length;
        for (const f of scanFragment(catalogue, data, { path: 'f', source: 'file' })) {
          expect(f.startLine).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeLessThanOrEqual(lines);
          expect(f.startColumn).toBeGreaterThanOrEqual(1);
          expect(f.secretText.length).toBeGreaterThan(0);
          expect(seen).toContain(f.secretText);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the same secrets in a stream however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(engineText, { minLength: 1, maxLength: 8 }), fc.integer({ min: 16, max: 4096 }), async (parts, target) => {
        const text = parts.join('\n');
        const whole = scanFragment(catalogue, Buffer.from(text), { path: 's', source: 'stdin' }).map(
          (f) => `${f.ruleId}@${f.startLine}:${f.secretHash}`,
        );
        const cut: string[] = [];
        async function* source() {
          yield Buffer.from(text);
        }
        for await (const chunk of lineChunks(source(), target)) {
          for (const f of scanFragment(catalogue, chunk.data, {
            path: 's',
            source: 'stdin',
            firstLine: chunk.firstLine,
            owned: chunk.owned,
          })) {
            cut.push(`${f.ruleId}@${f.startLine}:${f.secretHash}`);
          }
        }
        // Every match is shorter than the (default, 64 KiB) overlap, so exactly one chunk sees it whole.
        expect(cut.sort()).toEqual(whole.sort());
      }),
      { numRuns: 300 },
    );
  });

  describe('pool and single thread agree', () => {
    const pool = new WorkerPool(builtinRules, 2);
    afterAll(() => pool.close());

    it('on random fragments', async () => {
      const inline = inlineExecutor(catalogue);
      const samples = fc.sample(fc.array(engineText, { minLength: 1, maxLength: 20 }), { numRuns: 40, seed: 7 });
      for (const texts of samples) {
        const task: Task = {
          kind: 'fragments',
          fragments: texts.map((t, i) => ({ data: Buffer.from(t), meta: { path: `f${i}`, source: 'file' } })),
        };
        const [a, b] = await Promise.all([pool.run(task), inline.run(task)]);
        expect(a.findings).toEqual(b.findings);
      }
    });
  });
});

describe('config and baseline files', () => {
  const VALID_CONFIG = JSON.stringify({
    exclude: ['fixtures/**'],
    disable: ['jwt'],
    rules: [
      { id: 'acme-key', regex: 'acme_[a-z0-9]{16}', keywords: ['acme_'], examples: { positive: ['acme_0123abcd4567efgh'], negative: [] } },
    ],
  });
  const mutate = (text: string) =>
    fc
      .tuple(
        fc.nat(text.length),
        fc.nat(text.length),
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('(', '[', '"', '{', '}', ']', '*+', '(a+)+', '\\', ':', '- ', '\n')),
      )
      .map(([a, b, s]) => text.slice(0, Math.min(a, b)) + s + text.slice(Math.max(a, b)));

  it('a damaged config is either accepted or refused with a KeyscanError, never a crash', async () => {
    const { parseConfigText } = await import('../../src/config/text.js');
    const { parseConfig } = await import('../../src/config/parse.js');
    const samples = fc.sample(fc.oneof(mutate(VALID_CONFIG), mutate(`exclude:\n  - "a/**"\nrules: []\n`)), { numRuns: 400, seed: 11 });
    let refused = 0;
    for (const [i, text] of samples.entries()) {
      const file = i % 2 === 0 ? '/x/.keyscan.json' : '/x/.keyscan.yaml';
      try {
        parseConfig(await parseConfigText(text, file), file, builtinRules);
      } catch (e) {
        refused++;
        expect((e as { name?: string }).name, String(e)).toBe('KeyscanError');
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('a damaged baseline is either read or refused with a KeyscanError, never a crash', async () => {
    const { parseBaseline } = await import('../../src/baseline/format.js');
    const valid = JSON.stringify(
      { version: 1, entries: [{ ruleId: 'github-pat', path: 'a.txt', secretHash: 'a'.repeat(64), fingerprint: 'b'.repeat(64) }] },
      null,
      2,
    );
    let refused = 0;
    for (const text of fc.sample(mutate(valid), { numRuns: 400, seed: 12 })) {
      try {
        parseBaseline(text, '/x/.keyscan-baseline.json');
      } catch (e) {
        refused++;
        expect((e as { name?: string }).name, String(e)).toBe('KeyscanError');
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('env-file parser', () => {
  it('never throws, and every entry points inside the text, on random and mutated env files', async () => {
    const { parseEnv } = await import('../../src/checks/env-parse.js');
    const base = '\uFEFF# comment\r\nexport A=1\nB="multi\nline \\" quoted"\nC=\'single\'\nD=`tick`\nE: yaml-ish\n\nF=${G}\n';
    const pieces = fc.oneof(
      fc.constantFrom('=', '"', "'", '`', '\n', '\r\n', '\r', '#', 'export ', ' ', '\\', '${', '}', ':', '\uFEFF'),
      fc.string({ maxLength: 15 }),
    );
    const texts = fc.oneof(
      fc.array(pieces, { maxLength: 80 }).map((p) => p.join('')),
      fc
        .tuple(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 10 }))
        .map(([a, b, s]) => base.slice(0, Math.min(a, b)) + s + base.slice(Math.max(a, b))),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const e of parseEnv(text)) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines);
          expect(e.valueLine).toBeGreaterThanOrEqual(e.line);
          expect(e.valueLine).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
