/**
 * The credential-file recall benchmark: writes every variant of every kind (scripts/credential-files/kinds.ts)
 * into a temporary directory, runs the built keyscan CLI over it as a user would, and reports recall
 * per kind. Run it with `npm run bench:credential-files [-- --seed S]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { credentialFiles } from './kinds.js';
import { type Span, scoreKinds } from './score.js';

interface ReportedFinding {
  readonly ruleId: string;
  readonly path: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

// --cli: another build of keyscan's bin/keyscan.js (to compare with an older version).
const { values } = parseArgs({ options: { seed: { type: 'string', default: 'keyscan-credential-files-v1' }, cli: { type: 'string' } } });
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = values.cli ?? join(root, 'bin', 'keyscan.js');
const files = credentialFiles(values.seed);
const dir = mkdtempSync(join(tmpdir(), 'keyscan-credential-files-'));
try {
  for (const file of files) {
    const abs = join(dir, file.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, file.text);
  }
  const config = join(dir, '.keyscan-bench.json');
  writeFileSync(config, '{}');
  const out = join(dir, '.keyscan-report.json');
  try {
    execFileSync(process.execPath, [cli, '.', '-c', config, '-f', 'json', '-o', out, '--no-progress'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (e) {
    // Exit code 1 means findings, which is what this benchmark expects; anything else is a failure.
    if ((e as { status?: number }).status !== 1) throw e;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: ReportedFinding[]; stats: { filesScanned: number } };
  const spans = new Map<string, Span[]>();
  const rulesByPath = new Map<string, Set<string>>();
  for (const f of report.findings) {
    spans.set(f.path, [
      ...(spans.get(f.path) ?? []),
      { start: { line: f.startLine, column: f.startColumn }, end: { line: f.endLine, column: f.endColumn } },
    ]);
    rulesByPath.set(f.path, (rulesByPath.get(f.path) ?? new Set()).add(f.ruleId));
  }
  const scores = scoreKinds(files, spans);
  const planted = scores.reduce((n, s) => n + s.planted, 0);
  const found = scores.reduce((n, s) => n + s.found, 0);
  console.log(
    `credential-file recall set: ${files.length} files, ${scores.length} kinds, ${files.length} variants, ${planted} secrets (seed ${values.seed}; ${report.stats.filesScanned} files scanned)\n`,
  );
  for (const s of scores) {
    const rules = new Set(files.filter((f) => f.kind === s.kind).flatMap((f) => [...(rulesByPath.get(f.path) ?? [])]));
    const missed = s.missed.length > 0 ? `  missed: ${s.missed.join(', ')}` : '';
    console.log(
      `${s.kind.padEnd(22)} ${String(s.found).padStart(3)}/${String(s.planted).padEnd(3)} (${s.variants} variants)  ${[...rules].sort().join(' ')}${missed}`,
    );
  }
  const kindsFound = scores.filter((s) => s.found === s.planted).length;
  console.log(
    `\noverall: ${found}/${planted} secrets (${((100 * found) / planted).toFixed(1)}%), ${kindsFound}/${scores.length} kinds fully found`,
  );
  if (kindsFound < scores.length) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
