/**
 * Env-file checks of `--staged`: an env file about to be committed (env-file-staged), and values
 * that a staged change adds to a template (env-template-value). Read from the index, like the
 * staged scan itself.
 */

import { ignoredPaths, stagedAddedLines, stagedChanges } from '../git/env-files.js';
import { readAtRevision } from '../git/history.js';
import { toScannableText } from '../sources/text.js';
import type { Finding } from '../types.js';
import { gitignoreLine, shellQuote } from './env-names.js';
import { checkFinding } from './finding.js';
import type { EnvChecks } from './options.js';
import { ENV_FILE_STAGED, ENV_TEMPLATE_VALUE } from './rules.js';
import { templateValueFindings } from './template.js';

export async function checkStaged(root: string, checks: EnvChecks, isExcluded: (path: string) => boolean): Promise<Finding[]> {
  const changes = (await stagedChanges(root)).filter((c) => !isExcluded(c.path));
  const envFiles = changes.filter((c) => checks.names.kind(c.path) === 'env');
  const templates = changes.filter((c) => checks.names.kind(c.path) === 'template');
  const findings: Finding[] = [];
  if (envFiles.length > 0 && checks.enabled(ENV_FILE_STAGED.id)) {
    const ignored = await ignoredPaths(
      root,
      envFiles.map((c) => c.path),
      true,
    );
    for (const c of envFiles) findings.push(stagedFinding(c.path, c.status === 'A', ignored.has(c.path)));
  }
  if (templates.length > 0 && checks.enabled(ENV_TEMPLATE_VALUE.id)) {
    const added = new Map<string, Array<[number, number]>>();
    for (const t of templates) added.set(t.path, await stagedAddedLines(root, t.path));
    // `:0:path` is the staged version of path (stage 0 of the index).
    await readAtRevision(
      root,
      ':0',
      templates.map((t) => t.path),
      (path, content) => {
        const text = content === undefined ? 'binary' : toScannableText(content);
        if (text === 'binary') return;
        findings.push(...templateValueFindings(path, text.toString('utf8'), checks.placeholders, added.get(path) ?? []));
      },
    );
  }
  return findings;
}

function stagedFinding(path: string, added: boolean, ignored: boolean): Finding {
  const unstage = `Unstage it, keeping the file: git rm --cached ${shellQuote(path)}`;
  const ignore = ignored
    ? 'it is already ignored by .gitignore, so it was added with git add --force'
    : `then ignore it: add the line ${gitignoreLine(path)} to the .gitignore at the repository root`;
  const message = added
    ? `${path} is an env file staged for commit: committing it puts every value in it into the repository. ${unstage}; ${ignore}`
    : `${path} is a tracked env file and a change to it is staged: its values are in history already and this commit adds more. Rotate its credentials. ${unstage}; ${ignore}`;
  return checkFinding({ rule: ENV_FILE_STAGED, path, message });
}
