#!/usr/bin/env node
// Exit codes: 0 no secrets found, 1 secrets found, 2 error (nothing is ever reported clean on
// error), 128+N when stopped by signal N (130 for Ctrl-C).
//
// This file is written so that old Node.js releases still parse it (no static imports, no
// top-level await, no newer syntax): on them keyscan must say what it needs and exit 2, not crash
// with a stack trace and exit 1, which would read as "secrets found".
var MIN = [20, 11];
var found = process.versions.node.split('.').map(Number);
if (found[0] < MIN[0] || (found[0] === MIN[0] && found[1] < MIN[1])) {
  process.stderr.write(
    'keyscan needs Node.js ' +
      MIN.join('.') +
      ' or newer (found ' +
      process.versions.node +
      '). Install a current Node.js LTS and run it again.\n',
  );
  process.exit(2);
}
var loaded;
// A CommonJS script (bin/package.json): an ES module entry would start Node's ES module loader,
// ~3 ms of every pre-commit run.
Promise.resolve()
  .then(() => {
    // Scripts, not ES modules (see src/cli/start.ts): the regex guard, then the bundled CLI,
    // compiled with V8's code cache when there is one (src/cli/code-cache.ts). A history audit
    // runs this file again in a thread of its own (src/cli/history-thread.ts).
    var start = require('../dist/bundle/start.cjs');
    loaded = start.startCli(require('node:path').join(__dirname, '..', 'dist', 'bundle', 'cli.cjs'), process.argv.slice(2), __filename);
    loaded.cli.exitCleanlyOnSignals(process.stderr);
    loaded.cli.ignoreClosedStdout();
    return loaded.cli.run(process.argv.slice(2));
  })
  .then(
    (code) => {
      process.exitCode = code;
      try {
        loaded.save();
      } catch (_e) {
        // Only ever an optimisation: the run's result stands.
      }
    },
    (error) => {
      // Only start-up can land here (run() maps its own errors to exit codes): never exit 1.
      process.stderr.write(
        // biome-ignore lint/style/useTemplate: kept in the syntax old Node.js releases parse (see the top)
        // biome-ignore lint/complexity/useOptionalChain: the same
        'keyscan: could not start: ' + (error && error.message) + '\nReinstall keyscan-secrets, or run with a current Node.js LTS.\n',
      );
      process.exitCode = 2;
    },
  );
