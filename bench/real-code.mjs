#!/usr/bin/env node
// node bench/real-code.mjs [--work DIR] [--bin PATH] [--json FILE] [--examples] [MIRROR.git …]
//
// Precision on real published code: findings per MiB of text scanned, per rule, with each
// finding's path, line and rule (never the secret). The data is installed and extracted at run
// time into a work directory outside the repository (reused when it is complete):
//   - npm packages installed with all their dependencies (`npm install --ignore-scripts`, pinned),
//   - the HEAD trees of bare git mirrors given as arguments (`git archive HEAD`), e.g. the ones
//     the session's `fetch` tool brings under /work/.mirror/OWNER+NAME/repo.
// Nothing here is expected to hold a live credential: every finding is classified by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BIN } from './lib.mjs';

// Well-known packages with large dependency trees and much documentation of credentials (SDKs of
// cloud providers and API vendors, bundlers and their source maps, minified browser builds).
const PACKAGES = [
  'aws-sdk@2.1693.0',
  '@aws-sdk/client-s3@3.1175.0',
  '@aws-sdk/client-secrets-manager@3.1164.0',
  'firebase@13.2.0',
  'firebase-admin@13.10.0',
  '@azure/storage-blob@12.32.0',
  '@azure/identity@4.13.1',
  '@azure/cosmos@4.9.3',
  '@azure/keyvault-secrets@4.11.2',
  'googleapis@178.0.0',
  'typescript@7.0.2',
  'next@16.4.6',
  'webpack@5.113.0',
  'lodash@4.18.1',
  'moment@2.31.0',
  'three@0.187.0',
  'pdfjs-dist@5.6.205',
  'stripe@23.1.0',
  'twilio@6.3.1',
  '@sendgrid/mail@8.1.6',
  '@slack/web-api@8.2.0',
  'openai@6.49.0',
  '@octokit/rest@22.0.1',
  'ioredis@6.0.0',
  'redis@6.3.1',
  'pg@8.23.1',
  'mysql2@3.24.6',
  'mongodb@7.9.1',
  'jsonwebtoken@9.0.3',
  'passport@0.7.0',
  '@babel/core@7.29.16',
  'eslint@10.15.0',
  'rxjs@7.8.2',
  '@angular/core@21.2.26',
  'react-dom@19.3.1',
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    work: { type: 'string', default: join(tmpdir(), 'keyscan-real-code') },
    bin: { type: 'string', default: BIN },
    json: { type: 'string' },
    'list-packages': { type: 'boolean', default: false },
    // Also list documented example credentials (keyscan --include-examples); counted apart.
    examples: { type: 'boolean', default: false },
  },
});
if (values['list-packages']) {
  console.log(PACKAGES.join('\n'));
  process.exit(0);
}

const work = values.work;
const npmDir = join(work, 'npm');
mkdirSync(npmDir, { recursive: true });
const npmMarker = join(npmDir, '.complete');
const wanted = PACKAGES.join(' ');
if (!existsSync(npmMarker) || readFileSync(npmMarker, 'utf8') !== wanted) {
  rmSync(join(npmDir, 'node_modules'), { recursive: true, force: true });
  writeFileSync(join(npmDir, 'package.json'), JSON.stringify({ name: 'keyscan-real-code', private: true }));
  console.error(`installing ${PACKAGES.length} packages with their dependencies into ${npmDir} …`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--loglevel=error', ...PACKAGES], {
    cwd: npmDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(npmMarker, wanted);
}

// Each mirror's HEAD tree, extracted once per commit.
const repos = [];
for (const gitDir of positionals) {
  const commit = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const name = basename(gitDir) === 'repo' ? basename(dirname(gitDir)) : basename(gitDir, '.git');
  const dest = join(work, 'repos', name);
  const marker = join(work, 'repos', `${name}.complete`);
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== commit) {
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    console.error(`extracting ${name} @ ${commit.slice(0, 12)} …`);
    // git archive writes the tree as stored: no filters, no hooks, no checkout of the repository.
    const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', commit], { maxBuffer: 4 * 1024 ** 3 });
    if (archive.status !== 0) throw new Error(`git archive failed for ${gitDir}: ${archive.stderr}`);
    const tar = spawnSync('tar', ['-x', '-C', dest], { input: archive.stdout, maxBuffer: 64 * 1024 ** 2 });
    if (tar.status !== 0) throw new Error(`tar failed for ${name}: ${tar.stderr}`);
    writeFileSync(marker, commit);
  }
  repos.push({ name, commit, dir: dest });
}

const config = join(work, 'empty-config.json');
writeFileSync(config, '{}');
const report = join(work, `report-${process.pid}.json`);
const targets = [{ name: 'npm', dir: join(npmDir, 'node_modules') }, ...repos];
let bytes = 0;
let files = 0;
const findings = [];
const skipped = {};
for (const target of targets) {
  // Run from inside the tree so that paths in the report are relative to it.
  const run = spawnSync(
    process.execPath,
    [resolve(values.bin), '.', '-c', config, '-f', 'json', '-o', report, ...(values.examples ? ['--include-examples'] : [])],
    {
      cwd: target.dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`keyscan exited ${run.status} on ${target.dir}`);
  const result = JSON.parse(readFileSync(report, 'utf8'));
  bytes += result.stats.bytesScanned;
  files += result.stats.filesScanned;
  for (const [k, v] of Object.entries(result.stats.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  for (const f of result.findings)
    findings.push({ target: target.name, path: f.path, line: f.startLine, column: f.startColumn, rule: f.ruleId, kind: f.kind });
}
rmSync(report, { force: true });

const mib = bytes / 2 ** 20;
const counted = findings.filter((f) => f.kind !== 'example');
const perRule = {};
for (const f of counted) perRule[f.rule] = (perRule[f.rule] ?? 0) + 1;
console.log(`real-code precision · ${files} files · ${mib.toFixed(1)} MiB of text scanned · skipped ${JSON.stringify(skipped)}`);
console.log(`packages: ${PACKAGES.length} (with dependencies)`);
for (const r of repos) console.log(`repository: ${r.name} @ ${r.commit}`);
console.log(`findings: ${counted.length} (${(counted.length / mib).toFixed(4)} per MiB)`);
if (values.examples) console.log(`documented examples (not findings): ${findings.length - counted.length}`);
for (const [rule, n] of Object.entries(perRule).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${rule}`);
for (const f of counted) console.log(`  ${f.rule}\t${f.target}:${f.path}:${f.line}`);
if (values.json !== undefined) {
  writeFileSync(values.json, JSON.stringify({ files, bytes, mib, skipped, packages: PACKAGES, repos, findings }, null, 2));
}
