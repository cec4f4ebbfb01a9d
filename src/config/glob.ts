import { createRequire } from 'node:module';
import type picomatchType from 'picomatch';

/**
 * picomatch, loaded on first use: it costs ~8 ms to import, which a pre-commit run whose config
 * has no globs should not pay. (CommonJS, so it can be required synchronously.)
 */
let loaded: typeof picomatchType | undefined;
export function picomatch(): typeof picomatchType {
  loaded ??= createRequire(import.meta.url)('picomatch') as typeof picomatchType;
  return loaded;
}

export type PathMatcher = (path: string) => boolean;

/** One matcher for many globs on repository-relative paths (dotfiles included). */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  return picomatch()([...globs], { dot: true });
}

/**
 * Why a path glob cannot do what its author meant, or undefined when it is fine. picomatch accepts
 * almost anything and quietly compiles a broken glob (`src/{a,b`) to a pattern that matches
 * nothing, so those are caught here, as are paths that can never match a repository-relative path.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'must not be empty';
  if (glob.startsWith('/')) return 'must be relative to the repository root (remove the leading "/")';
  if (glob.startsWith('./')) return 'must be relative to the repository root without "./"';
  const unbalanced = unbalancedBracket(glob);
  if (unbalanced !== undefined) return `is not a valid glob: unbalanced "${unbalanced}"`;
  try {
    if (picomatch().makeRe(glob).source === '$^') return 'is not a valid glob: it can never match';
  } catch (e) {
    return `is not a valid glob: ${(e as Error).message}`;
  }
  return undefined;
}

function unbalancedBracket(glob: string): string | undefined {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (stack[stack.length - 1] === '[' && c !== ']') continue; // anything goes inside a class
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return c;
    }
  }
  return stack.pop();
}
