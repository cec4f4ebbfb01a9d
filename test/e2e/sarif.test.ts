import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { expandExample, seededRandom } from '../../src/catalogue/examples.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { keyscan } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/repo.js';

interface SarifLog {
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        rules: Array<{ id: string; properties: Record<string, unknown>; help: { markdown: string } }>;
      };
    };
    results: Array<{ ruleId: string; ruleIndex: number; message: { text: string }; partialFingerprints: Record<string, string> }>;
  }>;
}

/** npm here does not run the package's postinstall (chmod), so set the run bit ourselves. */
function multitool(): string {
  const require = createRequire(import.meta.url);
  const path = require('@microsoft/sarif-multitool') as string;
  chmodSync(path, 0o755);
  return path;
}

/** Runs Microsoft's validator and returns every result it reports at error or warning level. */
/**
 * A validator policy with SARIF2006 off: it fetches every URI in the log over HTTP (a note-level
 * rule), which on a machine without internet waits out a timeout per URI (51 s for 300 rules).
 */
const POLICY = `<?xml version="1.0" encoding="utf-8" ?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

function validate(file: string, ruleKind?: string): Array<{ ruleId: string; message: unknown }> {
  const dir = tempDir();
  const out = join(dir, 'validation.sarif');
  const policy = join(dir, 'policy.xml');
  writeFileSync(policy, POLICY);
  const args = ['validate', file, '--config', policy, '--level', 'Error;Warning', '-o', out, '--log', 'ForceOverwrite'];
  if (ruleKind) args.push('--rule-kind', ruleKind);
  execFileSync(multitool(), args, { stdio: 'pipe', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; message: unknown }> }> };
  return log.runs.flatMap((r) => r.results ?? []);
}

describe('SARIF report', () => {
  let file: string;
  let log: SarifLog;
  const planted: string[] = [];

  beforeAll(async () => {
    // One file per rule, each holding that rule's first positive example: every rule fires.
    const files: Record<string, string> = {};
    for (const rule of builtinRules) {
      const text = expandExample(rule.examples.positive[0] ?? '', seededRandom(`sarif-${rule.id}`));
      if (rule.path === undefined) {
        planted.push(text);
        files[`planted/${rule.id} file.txt`] = `${text}\n`;
        continue;
      }
      // A rule with a path condition fires in its own kind of file; its example is a whole file,
      // so what must not leak is the secret in it (not a word such as "password", which the
      // rules' own help text holds).
      const path = `planted/${rule.id}/${rule.examples.path}`;
      files[path] = `${text}\n`;
      for (const f of scanFragment(compileCatalogue([rule]), Buffer.from(text), { path, source: 'file' })) {
        if (f.secretText.length >= 8 && !/^[a-z]+$/.test(f.secretText)) planted.push(f.secretText);
      }
    }
    // Env-file checks: an env file git does not ignore, and a template with a random value.
    const templateValue = expandExample('{{alnum:40}}', seededRandom('sarif-env'));
    planted.push(templateValue);
    files['env/.env.local'] = 'DEBUG=true\n';
    files['env/.env.example'] = `SIGNING_SEED=${templateValue}\n`;
    const dir = makeRepo(files);
    file = join(tempDir(), 'report.sarif');
    const r = await keyscan(['-f', 'sarif', '-o', file], { cwd: dir });
    expect(r.code).toBe(1);
    log = JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
  });

  it('passes the SARIF Multitool with its default rules', () => {
    expect(validate(file)).toEqual([]);
  });

  it("passes the SARIF Multitool with GitHub's ingestion rules", () => {
    expect(validate(file, 'Gh')).toEqual([]);
  });

  it('describes each rule that fired exactly once, with security-severity and help', () => {
    const run = log.runs[0];
    const ids = run?.tool.driver.rules.map((r) => r.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(run?.results.map((r) => r.ruleId))).toEqual(new Set(ids));
    expect(ids).toContain('env-file-not-ignored');
    expect(ids).toContain('env-template-value');
    for (const rule of run?.tool.driver.rules ?? []) {
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      expect(rule.help.markdown).toContain(rule.id.startsWith('env-') ? 'What to do' : 'Revoke it');
    }
    for (const result of run?.results ?? []) {
      expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.partialFingerprints['keyscan/v2']).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('encodes paths as relative URIs', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"uri": "planted/github-pat%20file.txt"');
  });

  it('contains no planted secret', () => {
    const text = readFileSync(file, 'utf8');
    for (const secret of planted) {
      const body = secret.slice(Math.floor(secret.length / 2), Math.floor(secret.length / 2) + 12);
      expect(text).not.toContain(body);
    }
  });
});
