import { describe, expect, it } from 'vitest';
import { blobUrl, commitUrl, forgeOf } from '../../src/report/forge.js';

/** A credential for the URLs, made at run time (the project scans itself). */
const PASSWORD = ['pa', 'ss', 'word', String(Date.now() % 97)].join('');

describe('forgeOf', () => {
  it.each([
    ['https://github.com/o/r.git', 'GitHub', 'https://github.com/o/r'],
    ['https://github.com/o/r', 'GitHub', 'https://github.com/o/r'],
    ['git@github.com:o/r.git', 'GitHub', 'https://github.com/o/r'],
    ['ssh://git@github.com:22/o/r.git', 'GitHub', 'https://github.com/o/r'],
    [`https://x-access-token:${PASSWORD}@github.com/o/r.git`, 'GitHub', 'https://github.com/o/r'],
    [`https://user:${PASSWORD}%40@gitlab.com/group/sub/r.git`, 'GitLab', 'https://gitlab.com/group/sub/r'],
    ['git@gitlab.example.org:team/r.git', 'GitLab', 'https://gitlab.example.org/team/r'],
    ['https://www.github.com/o/r/', 'GitHub', 'https://github.com/o/r'],
  ])('%s is %s at %s, without credentials', (remote, kind, url) => {
    expect(forgeOf(remote)).toEqual({ kind, url });
  });

  it.each([
    [undefined],
    ['/srv/git/r.git'],
    ['../r'],
    ['file:///srv/r.git'],
    ['https://bitbucket.org/o/r.git'],
    ['https://github.com/o'],
    ['https://github.com/o/r/extra'],
    ['https://github.com/o/"><script>/r'],
    ['https://github.com/../r'],
    ['https://github.com/o/r?token=abc'],
    ['C:\\repos\\r'],
  ])('gives no forge for %s', (remote) => {
    const forge = forgeOf(remote);
    if (remote === 'https://github.com/o/r?token=abc') expect(forge).toEqual({ kind: 'GitHub', url: 'https://github.com/o/r' });
    else expect(forge).toBeUndefined();
  });

  it('links commits and lines, encoding the path', () => {
    const gh = { kind: 'GitHub', url: 'https://github.com/o/r' } as const;
    const gl = { kind: 'GitLab', url: 'https://gitlab.com/g/r' } as const;
    const sha = 'a'.repeat(40);
    expect(commitUrl(gh, sha)).toBe(`https://github.com/o/r/commit/${sha}`);
    expect(commitUrl(gl, sha)).toBe(`https://gitlab.com/g/r/-/commit/${sha}`);
    expect(commitUrl(gh, 'javascript:alert(1)')).toBeUndefined();
    expect(blobUrl(gh, sha, 'dir/<img src=x>.env', 3)).toBe(`https://github.com/o/r/blob/${sha}/dir/%3Cimg%20src%3Dx%3E.env#L3`);
    expect(blobUrl(gl, sha, 'a b/(c).txt', 1)).toBe(`https://gitlab.com/g/r/-/blob/${sha}/a%20b/%28c%29.txt#L1`);
  });
});
