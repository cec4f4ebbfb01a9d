/** The command line `keyscan init` puts in a pre-commit hook (see setup/hook.ts): `keyscan --staged`. */
export function isHookCommandLine(argv: readonly string[]): boolean {
  return argv.length === 1 && argv[0] === '--staged';
}
