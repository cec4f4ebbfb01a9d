// Where another scanner's repository is read from: a git directory on disk (a bare mirror or a
// clone's .git), or a URL cloned shallowly into a temp dir at run time. Files are read with one
// `git cat-file --batch` process per repository; nothing is checked out.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const git = (gitDir, args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** A git dir for `location`: used as is when it is a directory, cloned (bare, depth 1) when a URL. */
export function gitDirOf(location) {
  if (/^(https?|ssh|git):\/\/|^git@/.test(location)) {
    const dir = join(mkdtempSync(join(tmpdir(), 'keyscan-external-')), 'repo.git');
    execFileSync('git', ['clone', '--quiet', '--bare', '--depth', '1', location, dir], { stdio: 'inherit' });
    return dir;
  }
  for (const candidate of [location, join(location, '.git')]) {
    if (existsSync(join(candidate, 'HEAD')) && existsSync(join(candidate, 'objects'))) return candidate;
  }
  throw new Error(`${location} is neither a git directory nor a URL: pass a bare mirror, a clone, or an https:// URL`);
}

/** The repository's origin URL (when it has one) and the commit HEAD names. */
export function provenance(gitDir) {
  let url = '';
  try {
    url = git(gitDir, ['config', '--get', 'remote.origin.url']).trim();
  } catch {}
  // A mirror laid out as …/<owner>+<name>/repo (the bare mirrors this bench was first run on).
  const mirror = /([^/]+)\+([^/]+)\/repo\/?$/.exec(gitDir);
  if (!url && mirror) url = `https://github.com/${mirror[1]}/${mirror[2]}`;
  return { url, commit: git(gitDir, ['rev-parse', 'HEAD']).trim() };
}

/** Every file path of HEAD under `prefix`. */
export function listFiles(gitDir, prefix) {
  return git(gitDir, ['ls-tree', '-r', '--name-only', '-z', 'HEAD', '--', prefix])
    .split('\0')
    .filter((p) => p.length > 0);
}

/** The contents (utf8) of `paths` at HEAD, as a Map; a path that is not a blob is left out. */
export function readFiles(gitDir, paths) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const buf = Buffer.concat(chunks);
      const out = new Map();
      let at = 0;
      for (const path of paths) {
        const nl = buf.indexOf(10, at);
        const header = buf.subarray(at, nl).toString('utf8');
        at = nl + 1;
        const m = /^\S+ (\S+) (\d+)$/.exec(header);
        if (!m) continue; // "<name> missing"
        const size = Number(m[2]);
        if (m[1] === 'blob') out.set(path, buf.subarray(at, at + size).toString('utf8'));
        at += size + 1;
      }
      resolve(out);
    });
    child.stdin.end(paths.map((p) => `HEAD:${p}\n`).join(''));
  });
}
