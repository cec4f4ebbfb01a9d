/**
 * Undoes git's C-style quoting of paths (`"a/caf\303\251 \"x\".txt"`): octal escapes are bytes of
 * UTF-8, the rest are the usual C escapes. Unquoted input is returned as it is.
 */
const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

export function unquoteGitPath(text: string): string {
  return unquoteGitPathBytes(Buffer.from(text, 'utf8')).toString('utf8');
}

/**
 * The same on the bytes git printed, to the exact bytes of the name: with `core.quotePath=false`
 * git prints a name's bytes as they are, and they need not be valid UTF-8.
 */
export function unquoteGitPathBytes(raw: Buffer): Buffer {
  if (raw.length < 2 || raw[0] !== 0x22 || raw[raw.length - 1] !== 0x22) return raw;
  const bytes: number[] = [];
  const body = raw.toString('latin1', 1, raw.length - 1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes);
}
