/**
 * Cuts a byte stream into fragments at line boundaries, so memory stays bounded however long the
 * stream is. A cut never falls inside a PEM block (up to {@link PEM_REACH} bytes), so a private
 * key is always seen whole.
 */
export const CHUNK_BYTES = 1 << 20;
const PEM_REACH = 64 * 1024;
const BEGIN = Buffer.from('-----BEGIN');
const END = Buffer.from('-----END');

export interface Chunk {
  readonly data: Buffer;
  /** 1-based line number of the chunk's first line in the whole stream. */
  readonly firstLine: number;
}

export async function* lineChunks(stream: AsyncIterable<Buffer | string>, target = CHUNK_BYTES): AsyncGenerator<Chunk> {
  let pending: Buffer[] = [];
  let size = 0;
  let line = 1;
  for await (const piece of stream) {
    const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    pending.push(buf);
    size += buf.length;
    while (size >= target) {
      const all = Buffer.concat(pending);
      const cut = cutPoint(all, target);
      if (cut === -1) {
        pending = [all];
        break;
      }
      const head = all.subarray(0, cut);
      yield { data: head, firstLine: line };
      line += countLines(head);
      const rest = all.subarray(cut);
      pending = [rest];
      size = rest.length;
      if (size < target) break;
    }
  }
  const tail = Buffer.concat(pending);
  if (tail.length > 0) yield { data: tail, firstLine: line };
}

/** Offset just after the last newline at or beyond `target`, moved back before an open PEM block. */
function cutPoint(buf: Buffer, target: number): number {
  const nl = buf.lastIndexOf(10);
  // A line longer than 8 chunks is cut where it stands: memory stays bounded on minified input.
  if (nl === -1 || nl + 1 < Math.min(target, buf.length) / 2) return buf.length >= 8 * target ? buf.length : -1;
  let cut = nl + 1;
  const begin = buf.lastIndexOf(BEGIN, cut);
  if (begin !== -1 && buf.lastIndexOf(END, cut) < begin && cut - begin < PEM_REACH) {
    const lineStart = buf.lastIndexOf(10, begin) + 1;
    if (lineStart > 0) cut = lineStart;
  }
  return cut;
}

function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}
