import { describe, expect, it } from 'vitest';
import { isDocPath, isExamplePath, isIllustrative, isIllustrativePath, isTestPath } from '../../src/engine/path-context.js';

describe('isTestPath', () => {
  it.each([
    'test/units/galaxy/test_role_requirements.py',
    'actionpack/test/dispatch/cookies_test.rb',
    't/t0052-simple-ipc.sh',
    'spec/models/user_spec.rb',
    'src/__tests__/auth.ts',
    'pkg/auth/token_test.go',
    'src/auth.test.ts',
    'src/main/java/AuthTest.java',
    'fixtures/client.key',
    'internal/testdata/config.json',
  ])('%s is a test suite’s', (path) => expect(isTestPath(path)).toBe(true));

  it.each([
    'src/contest/app.ts',
    'lib/attestation.rb',
    'config/latest.json',
    'src/tt/app.ts',
    'testimonials/index.html',
    'protest.py',
    undefined,
  ])('%s is not', (path) => expect(isTestPath(path)).toBe(false));
});

describe('isDocPath', () => {
  it.each([
    'README.md',
    'node_modules/ioredis/README.md',
    'Documentation/git-cvsserver.adoc',
    'guides/source/x.md',
    'docs/setup.html',
    'INSTALL',
  ])('%s is a manual', (path) => expect(isDocPath(path)).toBe(true));
  it.each(['src/app.ts', '.env', 'config/database.yml', 'keys/deploy.asc', undefined])('%s is not', (path) =>
    expect(isDocPath(path)).toBe(false),
  );
});

describe('isIllustrative', () => {
  it('counts templates and comment lines, not code lines', () => {
    expect(isIllustrativePath('railties/templates/config/databases/postgresql.yml.tt')).toBe(true);
    expect(isIllustrative('src/app.py', '  # ')).toBe(true);
    expect(isIllustrative('src/app.js', ' * see ')).toBe(true);
    expect(isIllustrative('src/app.js', 'const url = "')).toBe(false);
    // A line whose start is out of reach is not known to be a comment.
    expect(isIllustrative('src/app.js', '\u0000# x')).toBe(false);
    expect(isIllustrative('db/seed.sql', '--password=')).toBe(false);
  });
});

describe('isExamplePath', () => {
  it('leaves a bare fixtures directory out: it may seed a real database', () => {
    expect(isExamplePath('app/fixtures/users.json')).toBe(false);
    expect(isExamplePath('test/fixtures/users.yml')).toBe(true);
    expect(isExamplePath('guides/source/active_model_basics.md')).toBe(true);
  });
});
