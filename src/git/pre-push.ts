/**
 * git's pre-push protocol: the hook reads one line per ref being pushed on stdin,
 * `<local ref> SP <local object> SP <remote ref> SP <remote object> LF` (githooks(5)). A deletion
 * has the all-zero local object; a new remote ref the all-zero remote object.
 */
import { KeyscanError } from '../errors.js';

export interface RefUpdate {
  readonly localRef: string;
  readonly localSha: string;
  readonly remoteRef: string;
  readonly remoteSha: string;
}

const OBJECT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const ZERO = /^0+$/;

export function isZeroSha(sha: string): boolean {
  return ZERO.test(sha);
}

/** The updates of a push, in the order git gave them; malformed input is E_USAGE, never skipped. */
export function parsePushUpdates(text: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const parts = line.split(' ');
    const [localRef, localSha, remoteRef, remoteSha] = parts;
    if (parts.length !== 4 || localRef === undefined || remoteRef === undefined || !isObject(localSha) || !isObject(remoteSha)) {
      throw new KeyscanError('E_USAGE', `line ${i + 1} of the pre-push input is not "<local ref> <local sha> <remote ref> <remote sha>"`, {
        hint: 'Run keyscan --pre-push from a git pre-push hook, which passes those lines on stdin (keyscan init --pre-push sets one up).',
      });
    }
    updates.push({ localRef, localSha, remoteRef, remoteSha });
  }
  return updates;
}

function isObject(sha: string | undefined): sha is string {
  return sha !== undefined && OBJECT.test(sha);
}
