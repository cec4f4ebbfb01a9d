/**
 * The incremental cache of `--history`: the commits whose own changes a scan with the same
 * settings found nothing in (no finding before any filter, no allow marker, no error), and the
 * files each of them skipped, so a repeat audit rescans only new commits and the ones that had
 * findings, and still counts every skip. It holds commit SHAs and counts only: never a secret,
 * a hash of one, a path or a line. Anything in the file that is not exactly that shape is a
 * reason to ignore the whole file (with a warning), never to trust part of it.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { writeAtomic } from '../atomic-write.js';
import { gitOk } from '../git/run.js';
import { SKIP_REASONS, type SkipReason } from '../types.js';
import { VERSION } from '../version.js';
import { digestOf } from './digest.js';

const FORMAT = 'keyscan-history-cache';
const FORMAT_VERSION = 1;
const FILE = 'history.json';
/** A cache this large is not one keyscan wrote for any repository (85,000 commits take ~4 MB). */
const MAX_BYTES = 512 * 1024 * 1024;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export type CommitSkips = Partial<Record<SkipReason, number>>;

interface CacheFile {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  /** Digest of everything that changes what a commit's scan finds (see historyCacheKey). */
  readonly key: string;
  /** Commits found clean, in no particular order. */
  readonly clean: readonly string[];
  /** For clean commits that skipped files: how many, by reason. */
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

export class HistoryCache {
  readonly #file: string;
  readonly #key: string;
  readonly #clean: Map<string, CommitSkips | undefined>;
  readonly #fresh = new Map<string, CommitSkips | undefined>();

  private constructor(file: string, key: string, clean: Map<string, CommitSkips | undefined>) {
    this.#file = file;
    this.#key = key;
    this.#clean = clean;
  }

  /**
   * The cache in `dir` for settings `key`. A missing file, or one made with other settings, is an
   * empty cache; a file that is not a cache keyscan wrote is one too, and `warn` says so.
   */
  static async open(dir: string, key: string, warn: (message: string) => void, debug: (message: string) => void): Promise<HistoryCache> {
    const file = join(dir, FILE);
    const empty = new HistoryCache(file, key, new Map());
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
    const checked = checkFile(parsed);
    if (checked === undefined) return ignored('is not a keyscan history cache of this version');
    if (checked.key !== key) {
      debug('the history cache was made with other rules, settings or keyscan version: every commit is scanned');
      return empty;
    }
    const clean = new Map<string, CommitSkips | undefined>();
    for (const sha of checked.clean) clean.set(sha, checked.skips[sha]);
    debug(`history cache: ${clean.size} commits known clean`);
    return new HistoryCache(file, key, clean);
  }

  /** Whether `commit`'s changes are known to hold nothing; its skips, if so. */
  has(commit: string): boolean {
    return this.#clean.has(commit);
  }

  skipsOf(commit: string): CommitSkips | undefined {
    return this.#clean.get(commit);
  }

  /** Remembers that this scan found nothing in `commit`'s changes. */
  add(commit: string, skips: CommitSkips | undefined): void {
    this.#fresh.set(commit, skips);
  }

  /** Writes the commits of `commits` known clean, old and new (the new ones that pass `keep`), atomically. */
  async save(commits: readonly string[], keep: (commit: string) => boolean = () => true): Promise<void> {
    const clean: string[] = [];
    const skips: Record<string, CommitSkips> = {};
    for (const c of commits) {
      if (!this.#clean.has(c) && !(this.#fresh.has(c) && keep(c))) continue;
      clean.push(c);
      const s = this.#fresh.has(c) ? this.#fresh.get(c) : this.#clean.get(c);
      if (s !== undefined) skips[c] = s;
    }
    const content: CacheFile = { format: FORMAT, version: FORMAT_VERSION, key: this.#key, clean, skips };
    await mkdir(join(this.#file, '..'), { recursive: true, mode: 0o700 });
    await writeAtomic(this.#file, `${JSON.stringify(content)}\n`, 0o600);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkFile(v: unknown): CacheFile | undefined {
  if (!isObject(v) || v.format !== FORMAT || v.version !== FORMAT_VERSION || typeof v.key !== 'string') return undefined;
  if (!Array.isArray(v.clean) || !isObject(v.skips)) return undefined;
  if (!v.clean.every((c) => typeof c === 'string' && SHA.test(c))) return undefined;
  const clean = new Set(v.clean as string[]);
  for (const [sha, counts] of Object.entries(v.skips)) {
    if (!clean.has(sha) || !isObject(counts)) return undefined;
    for (const [reason, n] of Object.entries(counts)) {
      if (!SKIP_REASONS.includes(reason as SkipReason) || !Number.isSafeInteger(n) || (n as number) < 0) return undefined;
    }
  }
  return v as unknown as CacheFile;
}
