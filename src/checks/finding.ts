import { fingerprintOf, sha256 } from '../engine/fingerprint.js';
import { rememberContext } from '../filters/candidate.js';
import { rememberHashInput } from '../hash/rehash.js';
import { Secret } from '../secret.js';
import type { CommitInfo, Finding } from '../types.js';
import type { CheckRule } from './rules.js';

export interface CheckFindingInput {
  readonly rule: CheckRule;
  readonly path: string;
  /** Says what is wrong and exactly what to do; names files and variables, never values. */
  readonly message: string;
  /** Where in the file; the whole file is reported at 1:1. */
  readonly at?: { readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number };
  /** Told apart from other findings of the rule in the same file by this (a variable name). */
  readonly identity?: string;
  /** The offending value, hashed into `secretHash` so a baseline can match it; never kept. */
  readonly value?: string;
  readonly commit?: CommitInfo;
  /**
   * The text of the finding's lines (`at.line` on), for `keyscan:allow` comments: kept beside the
   * finding, never in it, since the lines hold the value.
   */
  readonly lines?: string;
}

const NO_SECRET = new Secret('');

/**
 * A finding of a check: the same shape as a match, with `source: 'check'`. It carries no secret
 * (`secret` is empty and `redacted` is `''`), so no report can print a value, not even with
 * `--no-redact`; `secretHash` is the hash of the offending value, or of nothing.
 */
export function checkFinding(input: CheckFindingInput): Finding {
  const at = input.at ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const secretHash = sha256(input.value ?? '');
  const identity = input.identity === undefined ? secretHash : sha256(`${input.identity}\0${secretHash}`);
  const commit = input.commit;
  const finding: Finding = {
    ruleId: input.rule.id,
    severity: input.rule.severity,
    message: input.message,
    path: input.path,
    startLine: at.line,
    startColumn: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    redacted: '',
    secretHash,
    fingerprint: fingerprintOf(input.rule.id, input.path, identity, commit?.commit),
    source: 'check',
    ...(commit === undefined ? {} : { commit: commit.commit, author: commit.author, authorEmail: commit.authorEmail, date: commit.date }),
    secret: NO_SECRET,
  };
  if (input.lines !== undefined) rememberContext(finding, { text: new Secret(input.lines), line: at.line });
  // The hashes above are placeholders: the scan replaces them with keyed ones (src/hash/).
  rememberHashInput(finding, input.value ?? '', input.identity);
  return finding;
}
