/**
 * The `.husky/pre-commit` edit behind `keyscan init`. Pure: the existing hook in, the new hook out.
 *
 * The line is `keyscan --staged`, not `npx keyscan --staged`: husky puts `node_modules/.bin` on the
 * hook's PATH, which saves npx's start-up on every commit, and if keyscan is not installed the
 * commit fails with "command not found" instead of npx fetching whatever package is called
 * `keyscan` on the registry (an unrelated one).
 */

export const HOOK_COMMAND = 'keyscan --staged';

/** A hook keyscan can set up: its file under .husky/, the line it adds, and the flag that line has. */
export interface HookKind {
  readonly file: 'pre-commit' | 'pre-push';
  readonly command: string;
  readonly flag: string;
  readonly comment: string;
}

export const PRE_COMMIT: HookKind = {
  file: 'pre-commit',
  command: HOOK_COMMAND,
  flag: '--staged',
  comment: '# Block commits that add secrets (keyscan). Bypass, when you are sure: git commit --no-verify',
};

/** git passes the remote's name as the hook's first argument and the pushed refs on stdin. */
export const PRE_PUSH: HookKind = {
  file: 'pre-push',
  command: 'keyscan --pre-push "$1"',
  flag: '--pre-push',
  comment:
    '# Block pushes of commits that add secrets, also commits made with --no-verify (keyscan). Bypass, when you are sure: git push --no-verify',
};

/** husky v8 hooks are run by git itself and need this preamble; v9 hooks are plain command lists. */
const HUSKY_V8_PREAMBLE = '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n';

export interface HookEdit {
  readonly text: string;
  readonly changed: boolean;
}

/** Whether a hook already runs keyscan with the kind's flag (in any spelling: npx, a path, extra flags). */
export function runsKeyscan(hook: string, kind: HookKind = PRE_COMMIT): boolean {
  const flag = new RegExp(`(^|\\s)${kind.flag}(\\s|$|[;&|)=])`);
  return hook.split(/\r?\n/).some((line) => {
    const l = line.trim();
    return !l.startsWith('#') && /(^|[\s/;&|(])keyscan(\.js)?(\s|$)/.test(l) && flag.test(l);
  });
}

/**
 * Adds the keyscan line to a hook, keeping every existing line: at the end, or before the first
 * top-level `exit` (a line after it would never run). Creates the hook when there is none.
 */
export function addHookLine(existing: string | undefined, options: { huskyV8?: boolean; kind?: HookKind } = {}): HookEdit {
  const kind = options.kind ?? PRE_COMMIT;
  if (existing !== undefined && runsKeyscan(existing, kind)) return { text: existing, changed: false };
  const { comment } = kind;
  if (existing === undefined || existing.trim() === '') {
    const preamble = options.huskyV8 ? HUSKY_V8_PREAMBLE : '';
    return { text: `${preamble}${comment}\n${kind.command}\n`, changed: true };
  }
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lines = existing.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const exitAt = lines.findIndex((l) => /^exit(\s|$)/.test(l));
  const insert = [comment, kind.command];
  if (exitAt === -1) lines.push('', ...insert);
  else lines.splice(exitAt, 0, ...insert);
  return { text: `${lines.join(eol)}${eol}`, changed: true };
}
