/**
 * Talking to a remote: what CI needs to complete a shallow checkout. Every fetch names the commits
 * it wants and never fetches tags or submodules, so it moves as little as the range requires.
 */
import { firstLine, git } from './run.js';

/**
 * For local and ssh remotes git starts upload-pack itself, by the command `remote.<name>.uploadpack`
 * names: a program from the checkout's config. The standard one is named on the command line.
 */
const UPLOAD_PACK = '--upload-pack=git-upload-pack';

export interface FetchOutcome {
  readonly ok: boolean;
  /** git's first line of complaint when the fetch failed (no secret can be in it: it names refs). */
  readonly error: string;
}

/** Whether this clone is shallow (has commits whose parents were not fetched). */
export async function isShallow(repo: string): Promise<boolean> {
  const r = await git(['rev-parse', '--is-shallow-repository'], repo);
  return r.stdout.trim() === 'true';
}

/** Whether `name` is a configured remote with a URL. */
export async function hasRemote(repo: string, name: string): Promise<boolean> {
  const r = await git(['remote', 'get-url', '--', name], repo);
  return r.code === 0 && r.stdout.trim() !== '';
}

/**
 * Fetches `revs` (full SHAs or ref names) from `remote`. With `depth`, the history of each is cut
 * at that many commits from the commit itself (`--depth` counts from the wanted tips, so calling
 * it again with a larger depth deepens consistently); `deepen` extends every shallow boundary;
 * `unshallow` fetches everything.
 */
export async function fetchRevisions(
  repo: string,
  remote: string,
  revs: readonly string[],
  options: { depth?: number; deepen?: number; unshallow?: boolean } = {},
): Promise<FetchOutcome> {
  const args = ['-c', 'fetch.recurseSubmodules=false', 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules', UPLOAD_PACK];
  if (options.unshallow) args.push('--unshallow');
  else if (options.depth !== undefined) args.push(`--depth=${options.depth}`);
  else if (options.deepen !== undefined) args.push(`--deepen=${options.deepen}`);
  args.push('--', remote, ...revs);
  const r = await git(args, repo);
  return { ok: r.code === 0, error: r.code === 0 ? '' : firstLine(r.stderr) || `git fetch exited with ${r.code}` };
}

/** The SHA a ref has on the remote (`refs/heads/main`), or undefined when it has no such ref. */
export async function remoteRef(repo: string, remote: string, ref: string): Promise<string | undefined> {
  const r = await git(['ls-remote', UPLOAD_PACK, '--', remote, ref], repo);
  if (r.code !== 0) return undefined;
  const line = r.stdout.split('\n').find((l) => l.endsWith(`\t${ref}`));
  return line?.split('\t')[0];
}

/** A best common ancestor of `a` and `b`, or undefined when none is reachable in this clone. */
export async function mergeBase(repo: string, a: string, b: string): Promise<string | undefined> {
  const r = await git(['merge-base', '--', a, b], repo);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}
