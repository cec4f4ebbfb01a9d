/**
 * A parser for env files as dotenv, docker compose and shells write them. Pure and forgiving: a
 * line it cannot read is skipped, never an error, because the checks must not stop on a typo.
 *
 * Understood: `KEY=value`, `KEY = value`, `export KEY=value`, `KEY: value`; single, double and
 * backtick quotes, which may span lines; `# comments` on their own line or after a value
 * (preceded by whitespace, as docker compose and python-dotenv read them); CRLF and CR line
 * endings; a UTF-8 byte-order mark.
 */

/** One assignment. Positions are 1-based; columns count UTF-16 code units; `endColumn` is exclusive. */
export interface EnvEntry {
  readonly key: string;
  /** The value with quotes removed (double-quoted escapes such as `\n` are kept as written). */
  readonly value: string;
  readonly quote: '"' | "'" | '`' | undefined;
  /** Line and column of the key. */
  readonly line: number;
  readonly keyColumn: number;
  /** Where the value starts (after an opening quote) and ends (before the closing quote). */
  readonly valueLine: number;
  readonly valueColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?:=|:(?=[ \t]))[ \t]*/;

export function parseEnv(text: string): EnvEntry[] {
  const lines = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const entries: EnvEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const m = ASSIGNMENT.exec(line);
    if (m === null) continue;
    const key = m[2] as string;
    const keyColumn = (m[1] as string).length + 1;
    const start = m[0].length;
    const quote = line[start];
    if (quote === '"' || quote === "'" || quote === '`') {
      const quoted = readQuoted(lines, i, start + 1, quote);
      if (quoted !== undefined) {
        entries.push({
          key,
          value: quoted.value,
          quote,
          line: i + 1,
          keyColumn,
          valueLine: i + 1,
          valueColumn: start + 2,
          endLine: quoted.endIndex + 1,
          endColumn: quoted.endColumn + 1,
        });
        i = quoted.endIndex;
        continue;
      }
      // An unclosed quote: read the rest of the line as an unquoted value.
    }
    const value = unquotedValue(line.slice(start));
    entries.push({
      key,
      value,
      quote: undefined,
      line: i + 1,
      keyColumn,
      valueLine: i + 1,
      valueColumn: start + 1,
      endLine: i + 1,
      endColumn: start + value.length + 1,
    });
  }
  return entries;
}

/** Splits on LF, CRLF or a lone CR. */
function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Up to an inline comment (whitespace, then `#`), trailing whitespace trimmed. */
function unquotedValue(rest: string): string {
  const comment = rest.search(/[ \t]#/);
  const value = comment === -1 ? rest : rest.slice(0, comment);
  return rest.startsWith('#') ? '' : value.trimEnd();
}

interface Quoted {
  readonly value: string;
  /** Index of the line that holds the closing quote, and its 0-based column there. */
  readonly endIndex: number;
  readonly endColumn: number;
}

/** Finds the closing quote from `lines[index][column]` on, across lines; undefined if there is none. */
function readQuoted(lines: readonly string[], index: number, column: number, quote: string): Quoted | undefined {
  const parts: string[] = [];
  let from = column;
  for (let i = index; i < lines.length; i++) {
    const line = lines[i] as string;
    const close = closingQuote(line, from, quote);
    if (close !== -1) {
      parts.push(line.slice(from, close));
      if (!closesCleanly(line.slice(close + 1))) return undefined;
      return { value: parts.join('\n'), endIndex: i, endColumn: close };
    }
    parts.push(line.slice(from));
    from = 0;
  }
  return undefined;
}

/** Index of the closing quote in `line` from `from`; in double quotes a backslash escapes it. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let c = from; c < line.length; c++) {
    if (quote === '"' && line[c] === '\\') c++;
    else if (line[c] === quote) return c;
  }
  return -1;
}

/** After a closing quote only whitespace or a comment may follow; otherwise it was not one. */
function closesCleanly(rest: string): boolean {
  return /^[ \t]*(?:#.*)?$/.test(rest);
}
