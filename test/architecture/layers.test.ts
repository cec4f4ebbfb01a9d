/**
 * The house's floor plan, enforced: each room (a folder of src/, a file at src/'s top, rules/) may
 * import only rooms on lower floors, so no folder imports upward and no two folders import each
 * other. Type-only and dynamic imports count like any other. A new folder must be given a floor here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Top floor first. A room may import rooms on any later floor, never one on its own or an earlier floor. */
const FLOORS: readonly (readonly string[])[] = [
  ['action'], // the GitHub Action's entry
  ['cli'], // argv, printing, exit codes
  ['ci'], // CI providers: plan from the event, publish results
  ['index'], // the library's face
  ['scan'], // wires a scan: options → mode → executor → filters → result
  ['scan-options'], // a config and flags → scan options (the CLI and keyscan ci alike)
  ['modes'], // what to scan: files, stdin, staged, range, history, pre-push
  ['cache'], // what earlier history scans found clean
  ['checks', 'pipeline', 'baseline', 'pool'], // env-file checks; collecting results; baselines; workers
  ['hash', 'setup'], // keyed hashes; `init`
  ['filters'], // allowlists, inline allows, baselines, first-introduced
  ['config'], // config files, user rules
  ['report'], // reporters
  ['scanner'], // the work of one task: read, decode, scan
  ['sources'], // what there is to read: files, diffs, blobs, names
  ['rules'], // the catalogue, as data
  ['catalogue'], // rule specs compiled for the engine
  ['engine'], // matching bytes against the compiled catalogue
  ['git'], // the one git runner and what it reads
  ['rules/examples'], // documented example values (data that imports nothing)
  ['types'], // shared data types
  ['errors', 'version', 'secret', 'regex-guard', 'atomic-write'], // the ground
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The room a file belongs to. */
function roomOf(file: string): string {
  const fromSrc = relative(join(ROOT, 'src'), file).split('\\').join('/');
  if (!fromSrc.startsWith('..')) {
    const parts = fromSrc.split('/');
    return parts.length === 1 ? (parts[0] ?? '').replace(/\.(ts|js)$/, '') : (parts[0] ?? '');
  }
  const fromRules = relative(join(ROOT, 'rules'), file).split('\\').join('/');
  if (!fromRules.startsWith('..')) return fromRules.replace(/\.(ts|js)$/, '') === 'examples' ? 'rules/examples' : 'rules';
  return `outside:${relative(ROOT, file)}`;
}

/** Every relative import of a file: static, type-only, re-exports and dynamic `import()`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1] ?? '');
  return specs.map((s) => resolve(dirname(file), s));
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
}

function edges(): Edge[] {
  const files = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'rules'))];
  return files.flatMap((file) =>
    importsOf(file)
      .map((target) => ({ from: roomOf(file), to: roomOf(target), file: relative(ROOT, file) }))
      .filter((e) => e.from !== e.to),
  );
}

const floorOf = new Map(FLOORS.flatMap((rooms, floor) => rooms.map((room) => [room, floor] as const)));

/** Imports of a room on the same floor or a higher one. */
function wrongImports(list: readonly Edge[]): string[] {
  const wrong = list.filter((e) => (floorOf.get(e.to) ?? -1) <= (floorOf.get(e.from) ?? -1)).map((e) => `${e.file}: ${e.from} → ${e.to}`);
  return [...new Set(wrong)].sort();
}

describe('the floor plan', () => {
  const all = edges();

  it('gives every room a floor', () => {
    const rooms = new Set(all.flatMap((e) => [e.from, e.to]));
    expect([...rooms].filter((r) => !floorOf.has(r)).sort()).toEqual([]);
  });

  it('has no import that runs upward or sideways (so no folder cycle)', () => {
    expect(wrongImports(all)).toEqual([]);
  });

  it('is checked against real imports, and would catch an upward one', () => {
    // Guards the check itself: a reader that saw no imports would pass everything.
    expect(all.filter((e) => e.from === 'scan' && e.to === 'modes').length).toBeGreaterThan(0);
    expect(all.filter((e) => e.from === 'pool' && e.to === 'scanner').length).toBeGreaterThan(0);
    expect(wrongImports([{ from: 'sources', to: 'pool', file: 'src/sources/x.ts' }])).toEqual(['src/sources/x.ts: sources → pool']);
    expect(wrongImports([{ from: 'checks', to: 'pipeline', file: 'src/checks/x.ts' }])).toHaveLength(1);
  });
});
