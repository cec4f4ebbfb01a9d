import { describe, expect, it } from 'vitest';
import { selectProvider } from '../../src/ci/providers.js';
import { isKeyscanError } from '../../src/errors.js';

describe('selectProvider', () => {
  it('detects GitHub Actions from GITHUB_EVENT_NAME, and no CI without it', () => {
    expect(selectProvider('auto', { GITHUB_EVENT_NAME: 'push' }).id).toBe('github');
    expect(selectProvider('auto', { GITHUB_EVENT_NAME: '' }).id).toBe('none');
    expect(selectProvider('auto', {}).id).toBe('none');
  });

  it('detects GitLab CI from GITLAB_CI, after GitHub', () => {
    expect(selectProvider('auto', { GITLAB_CI: 'true' }).id).toBe('gitlab');
    expect(selectProvider('auto', { GITLAB_CI: 'true', GITHUB_EVENT_NAME: 'push' }).id).toBe('github');
    expect(selectProvider('gitlab', {}).id).toBe('gitlab');
  });

  it('takes a named provider as given, and rejects an unknown one with the choices', () => {
    expect(selectProvider('github', {}).id).toBe('github');
    expect(selectProvider('none', { GITHUB_EVENT_NAME: 'push' }).id).toBe('none');
    try {
      selectProvider('jenkins', {});
      expect.unreachable();
    } catch (e) {
      expect(isKeyscanError(e) && e.code).toBe('E_USAGE');
      expect(isKeyscanError(e) && e.hint).toContain('auto, github');
    }
  });

  it('without a CI, plans explicit modes and refuses to guess what auto means', async () => {
    const job = await selectProvider('auto', {}).open({}, '/');
    expect(job.plan('history')).toEqual({ kind: 'history', label: 'the full history' });
    expect(job.plan('files').kind).toBe('files');
    expect(() => job.plan('auto')).toThrow(/GITHUB_EVENT_NAME is not set \(GitHub Actions\), GITLAB_CI is not set \(GitLab CI\)/);
  });
});
