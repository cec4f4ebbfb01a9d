/**
 * The npm package as users get it: packed from a clean copy of the sources (prepack builds it),
 * installed into an empty project from the local npm cache where it can (`--prefer-offline`: a new
 * machine's cache holds the tarballs `npm ci` fetched but not the registry metadata that resolving
 * `picomatch@^4` needs, so a strict `--offline` failed there), then used the three ways the
 * README shows: `npx keyscan`, `npx -p keyscan-secrets keyscan`, and `import { scan }` in TypeScript.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { commit, git, tempDir } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' };

function npm(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8' });
}

describe('the npm package', () => {
  let tarball: string;
  let files: string[];
  let consumer: string;
  let install: { status: number | null; stdout: string; stderr: string };

  beforeAll(() => {
    // A clean copy of what a release is built from, without dist/: prepack must build it.
    const copy = tempDir('keyscan-pack-');
    for (const f of [
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'README.md',
      'LICENSE',
      'src',
      'rules',
      'bin',
      'schema',
      'scripts',
    ])
      cpSync(join(ROOT, f), join(copy, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const prepack = npm(copy, 'run', '--silent', 'prepack');
    expect(prepack.status, prepack.stderr).toBe(0);
    // The scripts ran above; packing again with them would only rebuild (prepare builds too).
    const packed = npm(copy, 'pack', '--ignore-scripts', '--json', '--pack-destination', copy);
    expect(packed.status, packed.stderr).toBe(0);
    const info = (JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>)[0];
    tarball = join(copy, info?.filename ?? '');
    files = (info?.files ?? []).map((f) => f.path).sort();

    consumer = tempDir('keyscan-consumer-');
    writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true, "type": "module" }\n');
    git(consumer, 'init', '-q', '-b', 'main');
    git(consumer, 'config', 'commit.gpgsign', 'false');
    install = npm(consumer, 'install', '--prefer-offline', '--foreground-scripts', tarball);
  }, 120_000);

  it('holds only built files, rules and docs', () => {
    expect(files).toContain('bin/keyscan.js');
    // It makes bin/keyscan.js a CommonJS script (no ES module loader at start).
    expect(files).toContain('bin/package.json');
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/src/pool/worker.js');
    expect(files).toContain('dist/rules/index.js');
    expect(files).toContain('dist/bundle/cli.cjs');
    expect(files).toContain('dist/bundle/start.cjs');
    expect(files).toContain('dist/bundle/rules.bin');
    expect(files).toContain('dist/bundle/keywords.bin');
    expect(files).toContain('dist/bundle/path-literals.bin');
    expect(files).toContain('dist/bundle/keyword-tables.bin');
    expect(files).toContain('dist/bundle/worker.mjs');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('schema/keyscan.schema.json');
    expect(files).toContain('schema/report.schema.json');
    for (const f of files) {
      expect(f).toMatch(
        /^(bin\/keyscan\.js|bin\/package\.json|package\.json|README\.md|LICENSE|schema\/(keyscan|report)\.schema\.json|dist\/bundle\/(cli\.cjs|start\.cjs|worker\.mjs|rules\.bin|keywords\.bin|keyword-tables\.bin|path-literals\.bin)|dist\/(src|rules)\/.+\.(js|d\.ts))$/,
      );
    }
    expect(files.filter((f) => /^(src|test|bench|fixtures|rules)\//.test(f))).toEqual([]);
  });

  it('installs into an empty project without running husky or tsc there', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(/^> (husky|tsc)/m);
    expect(spawnSync('git', ['config', 'core.hooksPath'], { cwd: consumer }).status).toBe(1);
    expect(existsSync(join(consumer, 'node_modules', 'husky'))).toBe(false);
    expect(existsSync(join(consumer, 'node_modules', '.bin', 'keyscan'))).toBe(true);
  });

  it('ships a package.json with no lifecycle scripts, so npm installs it without an install-script warning', () => {
    const shipped = JSON.parse(readFileSync(join(consumer, 'node_modules', pkg.name, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(shipped.scripts).toBeUndefined();
    expect(shipped).toMatchObject({ name: pkg.name, version: pkg.version, bin: { keyscan: 'bin/keyscan.js' } });
    expect(install.stdout + install.stderr).not.toMatch(/install script/i);
    // The development manifest is untouched where it was packed from.
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: object }).scripts).toHaveProperty('prepare');
  });

  it('runs npx keyscan --version and a history audit', () => {
    const version = npm(consumer, 'exec', '--prefer-offline', '--', 'keyscan', '--version');
    expect(version.stdout.trim()).toBe(pkg.version);
    const key = tokens.awsKeyId();
    commit(consumer, 'add settings', { 'settings.ini': `aws_access_key_id = ${key}\n` });
    commit(consumer, 'remove settings', { 'settings.ini': null });
    const audit = npm(consumer, 'exec', '--prefer-offline', '--', 'keyscan', '--history', '-f', 'json');
    expect(audit.status).toBe(1);
    const report = JSON.parse(audit.stdout) as { findings: Array<{ ruleId: string; path: string; presentAtHead: boolean }> };
    expect(report.findings.map((f) => [f.ruleId, f.path, f.presentAtHead])).toEqual([['aws-access-key-id', 'settings.ini', false]]);
  });

  it('serves the typed library API to a strict TypeScript project', () => {
    writeFileSync(
      join(consumer, 'check.ts'),
      [
        "import { type Finding, KeyscanError, type ScanResult, scan, VERSION } from 'keyscan-secrets';",
        "const result: ScanResult = await scan({ paths: ['.'], threads: 0, exclude: ['node_modules/**'] });",
        'const first: Finding | undefined = result.findings[0];',
        '// @ts-expect-error paths is a list of strings: the types are real, not any',
        'await scan({ paths: 42 });',
        "console.log(JSON.stringify({ version: VERSION, files: result.stats.filesScanned > 0, first: first?.ruleId ?? null, typed: new KeyscanError('E_USAGE', 'x') instanceof Error }));",
        '',
      ].join('\n'),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    // skipLibCheck as most projects set it; the declarations' own imports are checked below.
    const args = [
      '--strict',
      '--skipLibCheck',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--outDir',
      'out',
    ];
    args.push('--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'check.ts');
    const compiled = spawnSync(process.execPath, [tsc, ...args], { cwd: consumer, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    const out = execFileSync(process.execPath, [join(consumer, 'out', 'check.js')], { cwd: consumer, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ version: pkg.version, files: true, first: null, typed: true });
  });

  it('declares its API without types from packages a consumer does not have', () => {
    const bare = new Set<string>();
    const seen = new Set<string>();
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''); // TSDoc examples are not imports
      for (const [, spec] of code.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        if (spec?.startsWith('.')) walk(join(file, '..', spec.replace(/\.js$/, '.d.ts')));
        else if (spec !== undefined) bare.add(spec);
      }
    };
    walk(join(consumer, 'node_modules', 'keyscan-secrets', 'dist', 'src', 'index.d.ts'));
    expect(seen.size).toBeGreaterThan(3);
    expect([...bare].filter((s) => !s.startsWith('node:'))).toEqual([]);
  });

  it('packs with nothing but the tarball name on stdout, which the pre-commit framework reads', () => {
    // pre-commit runs `npm pack` in a clone of the repository and takes stdout as the file name;
    // lifecycle banners there broke it until .npmrc set foreground-scripts=false.
    const dir = tempDir('keyscan-npmrc-');
    writeFileSync(
      join(dir, 'package.json'),
      '{ "name": "t", "version": "1.0.0", "scripts": { "prepack": "echo noise", "prepare": "echo noise" } }\n',
    );
    expect(npm(dir, 'pack').stdout).toContain('noise'); // npm's default: the check below means something
    cpSync(join(ROOT, '.npmrc'), join(dir, '.npmrc'));
    const packed = npm(dir, 'pack');
    expect(packed.status).toBe(0);
    expect(packed.stdout.trim()).toBe('t-1.0.0.tgz');
  });

  it('runs one-off as npx -p <package> keyscan, with nothing installed', () => {
    const empty = tempDir('keyscan-npx-');
    const r = npm(empty, 'exec', '--yes', '--prefer-offline', '--package', tarball, '--', 'keyscan', '--version');
    expect(r.stdout.trim()).toBe(pkg.version);
    // npx keeps what it installed in its cache; drop this run's copy of a temporary tarball.
    const npxCache = join(process.env.npm_config_cache ?? join(homedir(), '.npm'), '_npx');
    for (const d of existsSync(npxCache) ? readdirSync(npxCache) : []) {
      const manifest = join(npxCache, d, 'package.json');
      if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes(tarball))
        rmSync(join(npxCache, d), { recursive: true, force: true });
    }
  });
});
