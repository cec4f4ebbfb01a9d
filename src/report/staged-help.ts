/**
 * What a blocked commit says after its findings: how to fix it, how to allow a false positive, and
 * how to bypass the hook. A pre-commit hook is where people meet keyscan first; the message has to
 * be enough on its own.
 */
import type { Finding } from '../types.js';
import type { ReportRule } from './context.js';
import { escapeControl as clean } from './escape.js';

/** Lines for the end of a `--staged` text report with findings (empty without findings). */
export function stagedHelp(
  findings: readonly Finding[],
  rules: readonly ReportRule[],
  paint: (style: string, s: string) => string,
): string[] {
  if (findings.length === 0) return [];
  const fired = new Set(findings.map((f) => f.ruleId));
  const first = findings[0] as Finding;
  const out = [
    '',
    paint('1;31', 'Commit blocked: the staged changes add a secret.'),
    '',
    paint('1', 'Fix it'),
    '  1. Remove the secret from the file: read it from an environment variable or a secret manager,',
    '     then stage the file again (git add) and commit.',
    '  2. Not committed yet means not leaked through git. If the key was ever pushed, shared, pasted or',
    '     logged, treat it as leaked: revoke it and issue a new one.',
  ];
  for (const rule of rules) {
    if (!fired.has(rule.id) || rule.remediation === undefined) continue;
    out.push(`     ${clean(rule.id)}: revoke at ${clean(rule.remediation.revoke)}`, `       ${clean(rule.remediation.rotate)}`);
  }
  out.push(
    '',
    paint('1', 'Not a secret?'),
    `  - Allow it with a comment on its line: keyscan:allow ${clean(first.ruleId)}   (# or // comment, as the file type needs)`,
    '  - Or accept the current findings in the baseline: keyscan baseline (then commit .keyscan-baseline.json)',
    '',
    'Bypass this check for one commit, only when you are sure: git commit --no-verify',
  );
  return out;
}
