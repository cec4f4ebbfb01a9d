/** Whether `text` holds a terminal control character (C0 but line feed, DEL, C1) or a bidi override. */
export function hasControl(text: string, options: { lineFeeds?: boolean } = {}): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c === 0x0a && !options.lineFeeds) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}
