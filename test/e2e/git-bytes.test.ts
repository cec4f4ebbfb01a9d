/**
 * Git modes see every added byte: attributes that make git call a file binary, encodings git does
 * not decode, NULs, multi-line secrets around a `-U0` hunk, hunks cut for size, LFS pointers.
 * Each scenario stages a change (--staged), commits it (--range, --history) and, where the issue
 * names it, runs `keyscan ci` on the push.
 */
import { describe, expect, it } from 'vitest';
import { runCi } from '../helpers/actions.js';
import { keyscan } from '../helpers/cli.js';
import { commit, git, makeRepo, writeFiles } from '../helpers/repo.js';
import { tokens } from '../helpers/tokens.js';

interface Report {
  findings: Array<{ ruleId: string; path: string; startLine: number; endLine: number; commit?: string; presentAtHead?: boolean }>;
  stats: { skipped: Record<string, number>; lfsPointers?: number };
  errors: unknown[];
}
const json = (s: string): Report => JSON.parse(s) as Report;

type Mode = 'staged' | 'range' | 'history';
interface ModeRun {
  readonly code: number;
  readonly report: Report;
}

/** Stages `change` on top of the repository's HEAD and scans it, then commits it and scans that. */
async function everyGitMode(dir: string, change: Record<string, string | Buffer>): Promise<Record<Mode, ModeRun>> {
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  writeFiles(dir, change);
  git(dir, 'add', '-A');
  const run = async (args: string[]): Promise<ModeRun> => {
    const r = await keyscan([...args, '-f', 'json'], { cwd: dir });
    return { code: r.code, report: json(r.stdout) };
  };
  const staged = await run(['--staged']);
  git(dir, 'commit', '-q', '-m', 'change');
  return { staged, range: await run(['--range', `${base}..HEAD`]), history: await run(['--history']) };
}

const where = (r: ModeRun): Array<[string, string, number]> =>
  r.report.findings.map((f) => [f.ruleId, f.path, f.startLine] as [string, string, number]).sort();

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), order === 'le' ? le : le.swap16()]);
}

describe('git attributes never hide a file from git modes', () => {
  it('scans files marked -diff, binary and *.min.js -diff, attributes added in the same change, also in keyscan ci', async () => {
    const dir = makeRepo({ 'config.js': 'module.exports = {};\n', 'app.min.js': 'var a=1;\n', 'secrets.txt': 'none\n' }, { commit: true });
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    const runs = await everyGitMode(dir, {
      '.gitattributes': 'config.js -diff\n*.min.js -diff\nsecrets.txt binary\n',
      'config.js': `module.exports = {};\nexports.key = "${tokens.stripeLive()}";\n`,
      'app.min.js': `var a=1;\nvar t="${tokens.githubPat()}";\n`,
      'secrets.txt': `none\nnpm=${tokens.npm()}\n`,
    });
    const expected = [
      ['github-pat', 'app.min.js', 2],
      ['npm-access-token', 'secrets.txt', 2],
      ['stripe-secret-key', 'config.js', 2],
    ];
    for (const mode of ['staged', 'range', 'history'] as const) {
      expect(runs[mode].code, mode).toBe(1);
      expect(where(runs[mode]), mode).toEqual(expected);
      expect(runs[mode].report.stats.skipped.binary, mode).toBe(0);
    }
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const ci = await runCi(dir, 'push', { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main' } });
    expect(ci.code).toBe(1);
    expect(ci.sarif?.runs[0]?.results.map((x) => x.ruleId).sort()).toEqual(['github-pat', 'npm-access-token', 'stripe-secret-key']);
  });
});

describe('git attributes never hide a staged env template', () => {
  it('checks the values a staged change adds to a template marked -diff', async () => {
    const dir = makeRepo({ '.env.example': 'API_URL=https://api.example.com\n' }, { commit: true });
    const value = tokens.stripeLive().slice(8, 32); // random letters and digits, no known prefix
    writeFiles(dir, { '.gitattributes': '.env.example -diff\n', '.env.example': `API_URL=https://api.example.com\nAPI_SECRET=${value}\n` });
    git(dir, 'add', '-A');
    const r = await keyscan(['--staged', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings.map((f) => [f.ruleId, f.path, f.startLine])).toEqual([['env-template-value', '.env.example', 2]]);
  });
});

describe('one binary rule: the whole-file test on the blob', () => {
  it('scans a text file with a NUL beside the key (past the first 8000 bytes), and still skips real binaries', async () => {
    const text = `${'line of ordinary text\n'.repeat(400)}`; // 8800 bytes
    const dir = makeRepo({ 'data.txt': text, 'blob.bin': Buffer.from([0, 1, 2, 0, 10]) }, { commit: true });
    const runs = await everyGitMode(dir, {
      'data.txt': `${text}field\u0000sep\nkey=${tokens.stripeLive()}\n`,
      'blob.bin': Buffer.concat([Buffer.from([0, 1, 2, 0, 10]), Buffer.from(`k=${tokens.stripeLive()}\n`)]),
    });
    for (const mode of ['staged', 'range', 'history'] as const) {
      expect(runs[mode].code, mode).toBe(1);
      expect(where(runs[mode]), mode).toEqual([['stripe-secret-key', 'data.txt', 402]]);
      // The binary is skipped once per version scanned: history also sees the commit that added it.
      expect(runs[mode].report.stats.skipped.binary, mode).toBe(mode === 'history' ? 2 : 1);
    }
    // The files scan judges both files the same way.
    const files = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(files.findings.map((f) => [f.path, f.startLine])).toEqual([['data.txt', 402]]);
    expect(files.stats.skipped.binary).toBe(1);
  });
});

describe('UTF-16 files are decoded in every git mode', () => {
  it('finds keys in new and changed UTF-16 files (both byte orders) at their decoded line numbers', async () => {
    const dir = makeRepo({ 'old-le.txt': utf16('one\ntwo\nthree\n', 'le') }, { commit: true });
    const runs = await everyGitMode(dir, {
      'new-le.txt': utf16(`title\nkey = "${tokens.stripeLive()}"\n`, 'le'),
      'new-be.txt': utf16(`a\nb\nc\ntoken: ${tokens.githubPat()}\n`, 'be'),
      'old-le.txt': utf16(`one\ntwo\nthree\nnpm=${tokens.npm()}\nfour\n`, 'le'),
    });
    const expected = [
      ['github-pat', 'new-be.txt', 4],
      ['npm-access-token', 'old-le.txt', 4],
      ['stripe-secret-key', 'new-le.txt', 2],
    ];
    for (const mode of ['staged', 'range', 'history'] as const) {
      expect(runs[mode].code, mode).toBe(1);
      expect(where(runs[mode]), mode).toEqual(expected);
    }
    // Still in the files at HEAD, in their UTF-16 form.
    expect(runs.history.report.findings.map((f) => f.presentAtHead)).toEqual([true, true, true]);
    const files = json((await keyscan(['-f', 'json'], { cwd: dir })).stdout);
    expect(files.findings.map((f) => [f.ruleId, f.path, f.startLine]).sort()).toEqual(expected);
  });
});

describe('secrets that span the lines around a -U0 hunk', () => {
  it('sees a replaced PEM body and a changed .netrc password, and nothing on lines the change left alone', async () => {
    const oldKey = tokens.privateKey();
    const oldPassword = tokens.awsSecret();
    const npm = tokens.npm();
    const dir = makeRepo(
      {
        'deploy/id_rsa': `${oldKey}\n`,
        '.netrc': `machine api.example.com\n  login ci-bot\n  password ${oldPassword}\n`,
        'settings.ini': `npm=${npm}\nmode=a\n`,
      },
      { commit: true },
    );
    const newKey = tokens.privateKey(); // same BEGIN/END lines: only the body changes
    const runs = await everyGitMode(dir, {
      'deploy/id_rsa': `${newKey}\n`,
      '.netrc': `machine api.example.com\n  login ci-bot\n  password ${tokens.awsSecret()}\n`,
      'settings.ini': `npm=${npm}\nmode=b\n`,
    });
    // A change of the line next to an old key does not report the old key.
    for (const mode of ['staged', 'range'] as const) {
      expect(runs[mode].code, mode).toBe(1);
      expect(where(runs[mode]), mode).toEqual([
        ['netrc-file-password', '.netrc', 3],
        ['private-key', 'deploy/id_rsa', 1],
      ]);
    }
    const history = runs.history.report.findings.map((f) => [f.ruleId, f.path]).sort();
    expect(history).toEqual([
      ['netrc-file-password', '.netrc'],
      ['netrc-file-password', '.netrc'],
      ['npm-access-token', 'settings.ini'],
      ['private-key', 'deploy/id_rsa'],
      ['private-key', 'deploy/id_rsa'],
    ]);
    // The second key is attributed to the commit that replaced the body, and spans the whole block.
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const second = runs.history.report.findings.find((f) => f.ruleId === 'private-key' && f.commit === head);
    expect(second).toMatchObject({ startLine: 1, endLine: 6 });
  });

  it('sees a long PEM body replaced in a version whose later versions hold no key (what older versions carry)', async () => {
    // A body longer than most rules' reach, so only the private-key rule's reach sees BEGIN from the change.
    const pem = (): string => {
      const [begin, ...rest] = tokens.privateKey().split('\n');
      const body = Array.from({ length: 60 }, () => tokens.awsSecret() + tokens.awsSecret().slice(0, 24));
      return [begin, ...body, rest[rest.length - 1]].join('\n');
    };
    const code = Array.from({ length: 40 }, (_, i) => `const v${i} = f(${i});`).join('\n');
    const first = pem();
    const dir = makeRepo({ 'src/app.js': `${code}\n${first}\n${code}\n` }, { commit: true });
    // Only the last body lines change: BEGIN is 3.5 KB above them.
    const lines = first.split('\n');
    const second = [
      ...lines.slice(0, 56),
      ...lines.slice(56, 61).map(() => tokens.awsSecret() + tokens.awsSecret().slice(0, 24)),
      ...lines.slice(61),
    ].join('\n');
    commit(dir, 'replace the end of the body', { 'src/app.js': `${code}\n${second}\n${code}\n` });
    const replaced = git(dir, 'rev-parse', 'HEAD').trim();
    // Then the key goes (its lines are removed), and a later change leaves a file without one.
    commit(dir, 'remove the key', { 'src/app.js': `${code}\n${code}\nconst late = 1;\n` });
    commit(dir, 'another change', { 'src/app.js': `${code}\n${code}\nconst late = 2;\n` });
    const r = await keyscan(['--history', '--no-cache', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const keys = json(r.stdout).findings.filter((f) => f.ruleId === 'private-key');
    expect(keys.map((f) => f.commit === replaced)).toEqual(expect.arrayContaining([true, false]));
    expect(keys).toHaveLength(2);
  });

  it('sees a PEM body that a merge commit itself replaced (combined diff)', async () => {
    const dir = makeRepo({ id_rsa: `${tokens.privateKey()}\n`, 'a.txt': 'a\n' }, { commit: true });
    git(dir, 'checkout', '-q', '-b', 'side');
    commit(dir, 'side', { 's.txt': 's\n' });
    git(dir, 'checkout', '-q', 'main');
    commit(dir, 'main', { 'm.txt': 'm\n' });
    git(dir, 'merge', '-q', '--no-commit', 'side');
    writeFiles(dir, { id_rsa: `${tokens.privateKey()}\n` });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'merge, with a new key body');
    const merge = git(dir, 'rev-parse', 'HEAD').trim();
    const r = json((await keyscan(['--history', '-f', 'json'], { cwd: dir })).stdout);
    expect(r.findings.map((f) => [f.ruleId, f.path, f.startLine, f.commit === merge]).sort()).toEqual([
      ['private-key', 'id_rsa', 1, false],
      ['private-key', 'id_rsa', 1, true],
    ]);
  });

  it('sees a secret that spans the point where a hunk over 1 MiB is cut', async () => {
    const dir = makeRepo({ 'README.md': '# r\n' }, { commit: true });
    // 10,485 lines of 100 bytes, then a 90-byte line: the hunk is cut just after it.
    const filler = `${'x'.repeat(99)}\n`.repeat(10_485);
    const machine = `machine ${'a'.repeat(69)}.example.com\n`;
    const runs = await everyGitMode(dir, { 'big.netrc': `${filler}${machine}  password ${tokens.awsSecret()}\nend\n` });
    for (const mode of ['staged', 'range', 'history'] as const) {
      expect(runs[mode].code, mode).toBe(1);
      expect(where(runs[mode]), mode).toEqual([['netrc-password', 'big.netrc', 10_487]]);
    }
  });
});

describe('the context around a change stays context', () => {
  it('does not report allow comments on unchanged lines as unused, and honours one on an added line', async () => {
    const dir = makeRepo({ 'app.ts': 'const a = 1; // keyscan:allow\nconst b = 2;\n' }, { commit: true });
    writeFiles(dir, { 'app.ts': `const a = 1; // keyscan:allow\nconst b = 3;\nconst k = "${tokens.stripeLive()}"; // keyscan:allow\n` });
    git(dir, 'add', '-A');
    const r = await keyscan(['--staged', '--report-unused-allows', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(json(r.stdout).findings).toEqual([]);
  });
});

describe('Git LFS pointers', () => {
  it('counts the pointers it scans, in every mode and in the text summary', async () => {
    const dir = makeRepo({ 'README.md': '# r\n' }, { commit: true });
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'4d7a2146'.repeat(8)}\nsize 12345\n`;
    const runs = await everyGitMode(dir, {
      '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n',
      'assets/model.bin': pointer,
    });
    for (const mode of ['staged', 'range', 'history'] as const) {
      expect(runs[mode].code, mode).toBe(0);
      expect(runs[mode].report.stats.lfsPointers, mode).toBe(1);
    }
    // A changed pointer (new oid and size) is counted too: its version line is read from the blob.
    writeFiles(dir, { 'assets/model.bin': pointer.replace('12345', '67890') });
    git(dir, 'add', '-A');
    expect(json((await keyscan(['--staged', '-f', 'json'], { cwd: dir })).stdout).stats.lfsPointers).toBe(1);
    commit(dir, 'new model', {});
    const text = await keyscan(['--history'], { cwd: dir });
    expect(text.stdout).toContain('Git LFS: 2 pointer files scanned as committed');
    expect(json((await keyscan(['-f', 'json'], { cwd: dir })).stdout).stats.lfsPointers).toBe(1);
  });
});
