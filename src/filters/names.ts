/**
 * Redacts keys found in names and identities wherever that text appears. A key in a file or
 * directory name (or a ref name) is masked in every path that holds it; a key in an author's or
 * committer's name or e-mail is masked in every finding's author fields; both are masked in
 * finding messages, errors and warnings, which quote paths. `--no-redact` shows the secret of the
 * name's own finding, never the path itself in full.
 */
import { type Finding, METADATA_SOURCES } from '../types.js';

type Mask = readonly [secret: string, mask: string];

export class NameRedactor {
  /** Secrets by the name (path prefix or ref) they were found in. */
  readonly #byName = new Map<string, Mask[]>();
  /** Every secret found in a name or identity, longest first (a longer one may contain a shorter). */
  readonly #all: Mask[] = [];
  readonly #real = new Map<string, string>();
  readonly #memo = new Map<string, string>();

  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      if (!METADATA_SOURCES.has(f.source) || f.source === 'commit-message' || f.source === 'tag-message') continue;
      const secret = f.secret.reveal();
      if (secret === '') continue;
      // Never a mask that still holds the secret (the redacted form is a short prefix and stars).
      const mask: Mask = [secret, f.redacted !== '' && !f.redacted.includes(secret) ? f.redacted : '****'];
      this.#all.push(mask);
      if (f.source !== 'commit-author') this.#byName.set(f.path, [...(this.#byName.get(f.path) ?? []), mask]);
    }
    this.#all.sort((a, b) => b[0].length - a[0].length);
  }

  get empty(): boolean {
    return this.#all.length === 0;
  }

  /** `path` with every key found in it or in one of its directories masked. */
  path(path: string): string {
    if (this.#byName.size === 0) return path;
    let out = path;
    for (let slash = path.indexOf('/'); ; slash = path.indexOf('/', slash + 1)) {
      const prefix = slash === -1 ? path : path.slice(0, slash);
      for (const [secret, mask] of this.#byName.get(prefix) ?? []) out = out.split(secret).join(mask);
      if (slash === -1) break;
    }
    if (out !== path) this.#real.set(out, path);
    return out;
  }

  /** Free text (a message, an error, an identity) with every key found in names and identities masked. */
  text(text: string, masks: readonly Mask[] = this.#all): string {
    if (masks.length === 0 || text === '') return text;
    const known = this.#memo.get(text);
    if (known !== undefined) return known;
    let out = text;
    for (const [secret, mask] of masks) if (out.includes(secret)) out = out.split(secret).join(mask);
    if (this.#memo.size < 100_000) this.#memo.set(text, out);
    return out;
  }

  /** The real path of a redacted one (to read the file), or the path itself. */
  real(path: string): string {
    return this.#real.get(path) ?? path;
  }

  /** The finding with its path, message and author fields redacted (the same object when nothing changes). */
  finding(f: Finding): Finding {
    if (this.empty) return f;
    const path = this.path(f.path);
    const message = this.text(f.message);
    const author = f.author === undefined ? undefined : this.text(f.author, this.#all);
    const authorEmail = f.authorEmail === undefined ? undefined : this.text(f.authorEmail, this.#all);
    if (path === f.path && message === f.message && author === f.author && authorEmail === f.authorEmail) return f;
    return {
      ...f,
      path,
      message,
      ...(author !== undefined ? { author } : {}),
      ...(authorEmail !== undefined ? { authorEmail } : {}),
    };
  }
}
