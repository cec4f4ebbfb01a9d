import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type * as yamlModule from 'yaml';
import { KeyscanError } from '../errors.js';

/**
 * Parses a config file's text: YAML for `.yaml`/`.yml`, JSON otherwise. The YAML parser is
 * loaded only when a YAML file is read (it costs ~20 ms to import, which a pre-commit hook with a
 * JSON config or none should not pay). Syntax errors give a line and column but never quote the
 * file: the line could hold a secret.
 */
export async function parseConfigText(text: string, file: string): Promise<unknown> {
  const ext = extname(file).toLowerCase();
  return ext === '.yaml' || ext === '.yml' ? parseYaml(text, file) : parseJson(text, file);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new KeyscanError('E_CONFIG', `${file}: not valid JSON (${jsonReason(e, text)})`, {
      hint: 'Fix the syntax; your editor or a JSON validator will point at the spot.',
    });
  }
}

/** V8 quotes the input around the error (`…"{"token": ab"… is not valid JSON`): keep only the reason and position. */
export function jsonReason(e: unknown, text: string): string {
  const message = e instanceof Error ? e.message : String(e);
  let reason = message
    .replace(/,? (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/^"[\s\S]*" is not valid JSON$/, 'not JSON');
  const position = /at position (\d+)/.exec(reason);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    reason = reason.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '');
    reason = `${reason} at line ${line}, column ${column}`;
  }
  return reason;
}

async function parseYaml(text: string, file: string): Promise<unknown> {
  // required, not import()ed: the bundled CLI is a script compiled with V8's code cache, and
  // Node 20 gives import() no loader there (see src/cli/code-cache.ts).
  const { parseDocument } = createRequire(import.meta.url)('yaml') as typeof yamlModule;
  // YAML 1.2 core schema: `on`/`yes` stay strings, duplicate keys are errors, and aliases are
  // capped so a "billion laughs" file cannot exhaust memory.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const where = error.linePos?.[0];
    const what = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new KeyscanError('E_CONFIG', `${file}: not valid YAML (${where ? `line ${where.line}, column ${where.col}: ` : ''}${what})`, {
      hint: 'Fix the syntax; a YAML linter or your editor will point at the spot.',
    });
  }
  try {
    // An empty file (or one with only comments) is an empty config.
    return doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new KeyscanError('E_CONFIG', `${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`, {
      hint: 'Avoid deeply nested aliases; write the values out.',
    });
  }
}
