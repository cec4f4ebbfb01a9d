/**
 * Which files are env files, which of them are templates, and the `.gitignore` line that ignores
 * one. Pure: names in, answers out.
 */

/**
 * Basenames of env templates: committed on purpose, holding variable names and placeholders only.
 * Compared case-insensitively. Replace or extend the list through `EnvCheckOptions.templates`.
 */
export const DEFAULT_ENV_TEMPLATES: readonly string[] = ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults'];

/**
 * `.env.ts`, `.env.d.ts`, `.env.md`…: source code or documentation about env files, not env
 * files. Shell and JSON/YAML variants (`.env.sh`, `.env.json`) can hold values and still count.
 */
const NOT_ENV_SUFFIX = /\.(?:[cm]?[jt]sx?|d\.ts|py|rb|go|rs|java|kt|php|cs|swift|md|mdx|rst|html?)$/i;

/** The last segment of a POSIX path. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/**
 * `.env`, `.env.*` (`.env.local`, `.env.production`) and `*.env` (`prod.env`), in any letter
 * case, but not source files named after them (`.env.ts`).
 */
export function isEnvFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === '.env') return true;
  if (lower.startsWith('.env.') && lower.length > 5) return !NOT_ENV_SUFFIX.test(lower);
  return lower.endsWith('.env') && lower.length > 4;
}

/** Decides, for repository-relative paths, whether they are env files and whether templates. */
export class EnvNames {
  readonly #templates: ReadonlySet<string>;

  constructor(templates: readonly string[] = DEFAULT_ENV_TEMPLATES) {
    this.#templates = new Set(templates.map((t) => t.toLowerCase()));
  }

  /** `'template'`, `'env'` (a real env file) or undefined (not an env file at all). */
  kind(path: string): 'template' | 'env' | undefined {
    const name = baseName(path);
    if (this.#templates.has(name.toLowerCase())) return 'template';
    return isEnvFileName(name) ? 'env' : undefined;
  }
}

/**
 * The line to append to the repository's root `.gitignore` so that git ignores `path`: its
 * basename, which matches at any depth (so a copy in another directory is ignored too), with
 * gitignore's special characters escaped.
 */
export function gitignoreLine(path: string): string {
  const escaped = baseName(path).replace(/[\\*?[\]]/g, (c) => `\\${c}`);
  // A leading `#` or `!` means comment or negation; trailing spaces are dropped unless escaped.
  return escaped.replace(/^[#!]/, (c) => `\\${c}`).replace(/ $/, '\\ ');
}

/** Single-quotes a path for a shell command shown to the user, when it needs quoting. */
export function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
