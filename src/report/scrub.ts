import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../catalogue/compile.js';
import type { Catalogue } from '../engine/catalogue.js';
import { detect } from '../engine/detect.js';
import { redact } from '../engine/redact.js';
import { safeLines } from './escape.js';

let catalogue: Catalogue | undefined;

/**
 * Masks anything secret-looking in free text before it is printed: error messages (a JSON parse
 * error quotes the text it choked on), warnings, debug lines and crash reports all go through
 * here, so they are redacted by the same rules and the same masking as findings.
 */
export function scrub(text: string): string {
  catalogue ??= compileCatalogue(builtinRules);
  const data = Buffer.from(text, 'utf8');
  const matches = detect(catalogue, data);
  if (matches.length === 0) return text;
  const parts: Buffer[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start < at) continue;
    const rule = catalogue.rules[m.rule];
    parts.push(data.subarray(at, m.start), Buffer.from(redact(m.secret, rule?.keywords ?? [])));
    at = m.end;
  }
  parts.push(data.subarray(at));
  return Buffer.concat(parts).toString('utf8');
}

/**
 * What every message printed to a terminal or CI log goes through: secrets masked, control
 * characters escaped, and no line a CI runner would take for a workflow command.
 */
export function safeOutput(text: string): string {
  return safeLines(scrub(text));
}
