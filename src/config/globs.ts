/**
 * Path globs (picomatch), loaded only when a config has any: picomatch costs ~8 ms to import,
 * which a pre-commit run without excludes should not pay.
 */
export type PathMatcher = (path: string) => boolean;

const never: PathMatcher = () => false;

export async function compileGlobs(globs: readonly string[]): Promise<PathMatcher> {
  if (globs.length === 0) return never;
  const { default: picomatch } = await import('picomatch');
  return picomatch([...globs], { dot: true });
}

/** Why a glob is invalid, or undefined when it is fine. */
export async function globProblem(glob: string): Promise<string | undefined> {
  const { default: picomatch } = await import('picomatch');
  try {
    picomatch.makeRe(glob);
    return glob.trim() === '' ? 'an empty glob matches nothing' : undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
