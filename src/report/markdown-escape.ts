/**
 * Text from a scanned repository inside markdown that GitHub and GitLab render (issues, merge
 * request comments, wikis): it must stay text. No HTML, links, images, emphasis, headings,
 * mentions or table-cell breaks.
 */
import { escapeControl } from './escape.js';

/**
 * Markdown or HTML syntax anywhere in a line: written as numeric entities, which are only ever
 * text. (`-`, `+` and `=` start lists and headings only at the start of a line, where this text
 * never goes; quotes matter only inside a tag, and `<` never opens one.)
 */
const SYNTAX = /[\\`*_[\]<>|~&#$!{}]/g;
/** Where an autolink or a mention could start or continue: `www.x`, `https:x`, `a@b`. */
const LINK_GLUE = /([.:@])(?=[^\s.])/g;

/**
 * Prose. GitHub decodes entities before it looks for autolinks, so `.`, `:` and `@` followed by
 * text get an empty HTML comment after them (both forges drop it), the one thing that keeps
 * `www.x`, `https://x`, `a@b` and `@name` apart. Never at the start of a line (list markers).
 */
export function mdText(text: string): string {
  return escapeControl(text)
    .replace(SYNTAX, (c) => `&#${c.charCodeAt(0)};`)
    .replace(LINK_GLUE, '$1<!-- -->');
}

/**
 * A code span holding `text` literally: markdown parses nothing inside one. In a table cell a
 * pipe would still end the cell, so it is escaped (with the backslashes before it).
 */
export function mdCode(text: string, inTable = true): string {
  let t = escapeControl(text);
  if (t === '') return '';
  if (inTable) t = t.replace(/(\\*)\|/g, (_m, bs: string) => `${bs}${bs}\\|`);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[`\s]|[`\s]$/.test(t) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A link whose URL keyscan built (forge links) or a rule's https URL; anything else is text. */
export function mdLink(label: string, url: string | undefined): string {
  if (url === undefined || !/^https:\/\/[^\s<>"'`|()[\]\\]+$/.test(url)) return label;
  return `[${label}](${url})`;
}
