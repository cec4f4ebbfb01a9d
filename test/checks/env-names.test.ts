import { describe, expect, it } from 'vitest';
import { EnvNames, gitignoreLine, isEnvFileName, shellQuote } from '../../src/checks/env-names.js';

describe('env file names', () => {
  it.each(['.env', '.env.local', '.env.production', '.ENV.Staging', 'prod.env', 'docker.env', '.env.sh', '.env.json'])(
    '%s is an env file',
    (name) => {
      expect(isEnvFileName(name)).toBe(true);
    },
  );

  it.each(['env', '.envrc', 'environment.ts', '.env.ts', '.env.d.ts', '.env.md', 'dotenv', 'venv', '.environment', '.env.'])(
    '%s is not an env file',
    (name) => {
      expect(isEnvFileName(name)).toBe(false);
    },
  );

  it('tells templates from env files by basename, case-insensitively, with a configurable list', () => {
    const names = new EnvNames();
    expect(names.kind('apps/web/.env.example')).toBe('template');
    expect(names.kind('.ENV.SAMPLE')).toBe('template');
    expect(names.kind('apps/web/.env')).toBe('env');
    expect(names.kind('apps/web/example.env')).toBe('env');
    expect(names.kind('src/index.ts')).toBeUndefined();
    const custom = new EnvNames(['example.env']);
    expect(custom.kind('example.env')).toBe('template');
    expect(custom.kind('.env.example')).toBe('env');
  });

  it('writes the .gitignore line for a path, escaping what gitignore treats specially', () => {
    expect(gitignoreLine('apps/web/.env.local')).toBe('.env.local');
    expect(gitignoreLine('weird[1]*.env')).toBe('weird\\[1\\]\\*.env');
    expect(gitignoreLine('#x.env')).toBe('\\#x.env');
    expect(gitignoreLine('!x.env')).toBe('\\!x.env');
  });

  it('quotes paths for shell commands only when needed', () => {
    expect(shellQuote('config/.env')).toBe('config/.env');
    expect(shellQuote("my dir/it's.env")).toBe(`'my dir/it'\\''s.env'`);
  });
});
