import type { Secret } from '../secret.js';
import type { Finding } from '../types.js';

/**
 * A finding on its way through the filters, with the line(s) it is on. The lines hold the secret,
 * so they are wrapped like it, and dropped once filtering is done.
 */
export interface Candidate {
  readonly finding: Finding;
  readonly context: { readonly text: Secret; readonly line: number } | undefined;
}

type LineContext = NonNullable<Candidate['context']>;

/**
 * The lines of findings that are not matches (check findings made from a file's text), kept beside
 * the finding rather than in it, so that no report can print them.
 */
const contexts = new WeakMap<Finding, LineContext>();

export function rememberContext(finding: Finding, context: LineContext): void {
  contexts.set(finding, context);
}

/** The lines {@link rememberContext} kept for `finding`, if any. */
export function rememberedContext(finding: Finding): LineContext | undefined {
  return contexts.get(finding);
}

/** What a filter returns: the candidates it lets through and those it silences. */
export interface Partition {
  readonly kept: Candidate[];
  readonly suppressed: Candidate[];
}

export function partition(candidates: readonly Candidate[], silenced: (c: Candidate) => boolean): Partition {
  const kept: Candidate[] = [];
  const suppressed: Candidate[] = [];
  for (const c of candidates) (silenced(c) ? suppressed : kept).push(c);
  return { kept, suppressed };
}

/** Identifies a line across modes: in history scans the same path and line differ per commit. */
export function lineKey(path: string, line: number, commit: string | undefined): string {
  return commit === undefined ? `${path}\0${line}` : `${path}\0${line}\0${commit}`;
}

/** The commit of a history finding, if the finding carries one. */
export function commitOf(finding: Finding): string | undefined {
  // Findings from history scans carry `commit`; read it without assuming every source sets it.
  const commit = (finding as Finding & { readonly commit?: unknown }).commit;
  return typeof commit === 'string' ? commit : undefined;
}
