/**
 * What a refused push says after its findings (`--pre-push`): the secret is in commits, so taking
 * it out of the files is not enough; how to rewrite them, allow a false positive, or bypass. As in
 * staged-help.ts, every command works where it is printed (inside a hook, through npx).
 */
import type { Finding } from '../types.js';
import type { ReportRule } from './context.js';
import { escapeControl as clean } from './escape.js';
import { revokeLines } from './staged-help.js';

/** Lines for the end of a `--pre-push` text report with findings (empty without findings). */
export function pushHelp(
  findings: readonly Finding[],
  rules: readonly ReportRule[],
  paint: (style: string, s: string) => string,
): string[] {
  const failing = findings.filter((f) => f.severity !== 'info');
  if (failing.length === 0) return [];
  const secrets = failing.filter((f) => f.source !== 'check');
  const commits = new Set(failing.flatMap((f) => (f.commit === undefined ? [] : [f.commit.slice(0, 12)])));
  const where = commits.size > 0 ? ` (commit${commits.size === 1 ? '' : 's'} ${[...commits].slice(0, 5).join(', ')})` : '';
  const out = ['', paint('1;31', `Push blocked: the commits being pushed add a secret${where}.`), '', paint('1', 'Fix it')];
  out.push(
    '  1. Take the secret out of the commits, not only out of the files: a later commit that deletes it',
    '     still pushes it in the history.',
    '     In the last commit: fix the file, git add it, then git commit --amend.',
    '     In an older one: git rebase -i <the remote branch, e.g. origin/main>, mark that commit "edit",',
    '     fix the file, git add it, git commit --amend, git rebase --continue.',
    '  2. Then push again. Not pushed means not leaked through this remote; if the key was ever shared,',
    '     pasted or logged, treat it as leaked: revoke it and issue a new one.',
    ...revokeLines(secrets, rules),
  );
  const first = failing[0];
  out.push('', paint('1', 'Not a secret?'));
  if (first !== undefined && first.source !== 'check') {
    out.push(`  - Allow it with a comment on its line (keyscan:allow ${clean(first.ruleId)}) and amend the commit as above.`);
  }
  out.push(
    '  - Or accept the current findings in the baseline: npx keyscan baseline --history (then commit .keyscan-baseline.json)',
    '',
    'Bypass this check for one push, only when you are sure: git push --no-verify',
  );
  return out;
}
