/**
 * Rules for findings that are not text matches: env-file hygiene. Same ids, severities and help
 * as catalogue rules, so reports, SARIF, `keyscan rules` and config `disable` treat them alike.
 */
import type { Severity } from '../types.js';

/** A check's metadata: everything a reporter needs, nothing a matcher would. */
export interface CheckRule {
  /** kebab-case and never renamed: baselines and SARIF depend on it. */
  readonly id: string;
  readonly description: string;
  readonly provider: string;
  readonly severity: Severity;
  /** Markdown: why it matters and how to fix it (SARIF `help`). */
  readonly help: string;
  readonly references?: readonly string[];
  readonly tags?: readonly string[];
}

const GITIGNORE_DOCS = 'https://git-scm.com/docs/gitignore';
const PROVIDER = 'keyscan';
const TAGS = ['env-file'];

const ROTATE =
  'Assume every value in it is compromised: rotate each credential at its provider. Removing the file from git does not un-leak it; rewriting history only hides it.';

export const ENV_FILE_TRACKED = {
  id: 'env-file-tracked',
  description: 'Env file tracked by git',
  provider: PROVIDER,
  severity: 'high',
  help: [
    '**An env file is tracked by git**, so every value in it is in the repository, whether or not keyscan recognises it as a key.',
    '',
    '**What to do**',
    `1. ${ROTATE}`,
    '2. Untrack it and keep the file: `git rm --cached <path>`, then commit.',
    '3. Ignore it: add its name (or `.env*` with `!.env.example`) to `.gitignore`.',
    '4. Commit a template (`.env.example`) with placeholders instead.',
  ].join('\n'),
  references: [GITIGNORE_DOCS],
  tags: TAGS,
} as const satisfies CheckRule;

export const ENV_FILE_NOT_IGNORED = {
  id: 'env-file-not-ignored',
  description: 'Env file not ignored by git',
  provider: PROVIDER,
  severity: 'medium',
  help: [
    '**An env file in the work tree is not ignored by git**: one `git add .` or `git commit -a` commits it.',
    '',
    '**What to do**: add the line that the finding names to the repository’s root `.gitignore` (or `.env*` with',
    '`!.env.example` to cover every env file but the template). `git check-ignore -v <path>` shows which rule ignores a file.',
  ].join('\n'),
  references: [GITIGNORE_DOCS],
  tags: TAGS,
} as const satisfies CheckRule;

export const ENV_FILE_STAGED = {
  id: 'env-file-staged',
  description: 'Env file staged for commit',
  provider: PROVIDER,
  severity: 'high',
  help: [
    '**An env file is staged for commit.** Committing it puts every value in it into the repository’s history.',
    '',
    '**What to do**',
    '1. Unstage it and keep the file: `git rm --cached <path>`.',
    '2. Ignore it: add its name to `.gitignore`.',
    '3. If it was committed before, rotate its values: they are in history already.',
  ].join('\n'),
  references: [GITIGNORE_DOCS],
  tags: TAGS,
} as const satisfies CheckRule;

export const ENV_FILE_COMMITTED = {
  id: 'env-file-committed',
  description: 'Env file committed to git history',
  provider: PROVIDER,
  severity: 'high',
  help: [
    '**An env file was committed.** Its values are in git history for everyone who has a clone, even if the file was deleted later.',
    '',
    '**What to do**',
    `1. ${ROTATE}`,
    '2. If it is still tracked: `git rm --cached <path>` and add it to `.gitignore`.',
  ].join('\n'),
  references: [GITIGNORE_DOCS],
  tags: TAGS,
} as const satisfies CheckRule;

export const ENV_TEMPLATE_VALUE = {
  id: 'env-template-value',
  description: 'Env template holds a real-looking value',
  provider: PROVIDER,
  severity: 'high',
  help: [
    '**A variable in an env template (`.env.example` and the like) holds a value that looks real**: random-looking and not a recognised placeholder.',
    'Templates are committed and copied around; they must hold empty values or placeholders only.',
    '',
    '**What to do**',
    '1. Replace the value with an empty value or a placeholder (`changeme`, `your_api_key_here`, `<API_KEY>`).',
    '2. If it is a real credential, rotate it at its provider.',
    '3. If it is not secret (a public identifier), add a pattern for it to the placeholder list.',
  ].join('\n'),
  tags: TAGS,
} as const satisfies CheckRule;

export const ENV_DRIFT = {
  id: 'env-drift',
  description: 'Env template and env file name different variables',
  provider: PROVIDER,
  severity: 'info',
  help: [
    '**An env template and the env file next to it disagree**: the template names a variable that the env file does not set, or the reverse.',
    'Informational (`--env-drift`); it never fails a scan.',
    '',
    '**What to do**: add the missing variable to the env file, or document it in the template with a placeholder.',
  ].join('\n'),
  tags: TAGS,
} as const satisfies CheckRule;

/** Every check rule, in a stable order. */
export const ENV_CHECK_RULES: readonly CheckRule[] = [
  ENV_FILE_TRACKED,
  ENV_FILE_NOT_IGNORED,
  ENV_FILE_STAGED,
  ENV_FILE_COMMITTED,
  ENV_TEMPLATE_VALUE,
  ENV_DRIFT,
];
