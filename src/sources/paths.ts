import { relative, sep } from 'node:path';

/**
 * A relative path with `/` separators: the one form of path keyscan reports. Only the platform's
 * separator is replaced (on POSIX systems a backslash is part of a name).
 */
export function toPosix(relativePath: string): string {
  return sep === '/' ? relativePath : relativePath.split(sep).join('/');
}

/** POSIX path of `abs` relative to `base` (`.` for `base` itself). */
export function displayPath(base: string, abs: string): string {
  const posix = toPosix(relative(base, abs));
  return posix === '' ? '.' : posix;
}

/** True when a POSIX relative path lies inside a `.git` directory. */
export function insideGitDir(posixPath: string): boolean {
  return posixPath === '.git' || posixPath.startsWith('.git/') || posixPath.includes('/.git/') || posixPath.endsWith('/.git');
}

/**
 * A file name's bytes as keyscan reports them: UTF-8 as it is; each byte that is not part of a
 * valid UTF-8 sequence as `\xNN`, so two names that differ only there stay apart in reports and
 * baselines. Opening a file always uses its exact bytes, never this.
 */
export function decodePath(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return buf.toString('utf8');
  let out = '';
  let i = 0;
  while (i < buf.length) {
    const n = utf8SequenceLength(buf, i);
    if (n === 0) {
      out += `\\x${(buf[i] as number).toString(16).padStart(2, '0')}`;
      i++;
    } else {
      out += buf.toString('utf8', i, i + n);
      i += n;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence starting at `i` (shortest form, no surrogates), or 0. */
function utf8SequenceLength(buf: Buffer, i: number): number {
  const b = buf[i] as number;
  if (b < 0x80) return 1;
  const cont = (k: number): boolean => i + k < buf.length && ((buf[i + k] as number) & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const b1 = buf[i + 1] ?? 0;
    if (b === 0xe0 && b1 < 0xa0) return 0;
    if (b === 0xed && b1 > 0x9f) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const b1 = buf[i + 1] ?? 0;
    if (b === 0xf0 && b1 < 0x90) return 0;
    if (b === 0xf4 && b1 > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Whether `bytes` are valid UTF-8 (then the name round-trips through a JavaScript string). */
export function isUtf8(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Buffer.from(buf.toString('utf8'), 'utf8').equals(buf);
}
