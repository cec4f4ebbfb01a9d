/**
 * Cuts a byte stream into overlapping fragments at line boundaries, so memory stays bounded however
 * long the stream is, and a match is found whatever the cut. Each chunk "owns" a range; around it
 * the chunk carries up to {@link OVERLAP} bytes of the neighbouring text as context, and only
 * findings that start inside the owned range count. A match shorter than the overlap (every rule's
 * window is) is therefore seen whole by exactly one chunk.
 */
export const CHUNK_BYTES = 1 << 20;
export const OVERLAP = 64 * 1024;

export interface Chunk {
  readonly data: Buffer;
  /** 1-based line number of `data`'s first line in the whole stream. */
  readonly firstLine: number;
  /** Byte range of `data` that this chunk is responsible for: [start, end). */
  readonly owned: readonly [number, number];
}

export async function* lineChunks(stream: AsyncIterable<Buffer | string>, target = CHUNK_BYTES, overlap = OVERLAP): AsyncGenerator<Chunk> {
  let buf: Buffer = Buffer.alloc(0);
  let line = 1; // line number of buf[0]
  let ownedStart = 0; // bytes before it were already owned by the previous chunk
  for await (const piece of stream) {
    buf = Buffer.concat([buf, typeof piece === 'string' ? Buffer.from(piece) : piece]);
    for (;;) {
      const cut = lineBoundaryAfter(buf, ownedStart + target, target);
      if (cut === -1) break;
      const end = lineBoundaryAfter(buf, cut + overlap, target);
      if (end === -1) break; // wait for the context that follows the cut
      yield { data: buf.subarray(0, end), firstLine: line, owned: [ownedStart, cut] };
      // The next chunk starts with context from before its cut.
      const keep = Math.max(ownedStart, lineBoundaryBefore(buf, cut - overlap));
      line += countLines(buf, 0, keep);
      buf = Buffer.from(buf.subarray(keep));
      ownedStart = cut - keep;
    }
  }
  if (buf.length > ownedStart || (buf.length === 0 && line === 1)) {
    if (buf.length > 0) yield { data: buf, firstLine: line, owned: [ownedStart, buf.length] };
  }
}

/**
 * Offset just after the first newline at or after `at` (a line boundary), or -1 if none is in the
 * buffer yet. A line longer than 8 chunks is cut where it stands, to keep memory bounded.
 */
function lineBoundaryAfter(buf: Buffer, at: number, target: number): number {
  if (at >= buf.length) return -1;
  const nl = buf.indexOf(10, at);
  if (nl !== -1) return nl + 1;
  return buf.length - at >= 8 * target ? buf.length : -1;
}

/** Offset of the start of the line that contains `at` (0 if before the buffer). */
function lineBoundaryBefore(buf: Buffer, at: number): number {
  if (at <= 0) return 0;
  return buf.lastIndexOf(10, at - 1) + 1;
}

function countLines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) n++;
  return n;
}
