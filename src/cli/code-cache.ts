/**
 * Loads the bundled CLI (dist/bundle/cli.cjs, see scripts/bundle.mjs) with V8's code cache, so a
 * pre-commit run does not parse and compile the same megabyte of JavaScript at every start. Node 20
 * has no module compile cache (module.enableCompileCache is Node 22), but `vm.Script` takes and
 * produces V8 code caches: the bundle is a CommonJS script for that reason.
 *
 * The cache is only ever an optimisation, and never trusted blindly:
 * - it lives in the user's cache directory, never in a scanned repository;
 * - its name carries everything that makes a cache invalid (keyscan version, Node version and
 *   architecture, V8 flags that the CLI sets) and a hash of the bundle's content, so an upgrade or
 *   a rebuild never meets an old cache;
 * - its payload carries its own checksum (V8 does not check a cache's bytes in release builds), and
 *   a cache that is short, foreign, corrupt or rejected by V8 is ignored and rewritten;
 * - it is written to a temporary file and renamed, so a reader never sees half of it;
 * - it holds compiled code of keyscan's own source only: V8 serializes functions and their
 *   literals, not values the run computed, so nothing scanned is ever in it.
 * Set KEYSCAN_CODE_CACHE=0 to load without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Bumped when the cache file's layout changes. */
const MAGIC = Buffer.from('keyscan-v8cache-1\n');
const DIGEST_BYTES = 32;

/** What the bundle exports (src/cli/entry.ts). */
export interface BundledCli {
  run(argv: readonly string[]): Promise<number>;
  exitCleanlyOnSignals(stderr: NodeJS.WritableStream): void;
  ignoreClosedStdout(): void;
}

export interface LoadedCli {
  readonly cli: BundledCli;
  /** Writes the cache when there was none to use (call after the run, so it holds what the run compiled). */
  readonly save: () => void;
}

/** The user's cache directory for keyscan (XDG on Linux, ~/Library/Caches, %LOCALAPPDATA%). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, os: string = platform()): string | undefined {
  if (os === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'keyscan', 'Cache') : undefined;
  if (os === 'darwin') return join(homedir(), 'Library', 'Caches', 'keyscan');
  const xdg = env.XDG_CACHE_HOME;
  // XDG: a relative value is invalid and must be ignored.
  if (xdg?.startsWith('/')) return join(xdg, 'keyscan');
  const home = env.HOME ?? homedir();
  return home ? join(home, '.cache', 'keyscan') : undefined;
}

const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

/** The first line scripts/bundle.mjs writes: the SHA-256 of the rest of the bundle. */
export const BUNDLE_HASH_PREFIX = '//keyscan-bundle sha256:';

/**
 * The SHA-256 of the bundle's content: the one scripts/bundle.mjs computed and wrote on its first
 * line (hashing a megabyte at every start costs a pre-commit run milliseconds), else computed.
 * The key also takes the file's size and modification time, so a bundle edited after the build
 * never meets the cache of the one before.
 */
function contentKey(bundlePath: string, source: Buffer): string {
  const { size, mtimeMs } = statSync(bundlePath);
  const head = source.toString('latin1', 0, Math.min(source.length, 128));
  const built = head.startsWith(BUNDLE_HASH_PREFIX)
    ? /^[0-9a-f]{64}$/.exec(head.slice(BUNDLE_HASH_PREFIX.length, BUNDLE_HASH_PREFIX.length + 64))
    : null;
  return `${built?.[0] ?? sha256(source).toString('hex')}\0${size}\0${mtimeMs}`;
}

/** The cache file for the bundle: its name changes with anything that would invalidate the cache. */
export function cacheFile(dir: string, contentKey: string, version: string, v8Flags: string): string {
  const key = sha256(`${version}\0${process.version}\0${process.versions.v8}\0${arch()}\0${v8Flags}\0${contentKey}`);
  return join(dir, `cli-${version}-${key.subarray(0, 16).toString('hex')}.v8cache`);
}

/** The cache payload in `file`, or undefined when it is missing, foreign or corrupt. */
export function readCache(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + DIGEST_BYTES;
  if (data.length <= start || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = data.subarray(start);
  return sha256(payload).equals(data.subarray(MAGIC.length, start)) ? payload : undefined;
}

/** Writes `payload` to `file` atomically (temporary file, then rename); failures are ignored. */
export function writeCache(file: string, payload: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, Buffer.concat([MAGIC, sha256(payload), payload]), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // A read-only home, a full disk: the next run compiles again, nothing else changes.
    rmSync(tmp, { force: true });
  }
}

function packageVersion(bundlePath: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(bundlePath), '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function linearEngineEnabled(): boolean {
  try {
    // biome-ignore lint/complexity/useRegexLiterals: a literal with the `l` flag would not even parse without the flag.
    new RegExp('', 'l');
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles and runs the CommonJS bundle at `bundlePath` the way Node's own loader would (same
 * wrapper, same require), with the code cache when there is a valid one.
 * `v8Flags` names the V8 flags the caller set before (a cache is only valid under the same flags).
 */
export function loadBundle(bundlePath: string, v8Flags: string, env: NodeJS.ProcessEnv = process.env): LoadedCli {
  const source = readFileSync(bundlePath);
  const version = packageVersion(bundlePath);
  const dir = env.KEYSCAN_CODE_CACHE === '0' ? undefined : userCacheDir(env);
  const file = dir === undefined ? undefined : cacheFile(dir, contentKey(bundlePath, source), version, v8Flags);
  const cachedData = file === undefined ? undefined : readCache(file);
  // The bundle is ASCII (esbuild escapes the rest), so latin1 is exact and the cheapest decode.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.toString('latin1')}\n})`;
  const script = new Script(wrapped, {
    filename: bundlePath,
    // The bundle's one import() (yaml, an ES module dependency loaded only for YAML configs).
    importModuleDynamically: ((specifier: string) => import(specifier)) as never,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as BundledCli };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  const save = (): void => {
    if (file === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
    // A run that turned on another V8 flag (a user rule's check, see regex-guard.ts) would write a
    // cache that the next start, without that flag, rejects: leave it to a run that did not.
    if (linearEngineEnabled()) return;
    writeCache(file, script.createCachedData());
  };
  return { cli: module.exports, save };
}
