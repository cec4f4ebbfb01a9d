import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileCatalogue } from '../../src/catalogue/compile.js';
import { scanFragment } from '../../src/engine/scan-fragment.js';
import { cpuMs } from '../helpers/cpu-time.js';
import { tokens } from '../helpers/tokens.js';

const catalogue = compileCatalogue(builtinRules);
const scan = (text: string) => scanFragment(catalogue, Buffer.from(text), { path: 'f', source: 'file' });
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** 1-based column of `needle` in `text` (single-line texts). */
const columnOf = (line: string, needle: string): number => line.indexOf(needle) + 1;

describe('secrets inside base64', () => {
  it('finds a token in a base64 .dockerconfigjson (auth nested in base64 JSON), at the encoded text', () => {
    const pat = tokens.githubPat();
    const config = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`ci-bot:${pat}`) } } });
    const encoded = b64(config);
    const line = `  .dockerconfigjson: ${encoded}`;
    const manifest = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n${line}\n`;
    const found = scan(manifest).filter((f) => f.ruleId === 'github-pat');
    expect(found).toHaveLength(1);
    expect(found[0]?.secretText).toBe(pat);
    expect(found[0]?.startLine).toBe(5);
    expect(found[0]?.startColumn).toBe(columnOf(line, encoded));
    expect(found[0]?.endColumn).toBe(columnOf(line, encoded) + encoded.length);
    expect(found[0]?.message).toContain('base64-encoded');
    expect(found[0]?.redacted).toBe('ghp_****');
  });

  it("finds a provider key in a Kubernetes Secret's data, and reports it once", () => {
    const key = tokens.stripeLive();
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments\ndata:\n  STRIPE_KEY: ${b64(key)}\n  region: ${b64('eu-west-1')}\n`;
    const found = scan(manifest);
    expect(found.map((f) => f.ruleId)).toEqual(['stripe-secret-key']);
    expect(found[0]?.secretText).toBe(key);
    expect(found[0]?.startLine).toBe(6);
  });

  it('finds a token in JSON Secret manifests and in docker config.json auth', () => {
    const npm = tokens.npm();
    const json = JSON.stringify({ kind: 'Secret', data: { NPM_TOKEN: b64(npm) } });
    expect(scan(json).map((f) => f.ruleId)).toContain('npm-access-token');
    const docker = `{"auths": {"registry.npmjs.org": {"auth": "${b64(`u:${npm}`)}"}}}`;
    expect(scan(docker).map((f) => f.ruleId)).toContain('npm-access-token');
  });

  it('finds a private key in a kubeconfig client-key-data and a token behind Basic auth', () => {
    const pem = tokens.privateKey();
    const kubeconfig = `users:\n- name: admin\n  user:\n    client-key-data: ${b64(pem)}\n`;
    expect(scan(kubeconfig).map((f) => f.ruleId)).toContain('private-key');
    const header = `curl -H "Authorization: Basic ${b64(`x-access-token:${tokens.githubPat()}`)}" https://api.github.com`;
    expect(scan(header).map((f) => f.ruleId)).toContain('github-pat');
  });

  it('does not decode base64 that no carrier introduces, nor report harmless decoded values', () => {
    const pat = tokens.githubPat();
    expect(scan(`const blob = "${b64(pat)}";\n`).map((f) => f.ruleId)).not.toContain('github-pat');
    const manifest = `kind: Secret\ndata:\n  region: ${b64('eu-west-1-large')}\n  tier: ${b64('standard-plan')}\n`;
    expect(scan(manifest)).toEqual([]);
  });

  it('stays linear on many carriers in one file', () => {
    const piece = `{"auth": "${b64(`user:${'p'.repeat(24)}`)}"}\nkind: Secret\n  key: ${b64('x'.repeat(30))}\n`;
    const text = piece.repeat(Math.ceil(1_000_000 / piece.length));
    expect(cpuMs(() => scan(text)).ms).toBeLessThan(5_000);
  });
});

describe('tokens inside larger encoded runs', () => {
  const blob = (around: string): string => {
    const b64 = Buffer.from(Array.from({ length: 300 }, (_v, i) => (i * 37 + 11) % 256)).toString('base64');
    return `${b64.slice(0, 200)}${around}${b64.slice(200)}`;
  };

  it('are not findings: an AKIA-shaped stretch of a base64 wasm blob is chance', () => {
    const key = tokens.awsKeyId();
    expect(scan(`const wasm = "data:application/wasm;base64,${blob(key)}";\n`).map((f) => f.ruleId)).toEqual([]);
    expect(scan(`const table = "${'0123456789abcdef'.repeat(12)}${key}${'fedcba9876543210'.repeat(4)}";\n`)).toEqual([]);
  });

  it('still are when the token stands alone, or is itself base64 in a known carrier', () => {
    const key = tokens.awsKeyId();
    expect(scan(`aws_access_key_id = ${key}\n`).map((f) => f.ruleId)).toEqual(['aws-access-key-id']);
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  AWS_ACCESS_KEY_ID: ${b64(key)}\n`;
    expect(scan(manifest).map((f) => f.ruleId)).toEqual(['aws-access-key-id']);
  });
});
