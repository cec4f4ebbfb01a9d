/**
 * What bin/keyscan.js loads: the CLI bundled into one file (scripts/bundle.mjs), because loading
 * ~100 separate ES modules costs a pre-commit hook more than the scan itself (measured: a 10-file
 * staged scan took 170 ms unbundled, 130 ms bundled, with Node's own start at ~50 ms). The bundle
 * also ships the built-in catalogue's keyword automaton precompiled, with the tables that map its
 * keywords to rules.
 */
import { readFileSync } from 'node:fs';
import { builtinRules } from '../../rules/index.js';
import { offerKeywordTables, parseKeywordTables } from '../catalogue/keyword-tables.js';
import { offerPathLiterals, PATH_LITERALS_TAG } from '../catalogue/path-literals.js';
import { offerPrecompiledKeywords } from '../engine/keywords.js';

export { run } from './main.js';
export { exitCleanlyOnSignals, ignoreClosedStdout } from './signals.js';

try {
  offerPrecompiledKeywords(readFileSync(new URL('./keywords.bin', import.meta.url)));
} catch {
  // Not there (an unbundled build) or unreadable: the automaton is compiled at start instead.
}

try {
  const data = readFileSync(new URL('./path-literals.bin', import.meta.url), 'latin1');
  if (data.startsWith(PATH_LITERALS_TAG)) {
    // latin1 round-trips the UTF-8 bytes; the literals are ASCII (see requiredLiterals).
    offerPathLiterals(new Map(JSON.parse(data.slice(PATH_LITERALS_TAG.length)) as Array<[string, string[] | null]>));
  }
} catch {
  // Not there or unreadable: each condition's literals are read from its pattern on first use.
}

// Read (60 kB) when a scan first compiles the built-in catalogue, not by every command.
offerKeywordTables(builtinRules, () => {
  try {
    return parseKeywordTables(readFileSync(new URL('./keyword-tables.bin', import.meta.url), 'utf8'));
  } catch {
    return undefined; // Not there or unreadable: the tables are computed from the rules.
  }
});
