import { KeyscanError } from '../errors.js';
import { DEFAULT_ENV_TEMPLATES, EnvNames } from './env-names.js';
import { compilePlaceholders, DEFAULT_ENV_PLACEHOLDERS, type PlaceholderPattern } from './env-values.js';
import { ENV_DRIFT } from './rules.js';

/** How the env-file checks run. Every list replaces its default; spread the default to extend it. */
export interface EnvCheckOptions {
  /** Basenames of env templates (compared case-insensitively). Default {@link DEFAULT_ENV_TEMPLATES}. */
  readonly templates?: readonly string[];
  /** What templates may hold instead of a value. Default {@link DEFAULT_ENV_PLACEHOLDERS}. */
  readonly placeholders?: readonly PlaceholderPattern[];
  /** Report variables that a template and the env file next to it do not share (informational). Default off. */
  readonly drift?: boolean;
  /** Check rule ids not to run (a config's `disable`; ids of other rules are ignored). */
  readonly disable?: readonly string[];
}

/** The options in the form the checks use them. */
export interface EnvChecks {
  readonly names: EnvNames;
  readonly placeholders: readonly RegExp[];
  /** Whether the rule with this id runs. */
  readonly enabled: (ruleId: string) => boolean;
}

export function resolveEnvChecks(options: EnvCheckOptions = {}): EnvChecks {
  const disabled = new Set(options.disable ?? []);
  if (!options.drift) disabled.add(ENV_DRIFT.id);
  let placeholders: RegExp[];
  try {
    placeholders = compilePlaceholders(options.placeholders ?? DEFAULT_ENV_PLACEHOLDERS);
  } catch (e) {
    throw new KeyscanError('E_USAGE', `invalid env placeholder pattern: ${(e as Error).message}`, {
      hint: 'Placeholder patterns are JavaScript regular expressions, matched case-insensitively against the whole value.',
      cause: e,
    });
  }
  return {
    names: new EnvNames(options.templates ?? DEFAULT_ENV_TEMPLATES),
    placeholders,
    enabled: (id) => !disabled.has(id),
  };
}
