/**
 * Links to the forge a repository lives on (GitHub or GitLab), for reports people click through.
 *
 * A remote URL can carry credentials (`https://user:token@github.com/o/r.git`), a port, a query:
 * none of it is copied. The link is rebuilt from a host and path segments that each pass a strict
 * pattern, so what a report holds is `https://<host>/<owner>/<name>` and nothing else.
 */

export interface Forge {
  readonly kind: 'GitHub' | 'GitLab';
  /** `https://github.com/owner/name`: no credentials, no `.git`, no trailing slash. */
  readonly url: string;
}

const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+$/;
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/;

/** The forge of a remote URL (https, ssh or scp-like), or undefined for anything else. */
export function forgeOf(remote: string | undefined): Forge | undefined {
  if (remote === undefined) return undefined;
  const parts = hostAndPath(remote.trim());
  if (parts === undefined) return undefined;
  const host = parts.host.toLowerCase().replace(/^www\./, '');
  const kind = forgeKind(host);
  if (kind === undefined || !HOST.test(host)) return undefined;
  const segments = parts.path
    .replace(/\.git\/?$/, '')
    .replace(/\/+$/, '')
    .split('/');
  // GitHub is owner/name; GitLab allows nested groups.
  if (segments.length < 2 || (kind === 'GitHub' && segments.length !== 2)) return undefined;
  if (!segments.every((s) => SEGMENT.test(s) && !/^\.+$/.test(s))) return undefined;
  return { kind, url: `https://${host}/${segments.join('/')}` };
}

function hostAndPath(remote: string): { host: string; path: string } | undefined {
  // https://[user[:password]@]host[:port]/path, ssh://[user@]host[:port]/path, git://host/path
  const url = /^(?:https?|ssh|git(?:\+ssh)?):\/\/(?:[^@/]*@)?([^/:?#]+)(?::\d+)?\/([^?#]+)(?:[?#].*)?$/i.exec(remote);
  if (url) return { host: url[1] as string, path: url[2] as string };
  // scp-like: [user@]host:path (not a Windows drive letter, not a local path)
  const scp = /^(?:[^@/:]+@)?([^/:]{2,}):(?!\/\/)\/?([^?#]+)$/.exec(remote);
  if (scp) return { host: scp[1] as string, path: scp[2] as string };
  return undefined;
}

function forgeKind(host: string): Forge['kind'] | undefined {
  if (host === 'github.com' || host.startsWith('github.')) return 'GitHub';
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'GitLab';
  return undefined;
}

/** A commit's page on the forge. */
export function commitUrl(forge: Forge, sha: string): string | undefined {
  if (!/^[0-9a-f]{7,64}$/.test(sha)) return undefined;
  return forge.kind === 'GitHub' ? `${forge.url}/commit/${sha}` : `${forge.url}/-/commit/${sha}`;
}

/** A line of a file at a commit on the forge. */
export function blobUrl(forge: Forge, sha: string, path: string, line: number): string | undefined {
  if (!/^[0-9a-f]{7,64}$/.test(sha)) return undefined;
  const encoded = path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return forge.kind === 'GitHub' ? `${forge.url}/blob/${sha}/${encoded}#L${line}` : `${forge.url}/-/blob/${sha}/${encoded}#L${line}`;
}
