import { git } from './run.js';

/** A git config value as git resolves it for `repo` (local, global, system), or undefined when unset. */
export async function gitConfigGet(repo: string, key: string): Promise<string | undefined> {
  const r = await git(['config', '--get', '--', key], repo);
  return r.code === 0 ? r.stdout.trim() : undefined;
}
