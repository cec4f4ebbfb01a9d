/**
 * No CI provider: `keyscan ci --mode history|files` on a laptop or an unknown CI. The report goes
 * to the log as text; there is no event to plan from, so `--mode auto` is an error.
 */
import { KeyscanError } from '../errors.js';
import { render } from '../report/render.js';
import type { CiJob, CiProvider } from './provider.js';

export function noProvider(known: readonly CiProvider[]): CiProvider {
  return {
    id: 'none',
    name: 'no CI',
    detectVariable: '',
    detect: () => false,
    open: async () => noJob(known),
  };
}

function noJob(known: readonly CiProvider[]): CiJob {
  return {
    trigger: undefined,
    requestNoun: 'pull request',
    fetchHint: 'Fetch the whole history first (git fetch --unshallow), or keep a remote "origin" keyscan can fetch from.',
    defaultSarif: 'keyscan.sarif',
    reportInRepoHint: 'Write it elsewhere (--sarif-output) or add it to .gitignore.',
    reportDir: undefined,
    plan(mode) {
      if (mode !== 'auto') {
        return mode === 'files' ? { kind: 'files', label: 'the checked-out files' } : { kind: 'history', label: 'the full history' };
      }
      const missing = known.map((p) => `${p.detectVariable} is not set (${p.name})`).join(', ');
      throw new KeyscanError('E_CI', `this does not look like a CI job: ${missing}`, {
        hint: 'Outside CI use keyscan --range BASE..HEAD or --history, or keyscan ci --mode history|files (or --provider to name the CI).',
      });
    },
    async publish(p, out) {
      out.stdout.write(render('text', { result: p.result, rules: p.rules, reveal: false, version: p.version, color: false }));
    },
    async publishFailure() {
      // The CLI prints the error; there is no CI page to put it on.
    },
  };
}
