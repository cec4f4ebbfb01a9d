import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';
import { REPORT_FORMATS, REPORTERS } from '../../src/report/formats.js';
import { render } from '../../src/report/render.js';
import { emptySkipCounts, type ScanResult } from '../../src/types.js';
import { tempDir, writeFiles } from '../helpers/repo.js';
import { keyscanInProcess } from '../helpers/run-cli.js';

const empty: ScanResult = {
  findings: [],
  stats: {
    filesScanned: 0,
    bytesScanned: 0,
    skipped: emptySkipCounts(),
    suppressed: { inline: 0, allowlist: 0, baseline: 0 },
    durationMs: 0,
  },
  errors: [],
  warnings: [],
};

describe('the reporter registry', () => {
  it('is the one list of formats: the config schema, the shipped schema file and the CLI take exactly its names', async () => {
    const names = REPORTERS.map((r) => r.name);
    expect(REPORT_FORMATS).toEqual(names);
    expect(CONFIG_SCHEMA.properties.format.enum).toEqual(names);
    const shipped = JSON.parse(readFileSync(new URL('../../schema/keyscan.schema.json', import.meta.url), 'utf8')) as {
      properties: { format: { enum: string[] } };
    };
    expect(shipped.properties.format.enum).toEqual(names);
    const help = await keyscanInProcess(['--help'], { cwd: tempDir() });
    expect(help.stdout).toContain(`[choices: ${names.map((n) => `"${n}"`).join(', ')}]`);
  });

  it('has unique names, a description and an extension for each', () => {
    expect(new Set(REPORT_FORMATS).size).toBe(REPORT_FORMATS.length);
    for (const r of REPORTERS) {
      expect(r.name).toMatch(/^[a-z]+$/);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.extension).toMatch(/^\.[a-z]+$/);
    }
  });

  it.each(REPORT_FORMATS)('renders %s through render() and from the CLI and the config', async (format) => {
    const entry = REPORTERS.find((r) => r.name === format);
    expect(render(format, { result: empty, rules: [], reveal: false, version: '0.0.0', color: false })).toBe(
      entry?.render({ result: empty, rules: [], reveal: false, version: '0.0.0', color: false }),
    );
    expect(parseConfig({ format }, 'keyscan.json', []).format).toBe(format);
    const dir = tempDir();
    writeFiles(dir, { 'a.txt': 'nothing here\n', '.keyscan.json': JSON.stringify({ format }) });
    const byFlag = await keyscanInProcess(['-f', format, '.'], { cwd: dir });
    expect(byFlag.code).toBe(0);
    const byConfig = await keyscanInProcess(['.'], { cwd: dir });
    expect(byConfig.code).toBe(0);
    // The same report but for timings.
    const shape = (s: string): string => s.replace(/\d+(\.\d+)?/g, 'N');
    expect(shape(byConfig.stdout)).toBe(shape(byFlag.stdout));
    expect(byFlag.stdout.length).toBeGreaterThan(0);
  });

  it('refuses a format it does not know, in the config and on the command line', async () => {
    expect(() => parseConfig({ format: 'yaml' }, 'keyscan.json', [])).toThrow(/format/);
    const r = await keyscanInProcess(['-f', 'yaml', '.'], { cwd: tempDir() });
    expect(r.code).toBe(2);
  });
});
