/**
 * One long git listing run as several processes over consecutive parts of its request list, the
 * parts' output handed on in order, as one process's would be.
 *
 * Why: the commit walk of a history scan (`git log --raw --cc` over every commit, git/metadata.ts)
 * is one process on one core, and the blobs cannot be judged before it ends, so on a large history
 * the other core sat half idle for its whole length: on git/git 7.5 s for one process, 4.3 s for
 * two halves side by side (measured). Patches are another matter (two `git log -p` halves saturate
 * both cores and gain nothing), so only the walk, which writes little per commit, does this.
 *
 * The part being read is read at the reader's pace; up to `running` parts run at once, each later
 * one's output held until its turn, and no part starts while `heldCap` bytes are held, so memory
 * stays bounded however slow the reader (git/git's walk in eight parts: ~10 MB a part).
 */

interface Pump {
  readonly it: AsyncIterator<Buffer>;
  readonly held: Buffer[];
  /** Settles when the pump has stopped reading ahead: the source ended, failed, or went live. */
  readonly stopped: Promise<void>;
  live: boolean;
  ended: boolean;
  failed: boolean;
  error: unknown;
}

const EMPTY = Buffer.alloc(0);

/**
 * `each` over every part's output, part after part. `sources[i]` starts part i's process. A part
 * that fails fails the whole when its turn comes; stopping early stops every process started.
 */
export async function* inOrder<T>(
  sources: ReadonlyArray<() => AsyncIterable<Buffer>>,
  running: number,
  heldCap: number,
  each: (chunks: AsyncIterable<Buffer>) => AsyncIterable<T>,
): AsyncGenerator<T> {
  const most = Math.max(1, Math.floor(running));
  const pumps: Pump[] = [];
  let active = 0; // parts started and not ended
  let heldBytes = 0;
  let current = 0;

  const finished = (): void => {
    active--;
    fill();
  };
  const start = (source: () => AsyncIterable<Buffer>): Pump => {
    active++;
    const pump: Omit<Pump, 'stopped'> & { stopped?: Promise<void> } = {
      it: source()[Symbol.asyncIterator](),
      held: [],
      live: false,
      ended: false,
      failed: false,
      error: undefined,
    };
    pump.stopped = (async () => {
      try {
        while (!pump.live) {
          const r = await pump.it.next();
          if (r.done === true) {
            pump.ended = true;
            break;
          }
          pump.held.push(r.value);
          heldBytes += r.value.length;
        }
      } catch (e) {
        // Held until the part's turn: a later part's failure must not overtake an earlier part's output.
        pump.failed = true;
        pump.error = e;
      }
      if (pump.ended || pump.failed) finished();
    })();
    return pump as Pump;
  };
  // The part at `current` always runs; later ones while there is room.
  const fill = (): void => {
    while (pumps.length < sources.length && (pumps.length <= current || (active < most && heldBytes < heldCap))) {
      pumps.push(start(sources[pumps.length] as () => AsyncIterable<Buffer>));
    }
  };
  /** The part's output: what was held, then the rest as git writes it. */
  const readLive = async function* (pump: Pump): AsyncGenerator<Buffer> {
    pump.live = true;
    await pump.stopped;
    const held = pump.held.splice(0);
    for (let i = 0; i < held.length; i++) {
      const chunk = held[i] as Buffer;
      held[i] = EMPTY; // let each chunk go once handed on
      heldBytes -= chunk.length;
      fill();
      yield chunk;
    }
    if (pump.failed) throw pump.error;
    if (pump.ended) return;
    for (;;) {
      const r = await pump.it.next();
      if (r.done === true) break;
      yield r.value;
    }
    pump.ended = true;
    finished();
  };

  try {
    for (; current < sources.length; current++) {
      fill();
      yield* each(readLive(pumps[current] as Pump));
    }
  } finally {
    // The parts not read to their end: their processes are stopped (gitStream kills git on return).
    for (let i = current; i < pumps.length; i++) {
      const pump = pumps[i] as Pump;
      if (pump.ended || pump.failed) continue;
      pump.live = true;
      pump.it.return?.()?.catch(() => undefined);
    }
  }
}

/** `items` in `count` consecutive parts of near-equal length (fewer when there are fewer items). */
export function splitEvenly<T>(items: readonly T[], count: number): T[][] {
  const n = Math.max(1, Math.min(count, items.length));
  const parts: T[][] = [];
  for (let k = 0; k < n; k++) parts.push(items.slice(Math.floor((k * items.length) / n), Math.floor(((k + 1) * items.length) / n)));
  return parts;
}
