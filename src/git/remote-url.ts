import { git } from './run.js';

/**
 * The fetch URL of `origin`, else of the first remote, else undefined. As configured: it may hold
 * credentials (`https://user:token@host/…`), so callers must never print it as it is; see
 * report/forge.ts, which keeps only a validated host and path.
 */
export async function remoteUrl(repo: string): Promise<string | undefined> {
  const origin = await git(['remote', 'get-url', '--', 'origin'], repo);
  if (origin.code === 0 && origin.stdout.trim() !== '') return origin.stdout.trim();
  const list = await git(['remote'], repo);
  const first = list.code === 0 ? list.stdout.split('\n')[0]?.trim() : undefined;
  if (first === undefined || first === '') return undefined;
  const r = await git(['remote', 'get-url', '--', first], repo);
  return r.code === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined;
}
