// The start-up alone of a pre-commit run: loads the CLI as bin/keyscan.js does for the hook's own
// command line (start.cjs, its early git processes, then the bundle with its code cache and the
// catalogue's data) and runs nothing. bench/table.mjs times it beside `node -e 0` and
// `keyscan --staged`: what a staged scan costs past this is the scan itself. Needs `npm run build`
// and a run of `keyscan --staged` before (the hook's code cache); this never writes that cache.
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'bundle');
require(join(bundle, 'start.cjs')).startCli(join(bundle, 'cli.cjs'), ['--staged']);
