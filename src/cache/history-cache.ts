/**
 * The incremental cache of `--history`: the commits whose own changes a scan with the same
 * settings found nothing in (no finding before any filter, no allow marker, no error), and the
 * files each of them skipped, so a repeat audit rescans only new commits and the ones that had
 * findings, and still counts every skip; the commits whose message, identities and file names
 * held nothing, so a repeat audit does not read them again; and the commit list of the last scan
 * with a digest of what it was listed from (start commits, replace refs, shallow boundary), so a
 * repeat audit of unchanged refs does not walk the history again. It holds commit SHAs, counts and
 * that digest of commit ids only: never a secret, a hash of one, a path, a ref name or a line.
 * Anything in the file that is not exactly that shape is a reason to ignore the whole file (with
 * a warning), never to trust part of it.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { writeAtomic } from '../atomic-write.js';
import { gitOk } from '../git/run.js';
import { SKIP_REASONS, type SkipReason } from '../types.js';
import { VERSION } from '../version.js';
import { digestOf } from './digest.js';

const FORMAT = 'keyscan-history-cache';
const FORMAT_VERSION = 2;
const FILE = 'history.json';
/** A cache this large is not one keyscan wrote for any repository (85,000 commits take ~4 MB). */
const MAX_BYTES = 512 * 1024 * 1024;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const DIGEST = /^[0-9a-f]{64}$/;
/** One character per commit of `commits`: bit 1, its changes are clean; bit 2, its metadata is. */
const STATE = /^[0-3]*$/;
const PATCH = 1;
const METADATA = 2;

export type CommitSkips = Partial<Record<SkipReason, number>>;

interface CacheFile {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  /** Digest of everything that changes what a commit's scan finds (see historyCacheKey). */
  readonly key: string;
  /** The commits of the last scan, in its order (topological, children first). */
  readonly commits: readonly string[];
  /** Digest of the start points `commits` was listed from; absent when they could not be vouched for. */
  readonly listedFrom?: string;
  /** Per commit of `commits`, what is known clean (see STATE). */
  readonly state: string;
  /** For commits with clean changes that skipped files: how many, by reason. */
  readonly skips: Readonly<Record<string, CommitSkips>>;
}

/**
 * What decides what a commit's own changes yield before any filter: keyscan's version (its engine
 * and decoders), the effective rules (the catalogue after the config's overrides and disables,
 * and the config's own rules), whether allow markers are collected, and the env-file check
 * settings (which files are env files and templates: a commit that changes one is never cached).
 * Allowlists, baselines and the salt act after that, on every finding, so they need not be part of it.
 */
export function historyCacheKey(settings: { readonly rules: unknown; readonly allowMarkers: boolean; readonly env: unknown }): string {
  return digestOf({ format: FORMAT, version: VERSION, ...settings });
}

/** `.git/keyscan/` of the repository at `root` (its common git directory: worktrees share it). */
export async function defaultCacheDir(root: string): Promise<string> {
  const dir = (await gitOk(['rev-parse', '--git-common-dir'], root)).trim();
  return join(isAbsolute(dir) ? dir : resolve(root, dir), 'keyscan');
}

interface Known {
  readonly commits: readonly string[];
  readonly listedFrom: string | undefined;
  /** Commit → its STATE bits. */
  readonly state: ReadonlyMap<string, number>;
  readonly skips: ReadonlyMap<string, CommitSkips>;
}

const NOTHING: Known = { commits: [], listedFrom: undefined, state: new Map(), skips: new Map() };

export class HistoryCache {
  readonly #file: string;
  readonly #key: string;
  readonly #known: Known;
  readonly #fresh = new Map<string, CommitSkips | undefined>();
  readonly #freshMetadata = new Set<string>();
  /** Whether commits' metadata is cached (not when allow markers are collected: a marker must be seen again). */
  readonly cachesMetadata: boolean;

  private constructor(file: string, key: string, known: Known, cachesMetadata: boolean) {
    this.#file = file;
    this.#key = key;
    this.#known = known;
    this.cachesMetadata = cachesMetadata;
  }

  /**
   * The cache in `dir` for settings `key`. A missing file, or one made with other settings, is an
   * empty cache; a file that is not a cache keyscan wrote is one too, and `warn` says so.
   */
  static async open(
    dir: string,
    key: string,
    options: { readonly metadata: boolean; readonly warn: (message: string) => void; readonly debug: (message: string) => void },
  ): Promise<HistoryCache> {
    const { warn, debug } = options;
    const file = join(dir, FILE);
    const empty = new HistoryCache(file, key, NOTHING, options.metadata);
    // The version 1 file (clean changes only) is simply superseded: no warning for an upgrade.
    const superseded = (v: unknown): boolean => isObject(v) && v.format === FORMAT && v.version === 1;
    const info = await stat(file).catch(() => undefined);
    if (info === undefined) return empty;
    const ignored = (why: string): HistoryCache => {
      warn(`the history cache ${file} ${why}; it was ignored and every commit was scanned. It is rewritten after this scan.`);
      return empty;
    };
    if (!info.isFile() || info.size > MAX_BYTES) return ignored('is not a file keyscan wrote');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      return ignored('is not valid JSON (damaged or cut short)');
    }
    if (superseded(parsed)) {
      debug('the history cache was written by an older keyscan: every commit is scanned');
      return empty;
    }
    const valid = checkFile(parsed);
    if (valid === undefined) return ignored('is not a keyscan history cache of this version');
    const { file: checked, state } = valid;
    if (checked.key !== key) {
      debug('the history cache was made with other rules, settings or keyscan version: every commit is scanned');
      return empty;
    }
    const known = { commits: checked.commits, listedFrom: checked.listedFrom, state, skips: new Map(Object.entries(checked.skips)) };
    debug(`history cache: ${state.size} of ${checked.commits.length} commits known clean in part or whole`);
    return new HistoryCache(file, key, known, options.metadata);
  }

  /** The commit list of the last scan, if it was listed from exactly `listedFrom`. */
  commitsListedFrom(listedFrom: string | undefined): readonly string[] | undefined {
    return listedFrom !== undefined && listedFrom === this.#known.listedFrom ? this.#known.commits : undefined;
  }

  /** Whether `commit`'s changes are known to hold nothing; its skips, if so. */
  has(commit: string): boolean {
    return ((this.#known.state.get(commit) ?? 0) & PATCH) !== 0;
  }

  skipsOf(commit: string): CommitSkips | undefined {
    return this.#known.skips.get(commit);
  }

  /** Whether `commit`'s message, identities and file names are known to hold nothing. */
  hasMetadata(commit: string): boolean {
    return this.cachesMetadata && ((this.#known.state.get(commit) ?? 0) & METADATA) !== 0;
  }

  /** Remembers that this scan found nothing in `commit`'s changes. */
  add(commit: string, skips: CommitSkips | undefined): void {
    this.#fresh.set(commit, skips);
  }

  /** Remembers that this scan found nothing in `commit`'s message, identities and names. */
  addMetadata(commit: string): void {
    if (this.cachesMetadata) this.#freshMetadata.add(commit);
  }

  /**
   * Writes `commits` (this scan's list, listed from `listedFrom`) and what is known clean of each,
   * old and new (new clean changes only of commits that pass `keep`), atomically; nothing when
   * that is what the file already says.
   */
  async save(commits: readonly string[], listedFrom: string | undefined, keep: (commit: string) => boolean = () => true): Promise<void> {
    // The common repeat audit: the same list, nothing new found clean. Nothing to write.
    const same = commits === this.#known.commits && listedFrom === this.#known.listedFrom;
    if (same && this.#fresh.size === 0 && this.#freshMetadata.size === 0) return;
    let state = '';
    let changed = !same;
    const skips: Record<string, CommitSkips> = {};
    for (const c of commits) {
      const old = this.#known.state.get(c) ?? 0;
      const fresh = this.#fresh.has(c) && keep(c);
      const bits = old | (fresh ? PATCH : 0) | (this.#freshMetadata.has(c) ? METADATA : 0);
      if (bits !== old) changed = true;
      state += String(bits);
      if ((bits & PATCH) === 0) continue;
      const s = fresh && (old & PATCH) === 0 ? this.#fresh.get(c) : this.#known.skips.get(c);
      if (s !== undefined) skips[c] = s;
    }
    if (!changed) return;
    const content: CacheFile = {
      format: FORMAT,
      version: FORMAT_VERSION,
      key: this.#key,
      commits,
      ...(listedFrom === undefined ? {} : { listedFrom }),
      state,
      skips,
    };
    await mkdir(join(this.#file, '..'), { recursive: true, mode: 0o700 });
    await writeAtomic(this.#file, `${JSON.stringify(content)}\n`, 0o600);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file, if it is exactly what keyscan writes, with each commit's state (commits with none left out). */
function checkFile(v: unknown): { readonly file: CacheFile; readonly state: Map<string, number> } | undefined {
  if (!isObject(v) || v.format !== FORMAT || v.version !== FORMAT_VERSION || typeof v.key !== 'string') return undefined;
  if (!Array.isArray(v.commits) || typeof v.state !== 'string' || !isObject(v.skips)) return undefined;
  if (v.listedFrom !== undefined && (typeof v.listedFrom !== 'string' || !DIGEST.test(v.listedFrom))) return undefined;
  const commits = v.commits as unknown[];
  const text = v.state;
  if (text.length !== commits.length || !STATE.test(text)) return undefined;
  // One pass: every entry a SHA, none twice (a list with a commit twice is no rev-list output).
  const seen = new Set<string>();
  const state = new Map<string, number>();
  for (let i = 0; i < commits.length; i++) {
    const c = commits[i];
    if (typeof c !== 'string' || !SHA.test(c) || seen.has(c)) return undefined;
    seen.add(c);
    const bits = text.charCodeAt(i) - 48;
    if (bits !== 0) state.set(c, bits);
  }
  for (const [sha, counts] of Object.entries(v.skips)) {
    if (((state.get(sha) ?? 0) & PATCH) === 0 || !isObject(counts)) return undefined;
    for (const [reason, n] of Object.entries(counts)) {
      if (!SKIP_REASONS.includes(reason as SkipReason) || !Number.isSafeInteger(n) || (n as number) < 0) return undefined;
    }
  }
  return { file: v as unknown as CacheFile, state };
}
