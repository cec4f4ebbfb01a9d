/**
 * The package.json edit behind `keyscan init`: husky and keyscan as devDependencies and husky in
 * the `prepare` script (which npm, pnpm, yarn and bun run after an install, so the hook is active
 * for everyone who installs the project). Pure: text in, text out, the file's indentation kept.
 */
import { KeyscanError } from '../errors.js';
import { PACKAGE_NAME } from '../version.js';

export interface PackageJsonEdit {
  /** The new file content (equal to the input when nothing changed). */
  readonly text: string;
  /** What changed, one phrase each, for the user. */
  readonly changes: readonly string[];
  /** Things the user should know that init did not change. */
  readonly warnings: readonly string[];
}

export interface PackageJsonWanted {
  readonly huskyRange: string;
  readonly keyscanRange: string;
}

type Json = Record<string, unknown>;

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

export function editPackageJson(text: string, wanted: PackageJsonWanted, file = 'package.json'): PackageJsonEdit {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (e) {
    throw new KeyscanError('E_INIT', `${file} is not valid JSON`, {
      hint: 'Fix it (npm pkg get name shows whether npm can read it), then run keyscan init again.',
      cause: e,
    });
  }
  if (!isObject(pkg)) throw new KeyscanError('E_INIT', `${file} does not hold a JSON object`);
  const changes: string[] = [];
  const warnings: string[] = [];

  const husky = declared(pkg, 'husky');
  if (husky === undefined) {
    addDevDependency(pkg, 'husky', wanted.huskyRange);
    changes.push(`added husky ${wanted.huskyRange} to devDependencies`);
  } else if (/^[~^]?[0-8]\./.test(husky)) {
    warnings.push(
      `husky ${husky} is older than v9: the hook is written for it, but keyscan init is tested with husky 9 (npm i -D husky@9 upgrades).`,
    );
  }
  if (declared(pkg, PACKAGE_NAME) === undefined) {
    addDevDependency(pkg, PACKAGE_NAME, wanted.keyscanRange);
    changes.push(`added ${PACKAGE_NAME} ${wanted.keyscanRange} to devDependencies`);
  }

  const scripts = pkg.scripts === undefined ? {} : pkg.scripts;
  if (!isObject(scripts)) throw new KeyscanError('E_INIT', `"scripts" in ${file} is not an object`);
  const prepare = scripts.prepare;
  if (prepare === undefined || prepare === '') {
    scripts.prepare = 'husky';
    changes.push('set scripts.prepare to "husky"');
  } else if (typeof prepare !== 'string') {
    throw new KeyscanError('E_INIT', `scripts.prepare in ${file} is not a string`);
  } else if (!/(^|[\s;&|(])husky(\s|$|[;&|)])/.test(prepare)) {
    // Appended, so the project's own prepare step runs first, as before.
    scripts.prepare = `${prepare} && husky`;
    changes.push(`appended "husky" to scripts.prepare ("${scripts.prepare}")`);
  }
  if (pkg.scripts === undefined && changes.some((c) => c.includes('scripts.prepare'))) pkg.scripts = scripts;

  if (changes.length === 0) return { text, changes, warnings };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(pkg, null, indentOf(text));
  return { text: `${eol === '\n' ? body : body.replace(/\n/g, eol)}${/\r?\n$/.test(text) || text === '' ? eol : ''}`, changes, warnings };
}

/** The version range a package is declared with in any dependency field. */
export function declared(pkg: Json, name: string): string | undefined {
  for (const field of DEPENDENCY_FIELDS) {
    const deps = pkg[field];
    if (isObject(deps) && typeof deps[name] === 'string') return deps[name];
  }
  return undefined;
}

/** Adds to devDependencies, keeping them sorted when they were (as npm writes them). */
function addDevDependency(pkg: Json, name: string, range: string): void {
  const current = pkg.devDependencies;
  if (current !== undefined && !isObject(current)) throw new KeyscanError('E_INIT', '"devDependencies" in package.json is not an object');
  const deps: Json = current ?? {};
  const keys = Object.keys(deps);
  const sorted = keys.every((k, i) => i === 0 || (keys[i - 1] as string).localeCompare(k, 'en') <= 0);
  deps[name] = range;
  pkg.devDependencies = sorted ? Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b, 'en'))) : deps;
}

/** The indentation of the first indented line (npm keeps a file's own), two spaces by default. */
function indentOf(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  return m?.[1] ?? 2;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
