/**
 * The report formats, one entry each. The CLI's `--format` choices, the config's `format` enum and
 * the config JSON Schema are derived from this list: a new format is its renderer's file plus one
 * line here.
 */
import type { ReportContext } from './context.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export interface Reporter {
  /** What `--format` and the config's `format` take. */
  readonly name: string;
  /** One line for `--help` and the schema. */
  readonly description: string;
  /** The usual file extension of a report in this format, with its dot. */
  readonly extension: string;
  render(ctx: ReportContext): string;
  /** It links to the forge: the CLI looks up the repository's remote (one git call) only for these. */
  readonly links?: boolean;
}

export const REPORTERS = [
  { name: 'text', description: 'a human report for the terminal', extension: '.txt', render: renderText },
  { name: 'json', description: 'every finding and the scan statistics, for programs', extension: '.json', render: renderJson },
  { name: 'sarif', description: 'SARIF 2.1.0, for code scanning dashboards', extension: '.sarif', render: renderSarif },
  { name: 'html', description: 'a self-contained audit page for people', extension: '.html', render: renderHtml, links: true },
  { name: 'markdown', description: 'the audit report for an issue or a wiki', extension: '.md', render: renderMarkdown, links: true },
] as const satisfies readonly Reporter[];

export type ReportFormat = (typeof REPORTERS)[number]['name'];

export const REPORT_FORMATS: readonly ReportFormat[] = REPORTERS.map((r) => r.name);

/** The reporter of a format. */
export function reporter(format: ReportFormat): Reporter {
  const found: Reporter | undefined = REPORTERS.find((r) => r.name === format);
  // The type admits only registered names; a cast from user input that skipped validation lands here.
  if (found === undefined) throw new TypeError(`unknown report format ${JSON.stringify(format)}`);
  return found;
}
