import { relative, sep } from 'node:path';

/** POSIX path of `abs` relative to `base`: the one form of path keyscan reports. */
export function displayPath(base: string, abs: string): string {
  const rel = relative(base, abs);
  const posix = sep === '/' ? rel : rel.split(sep).join('/');
  return posix === '' ? '.' : posix;
}

/** True when a POSIX relative path lies inside a `.git` directory. */
export function insideGitDir(posixPath: string): boolean {
  return posixPath === '.git' || posixPath.startsWith('.git/') || posixPath.includes('/.git/') || posixPath.endsWith('/.git');
}
