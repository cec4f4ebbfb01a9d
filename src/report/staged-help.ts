/**
 * What a blocked commit says after its findings: how to fix it, how to allow a false positive, and
 * how to bypass the hook. A pre-commit hook is where people meet keyscan first; the message has to
 * be enough on its own, and every command in it must work where it is printed: inside a hook,
 * `keyscan` is not on PATH, so commands go through `npx keyscan` (the project's own install).
 */
import type { Finding } from '../types.js';
import type { ReportRule } from './context.js';
import { escapeControl as clean } from './escape.js';

/** Env-file checks about a whole file: nothing on one of its lines to allow. */
const FILE_CHECKS = new Set(['env-file-staged', 'env-file-tracked', 'env-file-not-ignored', 'env-file-committed']);

/** Lines for the end of a `--staged` text report with findings (empty without findings). */
export function stagedHelp(
  findings: readonly Finding[],
  rules: readonly ReportRule[],
  paint: (style: string, s: string) => string,
): string[] {
  const failing = findings.filter((f) => f.severity !== 'info');
  if (failing.length === 0) return [];
  const secrets = failing.filter((f) => f.source !== 'check');
  const envFiles = failing.filter((f) => FILE_CHECKS.has(f.ruleId));
  const templates = failing.filter((f) => f.source === 'check' && !FILE_CHECKS.has(f.ruleId));
  const what = [
    secrets.length > 0 ? 'a secret' : '',
    envFiles.length > 0 ? 'an env file' : '',
    templates.length > 0 ? 'a value in an env template' : '',
  ]
    .filter((w) => w !== '')
    .join(' and ');
  const out = ['', paint('1;31', `Commit blocked: the staged changes add ${what}.`), '', paint('1', 'Fix it')];
  let step = 0;
  const item = (first: string, ...rest: string[]): void => {
    step++;
    out.push(`  ${step}. ${first}`, ...rest.map((l) => `     ${l}`));
  };
  if (secrets.length > 0) {
    item(
      'Remove the secret from the file: read it from an environment variable or a secret manager,',
      'then stage the file again (git add) and commit.',
    );
    item(
      'Not committed yet means not leaked through git. If the key was ever pushed, shared, pasted or',
      'logged, treat it as leaked: revoke it and issue a new one.',
    );
    out.push(...revokeLines(secrets, rules));
  }
  if (envFiles.length > 0) {
    item(
      'Keep env files out of git: unstage each one and ignore it, as its finding above says',
      '(git rm --cached <file>, then add it to .gitignore), and commit again.',
    );
  }
  if (templates.length > 0) {
    item(
      'Replace each real-looking value in the env template with an empty value or a placeholder',
      '(such as <NAME>), stage the template again and commit.',
    );
  }
  out.push('', paint('1', 'Not a secret?'));
  const lineLevel = [...secrets, ...templates][0];
  if (lineLevel !== undefined) {
    out.push(
      `  - Allow it with a comment on its line: keyscan:allow ${clean(lineLevel.ruleId)}   (# or // comment, as the file type needs)`,
    );
  }
  const file = envFiles[0];
  if (file !== undefined) {
    out.push(
      `  - An env file that must be committed (no secrets in it): list it in .keyscan.yaml under allowlist: paths: [${clean(JSON.stringify(file.path))}]`,
    );
  }
  out.push(
    '  - Or accept the current findings in the baseline: npx keyscan baseline (then git add .keyscan-baseline.json)',
    '',
    'Bypass this check for one commit, only when you are sure: git commit --no-verify',
  );
  return out;
}

/** Where to revoke and how to rotate, once per rule that fired. */
export function revokeLines(secrets: readonly Finding[], rules: readonly ReportRule[]): string[] {
  const fired = new Set(secrets.map((f) => f.ruleId));
  return rules.flatMap((rule) =>
    !fired.has(rule.id) || rule.remediation === undefined
      ? []
      : [`     ${clean(rule.id)}: revoke at ${clean(rule.remediation.revoke)}`, `       ${clean(rule.remediation.rotate)}`],
  );
}
