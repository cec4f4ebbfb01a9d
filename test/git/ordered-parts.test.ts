import { describe, expect, it } from 'vitest';
import { type CommitMetadata, commitMetadata } from '../../src/git/metadata.js';
import { inOrder, splitEvenly } from '../../src/git/ordered-parts.js';
import { trickyHistory } from '../helpers/history.js';
import { commit, git, writeFiles } from '../helpers/repo.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A part that writes `text` in pieces, pausing a random while before each. */
function slowPart(text: string, log: string[], name: string): () => AsyncGenerator<Buffer> {
  return async function* () {
    log.push(`start ${name}`);
    try {
      for (let i = 0; i < text.length; i += 3) {
        await pause(Math.floor(Math.random() * 4));
        yield Buffer.from(text.slice(i, i + 3), 'latin1');
      }
    } finally {
      log.push(`end ${name}`);
    }
  };
}

async function* asText(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  for await (const c of chunks) yield c.toString('latin1');
}

async function collect(it: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const piece of it) s += piece;
  return s;
}

describe('inOrder', () => {
  it('hands on every part’s output in the parts’ order, whichever finishes first', async () => {
    const texts = ['first part, longer than the others', 'second', 'third part', '', 'fifth'];
    for (const running of [0, 1, 2, 4]) {
      const log: string[] = [];
      const got = await collect(
        inOrder(
          texts.map((t, i) => slowPart(t, log, `p${i}`)),
          running,
          Number.POSITIVE_INFINITY,
          asText,
        ),
      );
      expect(got, `${running} running`).toBe(texts.join(''));
    }
  });

  it('runs at most `running` parts at once, later ones while an earlier one is read', async () => {
    const most = async (running: number, heldCap: number): Promise<{ most: number; log: string[] }> => {
      const log: string[] = [];
      const parts = ['aaaaaa', 'bbbbbb', 'cccccc', 'dddddd', 'eeeeee'].map((t, i) => slowPart(t, log, `p${i}`));
      expect(await collect(inOrder(parts, running, heldCap, asText))).toBe('aaaaaabbbbbbccccccddddddeeeeee');
      let now = 0;
      let peak = 0;
      for (const entry of log) {
        now += entry.startsWith('start') ? 1 : -1;
        peak = Math.max(peak, now);
      }
      return { most: peak, log };
    };
    const two = await most(2, Number.POSITIVE_INFINITY);
    expect(two.most).toBe(2);
    // p1 was started before p0 had ended: it ran alongside.
    expect(two.log.indexOf('start p1')).toBeLessThan(two.log.indexOf('end p0'));
    expect((await most(3, Number.POSITIVE_INFINITY)).most).toBe(3);
    // Nothing may be held: each part starts only when its turn comes.
    expect((await most(3, 0)).most).toBe(1);
  });

  it('fails when a failed part’s turn comes, after the earlier parts’ output', async () => {
    const failing = async function* (): AsyncGenerator<Buffer> {
      yield Buffer.from('partial');
      throw new Error('git failed in part 2');
    };
    const seen: string[] = [];
    const run = async (): Promise<void> => {
      for await (const s of inOrder(
        [slowPart('one ', [], 'a'), failing, slowPart('three', [], 'c')],
        3,
        Number.POSITIVE_INFINITY,
        asText,
      )) {
        seen.push(s);
      }
    };
    await expect(run()).rejects.toThrow('git failed in part 2');
    expect(seen.join('')).toBe('one partial');
  });

  it('stops every part it started when the reader stops early', async () => {
    const log: string[] = [];
    const parts = ['x'.repeat(300), 'y'.repeat(300), 'z'.repeat(300)].map((t, i) => slowPart(t, log, `p${i}`));
    for await (const s of inOrder(parts, 2, Number.POSITIVE_INFINITY, asText)) {
      if (s.length > 0) break;
    }
    await pause(30);
    expect(log.filter((e) => e.startsWith('start'))).toEqual(['start p0', 'start p1']);
    expect(log.filter((e) => e.startsWith('end')).sort()).toEqual(['end p0', 'end p1']);
  });

  it('splitEvenly keeps the order and sizes the parts within one of each other', () => {
    const items = Array.from({ length: 23 }, (_v, i) => i);
    const parts = splitEvenly(items, 4);
    expect(parts.flat()).toEqual(items);
    const sizes = parts.map((p) => p.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(splitEvenly([1, 2], 5)).toEqual([[1], [2]]);
  });
});

describe('commitMetadata in parts', () => {
  it('gives exactly what one process gives, for a history with merges, an empty commit and a tag', async () => {
    const { dir } = trickyHistory();
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'empty\n\nwith a body of two lines\nand a second');
    // An evil merge: it changes a file neither parent has so, which only a combined diff shows.
    git(dir, 'checkout', '-q', '-b', 'side');
    commit(dir, 'side', { 'side.txt': 'side\n' });
    git(dir, 'checkout', '-q', '-');
    commit(dir, 'main again', { 'main.txt': 'main\n' });
    git(dir, 'merge', '-q', '--no-ff', '--no-commit', 'side');
    writeFiles(dir, { 'evil.txt': 'only the merge has this\n' });
    git(dir, 'add', 'evil.txt');
    git(dir, 'commit', '-q', '-m', 'evil merge');
    const commits = git(dir, 'rev-list', '--topo-order', '--all').trim().split('\n');
    expect(commits.length).toBeGreaterThan(15);
    const read = async (processes: number, partCommits?: number): Promise<CommitMetadata[]> => {
      const out: CommitMetadata[] = [];
      for await (const c of commitMetadata(dir, commits, processes, partCommits)) out.push(c);
      return out;
    };
    const whole = await read(1);
    expect(whole.map((c) => c.commit)).toEqual(commits);
    expect(whole.some((c) => c.changes.some((ch) => ch.merge))).toBe(true);
    // Parts of 2 to 5 commits: every boundary falls somewhere else, merges and the empty commit included.
    for (const partCommits of [2, 3, 5]) expect(await read(2, partCommits), `parts of ${partCommits}`).toEqual(whole);
    // One process: never split, whatever the part size.
    expect(await read(1, 2)).toEqual(whole);
  });
});
