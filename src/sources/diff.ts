/**
 * A streaming parser for the unified and combined (`--cc`) diffs that `git diff` and `git log -p`
 * print. It keeps only the added lines of the current hunk in memory and hands them on as
 * fragments with the line number they have in the new file, so the size of a history never
 * matters. Commit headers are lines that start with RS (0x1e), written by `--format` (see
 * LOG_FORMAT in git/history.ts). With `--full-index`, each file's header names its new blob, so
 * a consumer can read the whole new version when the added lines alone are not enough (see
 * changes.ts).
 */

import type { CommitHeader } from '../types.js';
import { unquoteGitPath, unquoteGitPathBytes } from './cquote.js';
import { decodePath } from './paths.js';

/** What a file's diff header says about it (filled in as the header lines arrive). */
export interface DiffFile {
  /** Path in the new version, once the `+++` line named it (undefined for a deletion). */
  path: string | undefined;
  /** Full id of the new blob, from `index a..b` (needs `--full-index`); undefined if not printed. */
  newBlob: string | undefined;
  /** Full id of the old blob of a plain (not combined) diff of a file that existed before. */
  oldBlob: string | undefined;
  /** The file did not exist before (`--- /dev/null`): the added lines are the whole file. */
  isNew: boolean;
  /** A submodule entry (mode 160000): its "blob" is a commit of another repository. */
  gitlink: boolean;
  /** git printed "Binary files … differ" instead of hunks (it should not, with `--text`). */
  binary: boolean;
}

export interface DiffFragment {
  /** Path in the new version, POSIX, relative to the repository root. */
  readonly path: string;
  /** Added lines joined by `\n` (with a final `\n`). */
  readonly data: Buffer;
  /** Line number of the first added line in the new file. */
  readonly firstLine: number;
  /** Number of added lines in `data`. */
  readonly lines: number;
  /** Cut for size: the hunk's added lines go on in the next fragment. */
  readonly cut: boolean;
  readonly file: DiffFile;
}

export interface DiffHandlers {
  onCommit?(header: CommitHeader): void;
  onFragment(fragment: DiffFragment, commit: CommitHeader | undefined): void;
  /** A file whose diff git reports as binary (not scanned). */
  onBinary?(path: string, commit: CommitHeader | undefined): void;
  /** A file's diff is over (after its last fragment). */
  onFileEnd?(file: DiffFile, commit: CommitHeader | undefined): void;
  /** A removed line of a plain diff: `data[start, end)`, without its `-` (only valid during the call). */
  onRemoved?(data: Buffer, start: number, end: number, file: DiffFile): void;
}

/** Above this many bytes of added lines in one hunk, a fragment is cut at a line boundary. */
const MAX_FRAGMENT = 1 << 20;

const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const AT = 0x40;
const RS = 0x1e;
const NEWLINE = 0x0a;

export class DiffParser {
  readonly #on: DiffHandlers;
  /** The pieces of a line not yet ended (a line can span any number of chunks). */
  #rest: Buffer[] = [];
  #commit: CommitHeader | undefined;
  #path: string | undefined;
  /** Number of parents in a combined diff (0 for a plain diff). */
  #combined = 0;
  #inHunk = false;
  #newLine = 0;
  #added: Buffer[] = [];
  #addedBytes = 0;
  #addedStart = 0;
  #binaryPending: string | undefined;
  #file: DiffFile | undefined;

  constructor(handlers: DiffHandlers) {
    this.#on = handlers;
  }

  push(chunk: Buffer): void {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE);
    if (nl !== -1 && this.#rest.length > 0) {
      // The line that began in earlier chunks: joined once, however many chunks it spans.
      this.#line(Buffer.concat([...this.#rest, chunk.subarray(0, nl)]));
      this.#rest = [];
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    for (; nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      if (nl === start || !this.#passOver(chunk, start, nl)) this.#line(chunk.subarray(start, nl));
      start = nl + 1;
    }
    // Keep the partial last line; copy it so the chunk it came from can be released.
    if (start < chunk.length) this.#rest.push(Buffer.from(chunk.subarray(start)));
  }

  end(): void {
    if (this.#rest.length > 0) {
      this.#line(Buffer.concat(this.#rest));
      this.#rest = [];
    }
    this.#endFile();
  }

  #endFile(): void {
    this.#flush();
    const file = this.#file;
    this.#file = undefined;
    if (file !== undefined) this.#on.onFileEnd?.(file, this.#commit);
  }

  /**
   * A removed or unchanged line of a plain diff's hunk, judged by its first byte without a Buffer
   * for it: most lines of a history's patches are removed lines, which say nothing but "flush".
   */
  #passOver(chunk: Buffer, start: number, end: number): boolean {
    if (!this.#inHunk || this.#combined !== 0) return false;
    const first = chunk[start];
    if (first !== MINUS && first !== SPACE && first !== 0x5c) return false;
    this.#flush();
    if (first === SPACE) this.#newLine++;
    else if (first === MINUS && this.#file !== undefined) this.#on.onRemoved?.(chunk, start + 1, end, this.#file);
    return true;
  }

  #line(line: Buffer): void {
    const first = line[0];
    if (this.#inHunk) {
      if (this.#combined === 0) {
        if (first === PLUS) {
          this.#add(line.subarray(1));
          return;
        }
        if (first === MINUS || first === SPACE || first === 0x5c /* \ No newline */) {
          this.#flush();
          if (first === SPACE) this.#newLine++;
          else if (first === MINUS && this.#file !== undefined) this.#on.onRemoved?.(line, 1, line.length, this.#file);
          return;
        }
      } else if (first === PLUS || first === MINUS || first === SPACE) {
        this.#combinedLine(line);
        return;
      } else if (first === 0x5c) {
        return;
      }
      this.#flush();
      this.#inHunk = false;
    }
    if (first === AT) this.#hunkHeader(line);
    else if (first === RS) this.#commitHeader(line);
    else if (first === 0x2b && line.subarray(0, 4).toString('latin1') === '+++ ') this.#targetPath(line);
    else if (first === 0x64 /* d */) this.#fileHeader(line);
    else if (first === 0x42 /* B */ && line.subarray(0, 13).toString('latin1') === 'Binary files ') this.#binary();
    else if (this.#file !== undefined) this.#extendedHeader(line);
  }

  /** `index a..b mode`, `new file mode m`, `--- /dev/null`, `mode a,b..c`: what the file is. */
  #extendedHeader(line: Buffer): void {
    const file = this.#file as DiffFile;
    const text = line.toString('latin1');
    if (text.startsWith('index ')) {
      const [ids = '', mode] = text.slice(6).split(' ');
      const newBlob = ids.slice(ids.indexOf('..') + 2);
      if (/^[0-9a-f]{40,64}$/.test(newBlob) && !/^0+$/.test(newBlob)) file.newBlob = newBlob;
      const oldBlob = ids.slice(0, ids.indexOf('..'));
      if (/^[0-9a-f]{40,64}$/.test(oldBlob) && !/^0+$/.test(oldBlob)) file.oldBlob = oldBlob;
      if (mode === '160000') file.gitlink = true;
    } else if (text === '--- /dev/null') {
      file.isNew = true;
    } else if (text.startsWith('new file mode ') || text.startsWith('new mode ') || text.startsWith('mode ')) {
      if (text.endsWith('160000')) file.gitlink = true;
    }
  }

  #combinedLine(line: Buffer): void {
    const n = this.#combined;
    let plus = 0;
    let minus = 0;
    for (let i = 0; i < n; i++) {
      if (line[i] === PLUS) plus++;
      else if (line[i] === MINUS) minus++;
    }
    if (minus > 0) {
      this.#flush();
      return;
    }
    // Only what is new against every parent was introduced by the merge itself.
    if (plus === n) this.#add(line.subarray(n));
    else {
      this.#flush();
      this.#newLine++;
    }
  }

  #add(content: Buffer): void {
    if (this.#added.length === 0) this.#addedStart = this.#newLine;
    this.#added.push(content);
    this.#addedBytes += content.length + 1;
    this.#newLine++;
    if (this.#addedBytes >= MAX_FRAGMENT && !this.#insidePem()) this.#flush(true);
  }

  /** True while the pending lines hold a `-----BEGIN` without its `-----END`. */
  #insidePem(): boolean {
    for (let i = this.#added.length - 1; i >= 0 && i >= this.#added.length - 2000; i--) {
      const l = this.#added[i] as Buffer;
      if (l.includes('-----END')) return false;
      if (l.includes('-----BEGIN')) return true;
    }
    return false;
  }

  #flush(cut = false): void {
    if (this.#added.length === 0) return;
    const parts: Buffer[] = [];
    for (const l of this.#added) parts.push(l, NEWLINE_BUF);
    const data = Buffer.concat(parts);
    const lines = this.#added.length;
    this.#added = [];
    this.#addedBytes = 0;
    if (this.#path === undefined) return;
    const file = this.#file ?? newFile();
    file.path = this.#path;
    this.#on.onFragment({ path: this.#path, data, firstLine: this.#addedStart, lines, cut, file }, this.#commit);
  }

  #hunkHeader(line: Buffer): void {
    const text = line.toString('latin1');
    const ats = /^@+/.exec(text)?.[0].length ?? 0;
    // `@@ -a,b +c,d @@` or, with N parents, N+1 `@` and N `-` ranges.
    const plus = new RegExp(`^${'@'.repeat(ats)} (?:-\\d+(?:,\\d+)? )+\\+(\\d+)(?:,(\\d+))? ${'@'.repeat(ats)}`).exec(text);
    if (plus === null) return;
    this.#combined = ats > 2 ? ats - 1 : 0;
    this.#newLine = Number(plus[1]);
    // A pure deletion has count 0 and names the line before it; nothing is added there.
    this.#inHunk = true;
  }

  #commitHeader(line: Buffer): void {
    this.#endFile();
    const [commit = '', parents = '', author = '', authorEmail = '', date = ''] = line.subarray(1).toString('utf8').split('\x1f');
    this.#commit = { commit, parents: parents === '' ? [] : parents.split(' '), author, authorEmail, date };
    this.#path = undefined;
    this.#on.onCommit?.(this.#commit);
  }

  #fileHeader(line: Buffer): void {
    const text = line.toString('utf8');
    if (text.startsWith('diff --git ') || text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) {
      this.#endFile();
      this.#file = newFile();
      this.#path = undefined;
      this.#combined = text.startsWith('diff --git ') ? 0 : this.#combined;
      this.#binaryPending = guessPath(text);
    }
  }

  #targetPath(line: Buffer): void {
    let raw = line.subarray(4);
    if (raw[raw.length - 1] === 0x09) raw = raw.subarray(0, -1); // git adds a TAB after names with spaces
    if (raw.toString('latin1') === '/dev/null') {
      this.#path = undefined;
      return;
    }
    // Bytes to the end: a name that is not valid UTF-8 is reported as paths.ts decodes it.
    const unquoted = decodePath(unquoteGitPathBytes(raw));
    this.#path = unquoted.startsWith('b/') ? unquoted.slice(2) : unquoted;
    if (this.#file !== undefined) this.#file.path = this.#path;
  }

  #binary(): void {
    const path = this.#binaryPending ?? '';
    if (this.#file !== undefined) {
      this.#file.binary = true;
      this.#file.path ??= path;
    }
    this.#on.onBinary?.(path, this.#commit);
  }
}

const NEWLINE_BUF = Buffer.from('\n');

function newFile(): DiffFile {
  return { path: undefined, newBlob: undefined, oldBlob: undefined, isNew: false, gitlink: false, binary: false };
}

/** The path from a `diff --git a/x b/x` or `diff --cc x` line, for messages about binary files. */
function guessPath(header: string): string {
  if (header.startsWith('diff --cc ') || header.startsWith('diff --combined ')) {
    return unquoteGitPath(header.slice(header.indexOf(' ', 5) + 1));
  }
  const rest = header.slice('diff --git '.length);
  const quoted = /^"(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)"$/.exec(rest);
  if (quoted) return unquoteGitPath(`"${quoted[1]}"`).replace(/^b\//, '');
  const half = rest.slice(Math.floor(rest.length / 2) + 1);
  return half.startsWith('b/') ? half.slice(2) : half;
}
