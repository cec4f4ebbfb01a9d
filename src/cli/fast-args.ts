/**
 * The pre-commit hook's command line, `keyscan --staged` (what `keyscan init` installs), parsed
 * without yargs: loading yargs and building its command table costs every commit ~10 ms of CPU,
 * a tenth of the whole run. The arguments are the defaults that the default command's flag table
 * declares (scan-command.ts), read from the same builder yargs reads, so the two cannot drift
 * apart; test/cli/fast-args.test.ts checks them against what yargs gives. Every other command
 * line, help and errors included, goes to yargs.
 */
import type { Argv } from 'yargs';
import { isHookCommandLine } from './hook-args.js';
import { type ScanArgs, scanOptions } from './scan-command.js';

/** What a builder declares of a flag that a parse without flags depends on. */
interface Declared {
  readonly default?: unknown;
  readonly alias?: string | readonly string[];
  readonly coerce?: (value: never) => unknown;
}

/** Stands in for yargs while a builder declares its flags: it only records them. */
class FlagRecorder {
  readonly declared = new Map<string, Declared>();
  option(name: string, spec: Declared): this {
    this.declared.set(name, spec);
    return this;
  }
  positional(name: string, spec: Declared): this {
    return this.option(name, spec);
  }
}

/** The flags `builder` declares. It may call only option() and positional(): anything else throws. */
export function declaredFlags(builder: (y: Argv) => unknown): ReadonlyMap<string, Declared> {
  const recorder = new FlagRecorder();
  // The recorder implements the two methods of Argv that flag tables call (see the test).
  builder(recorder as unknown as Argv);
  return recorder.declared;
}

/** The arguments yargs would give the default command for `argv`, or undefined when yargs must parse it. */
export function fastScanArgs(argv: readonly string[]): ScanArgs | undefined {
  if (!isHookCommandLine(argv)) return undefined;
  const args: Record<string, unknown> = {};
  for (const [name, spec] of declaredFlags(scanOptions)) {
    if (spec.default === undefined) continue;
    // A fresh array per run, as yargs gives: a command may not share the table's default.
    const value = Array.isArray(spec.default) ? [...(spec.default as unknown[])] : spec.default;
    args[name] = spec.coerce === undefined ? value : spec.coerce(value as never);
  }
  args.staged = true;
  return args as unknown as ScanArgs;
}
