/**
 * `keyscan init`: a husky pre-commit hook that runs `keyscan --staged`, in the user's repository.
 *
 * It edits files and installs nothing: package.json gets husky and keyscan as devDependencies and
 * husky in `prepare`; `.husky/pre-commit` gets the keyscan line. The user's next `npm install`
 * (their package manager, their lockfile, their registry) installs both and activates the hook.
 * When husky is already installed, init runs it right away, offline. Running init twice changes
 * nothing the second time.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { KeyscanError, systemErrorCode } from '../errors.js';
import { gitConfigGet } from '../git/config.js';
import { workTreeRoot } from '../git/repo.js';
import { addHookLine, HOOK_COMMAND, type HookKind, PRE_COMMIT, PRE_PUSH } from '../setup/hook.js';
import { declared, editPackageJson } from '../setup/package-json.js';
import { installCommand, installedHuskyBin, keyscanInstalled, onPath, packageManager, runHusky } from '../setup/project.js';
import { PACKAGE_NAME, VERSION } from '../version.js';
import { type CliIO, EXIT } from './io.js';

/** The flags of `keyscan init` (declared in init.ts). */
export interface InitArgs {
  'dry-run': boolean;
  'pre-push': boolean;
  cwd: string | undefined;
}

/** The husky this setup is written and tested for. */
export const HUSKY_RANGE = '^9.1.7';

export async function runInitCommand(args: InitArgs, io: CliIO): Promise<number> {
  const cwd = resolve(io.cwd, args.cwd ?? '.');
  const root = await workTreeRoot(cwd);
  if (root === undefined) {
    throw new KeyscanError('E_INIT', `${cwd} is not inside a git work tree`, {
      hint: 'Run keyscan init in your repository (git init creates one).',
    });
  }
  const pkgFile = join(root, 'package.json');
  const pkgText = await readOptional(pkgFile);
  if (pkgText === undefined) throw noPackageJson(root, cwd, await readOptional(join(cwd, 'package.json')));

  const pkg = editPackageJson(pkgText, { huskyRange: HUSKY_RANGE, keyscanRange: `^${VERSION}` }, pkgFile);
  const husky = declared(JSON.parse(pkg.text) as Record<string, unknown>, 'husky') ?? '';
  const kinds: readonly HookKind[] = args['pre-push'] ? [PRE_COMMIT, PRE_PUSH] : [PRE_COMMIT];
  const hooks = await Promise.all(
    kinds.map(async (kind) => {
      const file = join(root, '.husky', kind.file);
      const before = await readOptional(file);
      return { kind, file, before, edit: addHookLine(before, { huskyV8: /^[~^]?[0-8]\./.test(husky), kind }) };
    }),
  );
  const say = (line: string): void => {
    io.stdout.write(`${line}\n`);
  };

  say(`keyscan init${args['dry-run'] ? ' (dry run: nothing is written)' : ''} in ${root}`);
  say(`  package.json       ${pkg.changes.length > 0 ? pkg.changes.join('; ') : 'unchanged'}`);
  for (const { kind, before, edit } of hooks) {
    const state = !edit.changed
      ? `unchanged (already runs ${kind.command})`
      : before === undefined
        ? `created: runs ${kind.command}`
        : `added ${kind.command} (existing lines kept)`;
    say(`  ${`.husky/${kind.file}`.padEnd(18)} ${state}`);
  }
  for (const w of pkg.warnings) say(`  note: ${w}`);
  const hooksPath = await gitConfigGet(root, 'core.hooksPath');
  if (hooksPath !== undefined && !isHuskyPath(hooksPath)) {
    say(
      `  note: core.hooksPath is "${hooksPath}": another hook manager runs this repository's hooks; husky will take over on the next install.`,
    );
  }
  if (args['dry-run']) return EXIT.clean;

  if (pkg.changes.length > 0) await writeFile(pkgFile, pkg.text);
  for (const h of hooks) if (h.edit.changed) await writeHook(h.file, h.edit.text, h.before === undefined);
  return activate(root, io, say, kinds);
}

/** Runs the installed husky now if there is one; otherwise says which install command finishes the job. */
async function activate(root: string, io: CliIO, say: (line: string) => void, kinds: readonly HookKind[]): Promise<number> {
  const files = kinds.map((k) => `.husky/${k.file}`).join(' and ');
  const bin = installedHuskyBin(root);
  if (bin !== undefined && !isHuskyPath((await gitConfigGet(root, 'core.hooksPath')) ?? '')) {
    const r = await runHusky(root, bin);
    if (r.output !== '') say(`  husky: ${r.output.split('\n').join('\n  husky: ')}`);
  }
  const active = isHuskyPath((await gitConfigGet(root, 'core.hooksPath')) ?? '') && keyscanInstalled(root);
  if (active) {
    say(`The hook is active: every git commit runs ${HOOK_COMMAND}. Commit package.json and ${files} to share it.`);
    if (kinds.includes(PRE_PUSH)) say(`Every git push runs ${PRE_PUSH.command}: the commits it would add are scanned first.`);
  } else {
    const pm = packageManager(root);
    const install = installCommand(pm);
    const how = onPath(pm, io.env) ? `run \`${install}\`` : `install Node.js with ${pm}, then run \`${install}\``;
    say(`Next: ${how}. It installs husky and ${PACKAGE_NAME}, and its prepare script (husky) activates the hook.`);
    say(`Then commit package.json and ${files}: everyone who installs the project gets the hook${kinds.length > 1 ? 's' : ''}.`);
  }
  say('A commit that adds a secret is refused with what to do; git commit --no-verify skips the check.');
  if (kinds.includes(PRE_PUSH)) say('A push of commits that add a secret is refused the same way; git push --no-verify skips it.');
  return EXIT.clean;
}

/** husky v9 points git at `.husky/_`; v8 at `.husky`. */
function isHuskyPath(path: string): boolean {
  return /^\.husky\/?(_\/?)?$/.test(path);
}

async function writeHook(file: string, text: string, created: boolean): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Executable: husky 9 does not need it, but husky 8 and a plain core.hooksPath do.
  const mode = created ? 0o755 : (await stat(file)).mode & 0o777;
  await writeFile(file, text, { mode });
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if (systemErrorCode(e) === 'ENOENT') return undefined;
    throw new KeyscanError('E_INIT', `cannot read ${file}: ${systemErrorCode(e) ?? String(e)}`, { cause: e });
  }
}

/** No package.json at the root: say the one command that gets there, or the alternative. */
function noPackageJson(root: string, cwd: string, here: string | undefined): KeyscanError {
  if (here !== undefined && cwd !== root) {
    return new KeyscanError('E_INIT', `package.json is in ${relative(root, cwd)}/, not at the repository root ${root}`, {
      hint: `git runs hooks from the root, where husky must be installed: cd ${root} && npm init -y && npx -p ${PACKAGE_NAME} keyscan init. Or use the pre-commit framework (see the keyscan README).`,
    });
  }
  return new KeyscanError('E_INIT', `there is no package.json in ${root}: husky is installed as an npm devDependency`, {
    hint: `In this repository run: npm init -y && npx -p ${PACKAGE_NAME} keyscan init. Without Node tooling, use the pre-commit framework instead (see the keyscan README).`,
  });
}
