/** `keyscan config`: validates the config file; `--print` shows the effective config as JSON. */
import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { builtinRules } from '../../rules/index.js';
import { CONFIG_FILE_NAMES } from '../config/config.js';
import { effectiveRules, loadConfig } from '../config/load.js';
import { printableConfig } from '../config/print.js';
import { workTreeRoot } from '../git/repo.js';
import { plural } from '../report/text.js';
import { type CliIO, EXIT } from './io.js';
import { withCwd } from './source-options.js';

export interface ConfigArgs {
  print: boolean;
  config: string | undefined;
  cwd: string | undefined;
}

/** Where editors and `$schema` find the schema once keyscan is installed as a dependency. */
export const SCHEMA_REF = './node_modules/keyscan-secrets/schema/keyscan.schema.json';

export function configOptions<T>(y: Argv<T>) {
  return y
    .option('print', { type: 'boolean', default: false, describe: 'print the effective config (defaults filled in) as JSON' })
    .option('config', { alias: 'c', type: 'string', describe: 'config file (default: the one at the repository root)' })
    .option('cwd', { alias: 'C', type: 'string', describe: 'run as if started in DIR (like git -C)' });
}

export async function configCommand(args: ConfigArgs, outer: CliIO): Promise<number> {
  const io = await withCwd(args, outer);
  const root = (await workTreeRoot(io.cwd)) ?? io.cwd;
  const config = await loadConfig(root, args.config === undefined ? undefined : resolve(io.cwd, args.config), builtinRules);
  const where = config.file === undefined ? undefined : relative(io.cwd, config.file) || config.file;
  if (args.print) {
    io.stdout.write(`${JSON.stringify(printableConfig(config, SCHEMA_REF), null, 2)}\n`);
    io.stderr.write(
      where === undefined ? `keyscan: no config file in ${root}; these are the defaults\n` : `keyscan: effective config from ${where}\n`,
    );
    return EXIT.clean;
  }
  if (where === undefined) {
    io.stdout.write(`No config file (looked for ${CONFIG_FILE_NAMES.join(', ')} in ${root}): the defaults apply.\n`);
    return EXIT.clean;
  }
  const running = effectiveRules(builtinRules, config).length;
  const total = builtinRules.length + config.rules.length;
  io.stdout.write(
    `${where} is valid: ${plural(running, 'rule')} of ${total} run (${plural(config.rules.length, 'custom rule')}), ` +
      `${plural(Object.keys(config.ruleOverrides).length, 'rule override')}, ${plural(config.exclude.length, 'exclude')}` +
      `${config.baseline !== undefined ? `, baseline ${relative(io.cwd, config.baseline)}` : ''}.\n`,
  );
  return EXIT.clean;
}
