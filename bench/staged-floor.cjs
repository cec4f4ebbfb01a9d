// The floor under any Node.js pre-commit scanner that reads staged changes through git: Node's
// start, then the two git processes keyscan's staged scan runs (`diff --cached` with names,
// statuses and patches; `cat-file --batch` for the staged blobs), their output read, nothing
// scanned. bench/table.mjs times it beside `node -e 0` and `keyscan --staged`. A CommonJS script,
// as bin/keyscan.js is; run at the root of a work tree with staged changes.
const { spawn } = require('node:child_process');

const diff = spawn(
  'git',
  ['--no-pager', '-c', 'core.fsmonitor=false', 'diff', '--cached', '--raw', '-z', '-p', '-U0', '-M', '--diff-filter=ACMRTU'],
  {
    stdio: ['ignore', 'pipe', 'ignore'],
  },
);
const cat = spawn('git', ['cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
const chunks = [];
diff.stdout.on('data', (c) => chunks.push(c));
diff.on('close', (code) => {
  if (code !== 0) process.exit(2);
  // `--raw -z`: ":old-mode new-mode old-id new-id status\0path\0…"; the staged blob is the new id.
  const ids = [
    ...Buffer.concat(chunks)
      .toString('latin1')
      .matchAll(/:\d{6} \d{6} [0-9a-f]{40,64} ([0-9a-f]{40,64}) /g),
  ].map((m) => m[1]);
  let read = 0;
  cat.stdout.on('data', (c) => {
    read += c.length;
  });
  cat.on('close', () => process.exit(read > 0 || ids.length === 0 ? 0 : 2));
  cat.stdin.end(ids.length === 0 ? '' : `${ids.join('\n')}\n`);
});
