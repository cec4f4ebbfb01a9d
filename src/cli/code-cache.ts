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
 * - its payload is checksummed by V8 itself (see {@link withCacheChecksum}: V8 does not check a
 *   cache's bytes in release builds unless asked, and a damaged one can crash it), and a cache that
 *   is short, foreign, corrupt or rejected by V8 is ignored and rewritten;
 * - it is written to a temporary file and renamed, so a reader never sees half of it;
 * - it holds compiled code of keyscan's own source only: V8 serializes functions and their
 *   literals, not values the run computed, so nothing scanned is ever in it.
 * Set KEYSCAN_CODE_CACHE=0 to load without it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** Bumped when the cache file's layout changes (3: V8's own checksum replaced keyscan's CRC-32). */
const MAGIC = Buffer.from('keyscan-v8cache-3\n');
/** Cache files not rewritten for this long (other versions, older builds) are removed. */
const STALE_MS = 30 * 24 * 3600 * 1000;

const nodeRequire = createRequire(import.meta.url);

/**
 * Runs `f` with V8 writing and checking a checksum of every code cache it makes and reads
 * (`--verify-snapshot-checksum`, off in release builds): a damaged cache is then rejected, and the
 * run compiles from source, where one flipped byte early in a cache unchecked crashes V8 (tested in
 * test/e2e/code-cache.test.ts). V8's own check costs a pre-commit run nothing measurable, where
 * keyscan's CRC-32 of the cache needed node:zlib loaded (~1-3 ms). On only around the cache's
 * reading and writing: it also applies to Node's own built-in modules (with it on, loading three of
 * them took 3-5 ms longer) and to a worker's start-up snapshot. Both sides run with it on, so they
 * agree on the V8 flags the cache was made under.
 */
function withCacheChecksum<T>(f: () => T): T {
  setFlagsFromString('--verify-snapshot-checksum');
  try {
    return f();
  } finally {
    setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

function sha256(data: Uint8Array): Buffer {
  const { createHash } = nodeRequire('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(data).digest();
}

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

/** The first line scripts/bundle.mjs writes: the SHA-256 of the rest of the bundle. */
export const BUNDLE_HASH_PREFIX = '//keyscan-bundle sha256:';

/**
 * The bundle's content hash: the SHA-256 scripts/bundle.mjs computed and wrote on its first line
 * (hashing a megabyte at every start costs a pre-commit run milliseconds), else computed here.
 * With the file's size and modification time, so a bundle edited after the build never meets the
 * cache of the one before.
 */
function contentKey(bundlePath: string, source: Buffer): string {
  const { size, mtimeMs } = statSync(bundlePath);
  const head = source.toString('latin1', 0, Math.min(source.length, 128));
  const built = head.startsWith(BUNDLE_HASH_PREFIX)
    ? /^[0-9a-f]{64}$/.exec(head.slice(BUNDLE_HASH_PREFIX.length, BUNDLE_HASH_PREFIX.length + 64))
    : null;
  return `${(built?.[0] ?? sha256(source).toString('hex')).slice(0, 32)}-${size}-${Math.trunc(mtimeMs)}`;
}

/**
 * The cache file for the bundle. Its name holds everything that invalidates a cache: keyscan's
 * version, the Node release (and so V8's), the architecture, the V8 flags the CLI set, the content;
 * and the profile of the run that writes it (see {@link loadBundle}).
 */
export function cacheFile(dir: string, contentKey: string, version: string, v8Flags: string, profile = 'cli'): string {
  const safe = (s: string): string => s.replace(/[^\w.-]/g, '_');
  return join(dir, `${safe(profile)}-${safe(version)}-node${safe(process.version)}-${arch()}-${safe(v8Flags)}-${contentKey}.v8cache`);
}

/** The cache payload in `file` (V8 checks its checksum), or undefined when it is missing or foreign. */
export function readCache(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length <= MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  return data.subarray(MAGIC.length);
}

/** Writes `payload` to `file` atomically (temporary file, then rename); failures are ignored. */
export function writeCache(file: string, payload: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, Buffer.concat([MAGIC, payload]), { mode: 0o600 });
    renameSync(tmp, file);
    pruneStale(dirname(file));
  } catch {
    // A read-only home, a full disk: the next run compiles again, nothing else changes.
    rmSync(tmp, { force: true });
  }
}

/** Removes cache files nobody has written for a month (a cache is rewritten only when it is missing). */
function pruneStale(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    // Also a temporary file that a run stopped before renaming.
    if (!/^(?:cli|hook)-/.test(name) || !(name.endsWith('.v8cache') || name.endsWith('.tmp'))) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // Gone already (another run pruned it).
    }
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
 * `profile` names the kind of run: a cache holds the functions its writer's run compiled, and the
 * pre-commit hook's `keyscan --staged` (profile `hook`) compiles a different set from any other
 * command. Sharing one file, a hook that met a cache written by `keyscan rules` or `keyscan init`
 * kept it (V8 accepts it) and compiled the rest at every commit: 6 ms slower, measured paired
 * (124.8 against 118.6 ms, medians of 25). So each profile has its own cache.
 */
export function loadBundle(bundlePath: string, v8Flags: string, env: NodeJS.ProcessEnv = process.env, profile = 'cli'): LoadedCli {
  const source = readFileSync(bundlePath);
  const version = packageVersion(bundlePath);
  const dir = env.KEYSCAN_CODE_CACHE === '0' ? undefined : userCacheDir(env);
  const file = dir === undefined ? undefined : cacheFile(dir, contentKey(bundlePath, source), version, v8Flags, profile);
  const cachedData = file === undefined ? undefined : readCache(file);
  // The bundle is ASCII (esbuild escapes the rest), so latin1 is exact and the cheapest decode.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.toString('latin1')}\n})`;
  // No importModuleDynamically: Node 20 runs import() in a vm.Script only behind a flag, so the
  // bundle has none (scripts/bundle.mjs refuses a bundle that has one).
  const script = withCacheChecksum(() => new Script(wrapped, { filename: bundlePath, ...(cachedData ? { cachedData } : {}) }));
  const module = { exports: {} as BundledCli };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  const save = (): void => {
    if (file === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
    // A run that turned on another V8 flag (a user rule's check, see regex-guard.ts) would write a
    // cache that the next start, without that flag, rejects: leave it to a run that did not.
    if (linearEngineEnabled()) return;
    const data = withCacheChecksum(() => script.createCachedData());
    writeCache(file, data);
  };
  return { cli: module.exports, save };
}
