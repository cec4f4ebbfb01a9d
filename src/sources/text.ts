/**
 * Decides whether bytes are text, and normalises text to UTF-8 without a byte-order mark so the
 * engine sees one encoding. Binary means a NUL byte in the first 8000 bytes (git's own test)
 * after any UTF-16 BOM has been honoured. This is the one binary rule: files scans apply it to
 * the file, git modes to the whole new blob (never to a hunk, whose first bytes are mid-file).
 */
export const SNIFF = 8000;

export function toScannableText(data: Buffer): Buffer | 'binary' {
  const utf16 = utf16Order(data);
  if (utf16 === 'le') return Buffer.from(data.toString('utf16le', 2), 'utf8');
  if (utf16 === 'be') return Buffer.from(swapBytes(data.subarray(2)).toString('utf16le'), 'utf8');
  const bom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  const text = bom ? data.subarray(3) : data;
  const nul = text.indexOf(0);
  if (nul !== -1 && nul < SNIFF) return 'binary';
  return text;
}

/** The byte order of a UTF-16 text by its byte-order mark, or undefined if it has none. */
export function utf16Order(data: Buffer): 'le' | 'be' | undefined {
  if (data.length < 2) return undefined;
  if (data[0] === 0xff && data[1] === 0xfe) return 'le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'be';
  return undefined;
}

/** UTF-16 (after the BOM) as a JS string, for either byte order. */
export function utf16String(data: Buffer, order: 'le' | 'be'): string {
  return order === 'le' ? data.toString('utf16le', 2) : swapBytes(data.subarray(2)).toString('utf16le');
}

const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1\n');

/**
 * A Git LFS pointer: what is committed in place of a file stored outside the repository. Its
 * few lines are scanned; the content it points to is not in the repository and is not seen.
 */
export function isLfsPointer(data: Buffer): boolean {
  return data.length < 1024 && data.subarray(0, LFS_POINTER.length).equals(LFS_POINTER);
}

function swapBytes(data: Buffer): Buffer {
  const copy = Buffer.from(data.subarray(0, data.length - (data.length % 2)));
  return copy.swap16();
}
