import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyscan } from '../helpers/cli.js';
import { git, makeRepo, tempDir, writeFiles } from '../helpers/repo.js';

/** A preload that writes the Node built-ins a process loaded to $KEYSCAN_TEST_MODULES at exit. */
function moduleRecorder(): { env: (file: string) => Record<string, string> } {
  const preload = join(tempDir('keyscan-modules-'), 'record.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.KEYSCAN_TEST_MODULES, process.moduleLoadList.join('\\n')));\n",
  );
  return { env: (file) => ({ NODE_OPTIONS: `--require ${preload}`, KEYSCAN_TEST_MODULES: file }) };
}

/** The built-ins Node loads to run an empty CommonJS script, as keyscan's bin is one. */
function plainScriptModules(recorder: ReturnType<typeof moduleRecorder>): string[] {
  const dir = tempDir('keyscan-modules-');
  const script = join(dir, 'empty.cjs');
  writeFileSync(script, '');
  const out = join(dir, 'loaded.txt');
  const r = spawnSync(process.execPath, [script], { env: { ...process.env, ...recorder.env(out) } });
  if (r.status !== 0) throw new Error(`node could not run an empty script: ${r.stderr}`);
  return readFileSync(out, 'utf8').split('\n');
}

describe('a pre-commit run (keyscan --staged) loads nothing a staged scan does not use', () => {
  it('no ES module loader, no yargs, no fs/promises, perf_hooks, crypto or worker threads', async () => {
    const dir = makeRepo({ 'a.js': 'a\n' }, { commit: true });
    writeFiles(dir, { 'a.js': 'a\nconst x = compute(1);\n', 'b.js': 'export const y = 2;\n' });
    git(dir, 'add', '-A');
    const recorder = moduleRecorder();
    const out = join(tempDir('keyscan-modules-'), 'loaded.txt');
    const r = await keyscan(['--staged'], { cwd: dir, env: recorder.env(out) });
    expect(r.stderr).toBe('');
    expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^No secrets found · scanned 2 files/)]);
    const loaded = readFileSync(out, 'utf8').split('\n');
    // The recorder sees what it should: child_process ran git, and the list is Node's own.
    expect(loaded).toContain('NativeModule child_process');
    const unwanted = [
      /^NativeModule internal\/modules\/esm\/translators$/, // an ES module entry
      /^NativeModule assert$/, // yargs
      /^NativeModule (internal\/)?fs\/promises$/,
      /^NativeModule (internal\/)?readline/,
      /^NativeModule perf_hooks$/,
      /^NativeModule crypto$/,
      /^NativeModule worker_threads$/,
    ];
    // What Node loads for any CommonJS script is not keyscan's doing (Node 24 loads the ES module
    // translators even then; Node 20 does not).
    const baseline = new Set(plainScriptModules(recorder));
    expect(loaded.filter((m) => unwanted.some((u) => u.test(m)) && !baseline.has(m))).toEqual([]);
  });

  it('the recorder itself sees those modules where they are loaded', () => {
    const out = join(tempDir('keyscan-modules-'), 'loaded.txt');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "import 'node:fs/promises'; import 'node:perf_hooks';"], {
      env: { ...process.env, ...moduleRecorder().env(out) },
    });
    expect(r.status).toBe(0);
    const loaded = readFileSync(out, 'utf8').split('\n');
    expect(loaded).toEqual(
      expect.arrayContaining(['NativeModule internal/modules/esm/translators', 'NativeModule fs/promises', 'NativeModule perf_hooks']),
    );
  });
});
