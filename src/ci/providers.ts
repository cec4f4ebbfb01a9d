/**
 * The CI providers keyscan knows, in detection order. Adding one: a folder under src/ci/ with a
 * {@link CiProvider}, and a line here.
 */
import { KeyscanError } from '../errors.js';
import { githubProvider } from './github/provider.js';
import { gitlabProvider } from './gitlab/provider.js';
import { noProvider } from './none.js';
import type { CiEnv, CiProvider } from './provider.js';

export const CI_PROVIDERS: readonly CiProvider[] = [githubProvider, gitlabProvider];

/** The --provider choices: auto-detection, each provider, and none (a plain run, no CI output). */
export const PROVIDER_CHOICES: readonly string[] = ['auto', ...CI_PROVIDERS.map((p) => p.id), 'none'];

/** The provider `choice` names, or the one `env` is a job of (none when it is no known job). */
export function selectProvider(choice: string, env: CiEnv): CiProvider {
  if (choice === 'none') return noProvider(CI_PROVIDERS);
  if (choice === 'auto') return CI_PROVIDERS.find((p) => p.detect(env)) ?? noProvider(CI_PROVIDERS);
  const named = CI_PROVIDERS.find((p) => p.id === choice);
  if (named === undefined) {
    throw new KeyscanError('E_USAGE', `unknown CI provider "${choice}"`, { hint: `Use one of: ${PROVIDER_CHOICES.join(', ')}.` });
  }
  return named;
}
