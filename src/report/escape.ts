/**
 * Text from a scanned repository (paths, config keys, rule descriptions) printed safely: no
 * terminal control sequences, no bidirectional overrides, no CI workflow commands. Every text
 * output goes through here, so a file name cannot repaint a terminal ("No secrets found") or
 * become a `::add-mask::` line in a GitHub Actions log.
 */

/**
 * C0 controls, DEL and C1 controls (Unicode's Cc), the bidi embeddings, overrides and isolates,
 * and the line and paragraph separators (which some viewers break lines on).
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** The same, but keeping line feed and tab: for whole messages whose line breaks are keyscan's own. */
const CONTROL_BUT_LINES = /(?![\n\t])[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field of untrusted text (a path, a key, a description): every control character as a visible escape. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/**
 * A whole message for a log or terminal: control characters escaped except line feeds and tabs,
 * and no line that a CI runner would read as a workflow command.
 */
export function safeLines(text: string): string {
  return neutraliseCommands(text.replace(CONTROL_BUT_LINES, escapeChar));
}

/**
 * GitHub's runner reads a line as a command when it starts with `::` after leading whitespace, and
 * (the older syntax) when it holds `##[` anywhere. A backslash breaks both without hiding the text.
 */
export function neutraliseCommands(text: string): string {
  return text.replace(/^([ \t]*)::/gm, '$1\\::').replace(/##\[/g, '#\\#[');
}
