/**
 * What `keyscan init` needs to know about a project: its package manager, whether husky and
 * keyscan are installed, and running the installed husky to activate the hooks (offline).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

const LOCKFILES: ReadonlyArray<[string, PackageManager]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** The package manager the project uses, from its lockfile (npm when there is none). */
export function packageManager(root: string): PackageManager {
  for (const [file, pm] of LOCKFILES) if (existsSync(join(root, file))) return pm;
  return 'npm';
}

/** The command that installs a project's dependencies (and so runs its `prepare` script). */
export function installCommand(pm: PackageManager): string {
  return pm === 'yarn' ? 'yarn install' : `${pm} install`;
}

/** Whether an executable named `name` is on PATH. */
export function onPath(name: string, env: Readonly<Record<string, string | undefined>>): boolean {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  return dirs.some((d) => exts.some((e) => existsSync(join(d, `${name}${e}`))));
}

/** The installed husky's bin script, if husky is in the project's node_modules. */
export function installedHuskyBin(root: string): string | undefined {
  const dir = join(root, 'node_modules', 'husky');
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin?: unknown };
    const bin =
      typeof pkg.bin === 'string'
        ? pkg.bin
        : typeof pkg.bin === 'object' && pkg.bin !== null
          ? (pkg.bin as Record<string, unknown>).husky
          : undefined;
    return typeof bin === 'string' ? join(dir, bin) : undefined;
  } catch {
    return undefined; // not installed (or unreadable): the user installs it
  }
}

/** Whether the project's node_modules/.bin has `keyscan` (what the hook runs). */
export function keyscanInstalled(root: string): boolean {
  return existsSync(join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'keyscan.cmd' : 'keyscan'));
}

/**
 * Runs the project's own husky in `root`, as its `prepare` script would: it points
 * `core.hooksPath` at `.husky/_`. Resolves to what husky printed (it exits 0 even when it could
 * not install, and says why).
 */
export function runHusky(root: string, bin: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output: output.trim() }));
  });
}
