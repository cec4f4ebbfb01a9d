import type { RuleSpec } from '../catalogue/spec.js';
import type { Finding, ScanResult } from '../types.js';
import type { Forge } from './forge.js';

/**
 * What reporters need of a rule: catalogue rules (with remediation) and check rules such as the
 * env-file checks (with `help`, markdown) alike.
 */
export type ReportRule = Pick<RuleSpec, 'id' | 'description' | 'provider' | 'severity'> &
  Partial<Pick<RuleSpec, 'remediation' | 'references' | 'tags' | 'partner'>> & {
    /** Markdown help that replaces the revoke-and-rotate text built from `remediation`. */
    readonly help?: string;
  };

/** What every reporter gets. */
export interface ReportContext {
  readonly result: ScanResult;
  /** Metadata of the rules that ran (for SARIF rule descriptors and remediation hints). */
  readonly rules: readonly ReportRule[];
  /** Show secrets in full: only with an explicit `--no-redact`. */
  readonly reveal: boolean;
  readonly version: string;
  readonly color: boolean;
  /** A `--staged` scan (a pre-commit hook): the text report ends with how to unblock the commit. */
  readonly staged?: boolean;
  /** A `--pre-push` scan (a pre-push hook): the text report ends with how to unblock the push. */
  readonly prePush?: boolean;
  /** Where the repository lives (GitHub, GitLab), for links in the audit reports; undefined: no links. */
  readonly forge?: Forge;
}

/** The secret as a reporter may show it: masked unless the user asked otherwise. */
export function shownSecret(finding: Finding, reveal: boolean): string {
  return reveal ? finding.secret.reveal() : finding.redacted;
}
