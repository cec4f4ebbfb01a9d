import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type yargsFactory from 'yargs/yargs';
import { declaredFlags, fastScanArgs } from '../../src/cli/fast-args.js';
import { type ScanArgs, scanOptions } from '../../src/cli/scan-command.js';

const yargs = createRequire(import.meta.url)('yargs/yargs') as typeof yargsFactory;

/** What yargs hands the default command for `argv`, configured as src/cli/main.ts configures it. */
async function yargsArgs(argv: string[]): Promise<Record<string, unknown>> {
  let got: Record<string, unknown> | undefined;
  await yargs(argv)
    .parserConfiguration({ 'populate--': true })
    .command<ScanArgs>('$0 [paths..]', 'scan', scanOptions, (args) => {
      got = args as unknown as Record<string, unknown>;
    })
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseAsync();
  if (got === undefined) throw new Error('the default command did not run');
  return got;
}

describe('the pre-commit fast path (keyscan --staged without yargs)', () => {
  it('gives the scan exactly the arguments yargs gives it, flag by flag', async () => {
    const fast = fastScanArgs(['--staged']) as unknown as Record<string, unknown>;
    const parsed = await yargsArgs(['--staged']);
    const names = [...declaredFlags(scanOptions).keys()];
    expect(names).toEqual(expect.arrayContaining(['staged', 'paths', 'format', 'redact', 'cache', 'max-file-size']));
    for (const name of names) expect([name, fast[name]]).toEqual([name, parsed[name]]);
    // Nothing yargs sets is missing: what it adds beyond the table is aliases and camelCase copies.
    const extra = Object.keys(parsed).filter((k) => !names.includes(k) && parsed[k] !== undefined);
    for (const key of extra) expect(key).toMatch(/^(_|\$0|[a-zA-Z]|[a-z]+(?:[A-Z][a-z]+)+)$/);
    expect(Object.keys(fast).filter((k) => !names.includes(k))).toEqual([]);
  });

  it('gives each run its own arrays', () => {
    const a = fastScanArgs(['--staged']);
    const b = fastScanArgs(['--staged']);
    a?.paths.push('x');
    expect(b?.paths).toEqual([]);
  });

  it('leaves every other command line to yargs', () => {
    for (const argv of [
      [],
      ['--staged', '-f', 'json'],
      ['--staged', '--help'],
      ['--help'],
      ['-v'],
      ['--stagd'],
      ['--staged=false'],
      ['baseline', '--staged'],
      ['--no-staged'],
      ['--staged', '--'],
    ]) {
      expect(fastScanArgs(argv)).toBeUndefined();
    }
  });

  it('records only option() and positional(): a builder calling anything else fails loudly here', () => {
    expect(() => declaredFlags((y) => y.option('a', { type: 'boolean' }).check(() => true))).toThrow(TypeError);
  });
});
