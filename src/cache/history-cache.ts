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
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { writeAtomic } from '../atomic-write.js';
import { gitOk } from '../git/run.js';
import { SKIP_REASONS, type SkipReason } from '../types.js';
import { VERSION } from '../version.js';
import { digestOf } from './digest.js';

const FORMAT = 'keyscan-history-cache';
/**
 * 3: `commits` is one string of fixed-width SHAs, not an array of them. Loading 85,000 commits took
 * ~110 ms to check one array entry at a time (a regex and a set per SHA); one string is checked by
 * one regex and sliced.
 */
const FORMAT_VERSION = 3;
const FILE = 'history.json';
/** A cache this large is not one keyscan wrote for any repository (85,000 commits take ~4 MB). */
const MAX_BYTES = 512 * 1024 * 1024;
/** SHA-1 or SHA-256 object names, all of one width (a repository uses one hash). */
const SHA_WIDTHS = [40, 64];
const HEX = /^[0-9a-f]*$/;
const DIGEST = /^[0-9a-f]{64}$/;
/** One character per commit of `commits`: bit 1, its changes are clean; bit 2, its metadata is. */
const STATE = /^[0-3]*$/;
const PATCH = 1;
const METADATA = 2;
/** The bits of {@link HistoryCache.statesOf}: a commit's changes are clean; its message, identities and names are. */
export const CHANGES_CLEAN = PATCH;
export const METADATA_CLEAN = METADATA;

export type CommitSkips = Partial<Record<SkipReason, number>>;

interface CacheFile {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  /** Digest of everything that changes what a commit's scan finds (see historyCacheKey). */
  readonly key: string;
  /** The commits of the last scan, in its order (topological, children first), their SHAs end to end. */
  readonly commits: string;
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
 * Nor need a rule's documentation (see {@link RULE_DOCS}).
 */
export function historyCacheKey(settings: {
  readonly rules: readonly object[];
  readonly allowMarkers: boolean;
  readonly env: unknown;
  /** The built-in catalogue and its digest ({@link builtinDigest}): its rules in `rules` are keyed by position. */
  readonly builtin?: { readonly rules: readonly object[]; readonly digest: string };
}): string {
  const { builtin, ...rest } = settings;
  const at = new Map((builtin?.rules ?? []).map((r, i) => [r, i]));
  // A rule the config left alone is the built-in object itself; an overridden one is a copy, keyed by its content.
  const rules = settings.rules.map((r) => at.get(r) ?? withoutDocs(r));
  return digestOf({ format: FORMAT, version: VERSION, ...rest, rules, ...(builtin ? { builtin: builtin.digest } : {}) });
}

/** Set to true by scripts/bundle.mjs in the bundled CLI, whose built-in rules are read from rules.bin beside it. */
declare const __KEYSCAN_BUNDLED__: boolean | undefined;

/**
 * A digest of the built-in catalogue `rules`. In the bundled CLI, of the rules.bin it read them from
 * (sha256 of 1.2 MB, ~3 ms): walking the rules for one took ~30 ms of every repeat audit. The whole
 * file, documentation included, so any change to it makes another key. Elsewhere (tests, the
 * library, the action bundle), of the rules themselves without their documentation.
 */
export function builtinDigest(rules: readonly object[]): string {
  if (typeof __KEYSCAN_BUNDLED__ !== 'undefined' && __KEYSCAN_BUNDLED__) {
    try {
      return `rules.bin:${createHash('sha256')
        .update(readFileSync(new URL('./rules.bin', import.meta.url)))
        .digest('hex')}`;
    } catch {
      // Not there (a bundle moved without it): the rules themselves, as anywhere else.
    }
  }
  return digestOf(rules.map(withoutDocs));
}

/**
 * A rule's fields that only document it: what reports say to do, links, and the examples its
 * tests and config checks run (src/catalogue/validate.ts, src/config/user-rules.ts). The compiled
 * catalogue never reads them, so they change no finding. Left out of the key because they are 40%
 * of the catalogue and the built-in rules read them lazily (scripts/bundle.mjs): hashing them parsed
 * them, ~1/5 of a repeat audit of git/git.
 */
export const RULE_DOCS: ReadonlySet<string> = new Set(['remediation', 'references', 'examples']);

/** `rule` without {@link RULE_DOCS}, its other keys in order; its accessors are not read. */
function withoutDocs(rule: object): object {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(rule)) if (!RULE_DOCS.has(key)) out[key] = (rule as Record<string, unknown>)[key];
  return out;
}

/** `.git/keyscan/` of the repository at `root` (its common git directory: worktrees share it). */
export async function defaultCacheDir(root: string): Promise<string> {
  const dir = (await gitOk(['rev-parse', '--git-common-dir'], root)).trim();
  return join(isAbsolute(dir) ? dir : resolve(root, dir), 'keyscan');
}

interface Known {
  readonly commits: readonly string[];
  readonly listedFrom: string | undefined;
  /** Commit → its position in `commits`. */
  readonly index: ReadonlyMap<string, number>;
  /** Per commit of `commits`, its STATE bits. */
  readonly state: Uint8Array;
  /** How many of `commits` have clean changes. */
  readonly clean: number;
  readonly skips: ReadonlyMap<string, CommitSkips>;
}

const NOTHING: Known = { commits: [], listedFrom: undefined, index: new Map(), state: new Uint8Array(0), clean: 0, skips: new Map() };

export class HistoryCache {
  readonly #file: string;
  readonly #key: string;
  readonly #known: Known;
  readonly #fresh = new Map<string, CommitSkips | undefined>();
  readonly #freshMetadata = new Set<string>();
  #looked: { readonly commits: readonly string[]; readonly states: Uint8Array } | undefined;
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
    // Files of older versions (1: clean changes only; 2: commits as an array) are simply superseded: no warning for an upgrade.
    const superseded = (v: unknown): boolean => isObject(v) && v.format === FORMAT && (v.version === 1 || v.version === 2);
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
    if (valid.key !== key) {
      debug('the history cache was made with other rules, settings or keyscan version: every commit is scanned');
      return empty;
    }
    debug(`history cache: ${valid.partly} of ${valid.commits.length} commits known clean in part or whole`);
    return new HistoryCache(file, key, valid, options.metadata);
  }

  /** The commit list of the last scan, if it was listed from exactly `listedFrom`. */
  commitsListedFrom(listedFrom: string | undefined): readonly string[] | undefined {
    return listedFrom !== undefined && listedFrom === this.#known.listedFrom ? this.#known.commits : undefined;
  }

  /** Whether `commit`'s changes are known to hold nothing; its skips, if so. */
  has(commit: string): boolean {
    return (this.#bits(commit) & PATCH) !== 0;
  }

  /**
   * How many of `commits` have changes known to hold nothing. Counted when the file was read if
   * `commits` is its own list (the repeat audit of unchanged refs), else looked up.
   */
  cleanAmong(commits: readonly string[]): number {
    if (commits === this.#known.commits) return this.#known.clean;
    let n = 0;
    for (const bits of this.#allStates(commits)) if ((bits & PATCH) !== 0) n++;
    return n;
  }

  /**
   * Per commit of `commits`, whether its changes (bit 1) and its metadata (bit 2) are known to
   * hold nothing: the file's own array when `commits` is its list. Metadata bits only when
   * {@link cachesMetadata}.
   */
  statesOf(commits: readonly string[]): Uint8Array {
    const all = this.#allStates(commits);
    if (this.cachesMetadata) return all;
    const out = new Uint8Array(all.length);
    for (let i = 0; i < all.length; i++) out[i] = (all[i] as number) & PATCH;
    return out;
  }

  /**
   * The file's bits for each of `commits` (the file's own array when `commits` is its list), not
   * to be written to. The last other list's are kept: a scan asks about its list three or four
   * times (the design, its changes, its metadata, the save), 85,000 lookups each on git/git.
   */
  #allStates(commits: readonly string[]): Uint8Array {
    if (commits === this.#known.commits) return this.#known.state;
    if (commits === this.#looked?.commits) return this.#looked.states;
    const states = new Uint8Array(commits.length);
    for (let i = 0; i < commits.length; i++) states[i] = this.#bits(commits[i] as string);
    this.#looked = { commits, states };
    return states;
  }

  #bits(commit: string): number {
    const at = this.#known.index.get(commit);
    return at === undefined ? 0 : (this.#known.state[at] as number);
  }

  skipsOf(commit: string): CommitSkips | undefined {
    return this.#known.skips.get(commit);
  }

  /** Whether `commit`'s message, identities and file names are known to hold nothing. */
  hasMetadata(commit: string): boolean {
    return this.cachesMetadata && (this.#bits(commit) & METADATA) !== 0;
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
    // As character codes: 85,000 string appends cost more than the rest of the loop.
    const state = Buffer.alloc(commits.length, 48);
    let changed = !same;
    const skips: Record<string, CommitSkips> = {};
    const before = this.#allStates(commits);
    for (let i = 0; i < commits.length; i++) {
      const c = commits[i] as string;
      const old = before[i] as number;
      const fresh = this.#fresh.has(c) && keep(c);
      const bits = old | (fresh ? PATCH : 0) | (this.#freshMetadata.has(c) ? METADATA : 0);
      if (bits !== old) changed = true;
      state[i] = 48 + bits;
      if ((bits & PATCH) === 0) continue;
      const s = fresh && (old & PATCH) === 0 ? this.#fresh.get(c) : this.#known.skips.get(c);
      if (s !== undefined) skips[c] = s;
    }
    if (!changed) return;
    const content: CacheFile = {
      format: FORMAT,
      version: FORMAT_VERSION,
      key: this.#key,
      commits: commits.join(''),
      ...(listedFrom === undefined ? {} : { listedFrom }),
      state: state.toString('latin1'),
      skips,
    };
    await mkdir(join(this.#file, '..'), { recursive: true, mode: 0o700 });
    await writeAtomic(this.#file, `${JSON.stringify(content)}\n`, 0o600);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file, if it is exactly what keyscan writes, as what it knows; its key to compare. */
function checkFile(v: unknown): (Known & { readonly key: string; readonly partly: number }) | undefined {
  if (!isObject(v) || v.format !== FORMAT || v.version !== FORMAT_VERSION || typeof v.key !== 'string') return undefined;
  if (typeof v.commits !== 'string' || typeof v.state !== 'string' || !isObject(v.skips)) return undefined;
  if (v.listedFrom !== undefined && (typeof v.listedFrom !== 'string' || !DIGEST.test(v.listedFrom))) return undefined;
  const { commits: all, state: text } = v;
  const count = text.length;
  const width = count === 0 ? SHA_WIDTHS[0] : all.length / count;
  if (!SHA_WIDTHS.includes(width as number) || all.length !== count * (width as number)) return undefined;
  if (!HEX.test(all) || !STATE.test(text)) return undefined;
  // One pass: no commit twice (a list with a commit twice is no rev-list output).
  const commits = new Array<string>(count);
  const index = new Map<string, number>();
  const state = new Uint8Array(count);
  let clean = 0;
  let partly = 0;
  for (let i = 0; i < count; i++) {
    const c = all.slice(i * (width as number), (i + 1) * (width as number));
    if (index.has(c)) return undefined;
    index.set(c, i);
    commits[i] = c;
    const bits = text.charCodeAt(i) - 48;
    state[i] = bits;
    if ((bits & PATCH) !== 0) clean++;
    if (bits !== 0) partly++;
  }
  const skips = new Map<string, CommitSkips>();
  for (const [sha, counts] of Object.entries(v.skips)) {
    const at = index.get(sha);
    if (at === undefined || ((state[at] as number) & PATCH) === 0 || !isObject(counts)) return undefined;
    for (const [reason, n] of Object.entries(counts)) {
      if (!SKIP_REASONS.includes(reason as SkipReason) || !Number.isSafeInteger(n) || (n as number) < 0) return undefined;
    }
    skips.set(sha, counts as CommitSkips);
  }
  const listedFrom = v.listedFrom as string | undefined;
  return { key: v.key, commits, listedFrom, index, state, clean, skips, partly };
}
