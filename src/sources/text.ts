/**
 * Decides whether bytes are text, and normalises text to UTF-8 without a byte-order mark so the
 * engine sees one encoding. Binary means a NUL byte in the first 8000 bytes (git's own test)
 * after any UTF-16 BOM has been honoured.
 */
const SNIFF = 8000;

export function toScannableText(data: Buffer): Buffer | 'binary' {
  if (data.length >= 2) {
    const [a, b] = [data[0], data[1]];
    if (a === 0xff && b === 0xfe) return Buffer.from(data.toString('utf16le', 2), 'utf8');
    if (a === 0xfe && b === 0xff) return Buffer.from(swapBytes(data.subarray(2)).toString('utf16le'), 'utf8');
  }
  const bom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  const text = bom ? data.subarray(3) : data;
  const nul = text.indexOf(0);
  if (nul !== -1 && nul < SNIFF) return 'binary';
  return text;
}

function swapBytes(data: Buffer): Buffer {
  const copy = Buffer.from(data.subarray(0, data.length - (data.length % 2)));
  return copy.swap16();
}
