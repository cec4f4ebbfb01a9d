/**
 * A history audit runs the CLI in a worker thread of its own, with a capped young generation; the
 * main thread only starts it, relays its output and exit code, and takes the signals.
 *
 * Why: V8 sizes a thread's young generation when the thread starts, and only Node's command line
 * can cap the main thread's. On a long history the main thread's grows to its 32 MB ceiling (two
 * 16 MB semi-spaces, mostly garbage between scavenges: a full collection in the middle of git/git's
 * audit finds 20 MB of live objects in the whole heap), and that was the largest part of keyscan's
 * peak RSS above 250 MB. A worker thread's is capped when it starts, as the pool's workers are
 * (pool/pool.ts). Measured on git/git's history (85k commits): see the README's "Performance".
 * What it costs is a thread's start, ~25 ms (2% of express's audit), so a repository whose packs
 * are evidently small is audited in the main thread as before.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { evidentPackBytes } from '../git/evident-store.js';
import { type CliThread, markCliThread, REMOVE_REPORTS, REPORTS_REMOVED } from './cli-thread.js';
import type { LoadedCli } from './code-cache.js';
import { exitStopped, ignoreClosedStdout, STOP_SIGNALS } from './stops.js';

/** The CLI thread's young generation, in MB: as the pool's workers (pool/pool.ts). */
export const CLI_THREAD_YOUNG_GENERATION_MB = 6;

/** How long an interrupted run waits for its thread to remove the reports it is writing. */
const INTERRUPT_GRACE_MS = 2000;

// Only a history audit loads worker_threads here: a pre-commit run must not (test/e2e/staged-start.test.ts).
const nodeRequire = createRequire(import.meta.url);

/**
 * Packs below this are audited in the main thread: express's 11 MB and axios's 18 MB take 1.3 and
 * 1.7 s, where the thread's start would add 2%; git/git's 315 MB take 17 s.
 */
export const SMALL_STORE_BYTES = 64 << 20;

/** Whether this command line audits a history (`--history`, of any command). */
export function auditsHistory(argv: readonly string[]): boolean {
  return argv.includes('--history');
}

/**
 * The directory a command line scans (`-C DIR`, `--cwd DIR`, `--cwd=DIR`, else `cwd`), or
 * undefined for a spelling yargs may read otherwise.
 */
export function scannedDir(argv: readonly string[], cwd: string): string | undefined {
  let dir = cwd;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a === '-C' || a === '--cwd') {
      const value = argv[++i];
      if (value === undefined) return undefined;
      dir = resolve(cwd, value);
    } else if (a.startsWith('--cwd=')) dir = resolve(cwd, a.slice('--cwd='.length));
    else if (/^-[^-]*C/.test(a)) return undefined; // -Cdir, -xC dir
  }
  return dir;
}

/** Whether this command line is a history audit of a repository not evidently small. */
export function wantsOwnThread(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): boolean {
  if (!auditsHistory(argv)) return false;
  const dir = scannedDir(argv, cwd);
  const bytes = dir === undefined ? undefined : evidentPackBytes(dir, env);
  return bytes === undefined || bytes >= SMALL_STORE_BYTES;
}

/**
 * For a history audit (see {@link wantsOwnThread}), in the main thread: the CLI started in its own
 * thread from `entry` (bin/keyscan.js), as a {@link LoadedCli} whose run() waits for that thread.
 * Inside that thread, and for every other command line: undefined, and the CLI is loaded where it
 * runs.
 */
export function startInOwnThread(
  entry: string,
  argv: readonly string[],
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): LoadedCli | undefined {
  if (!auditsHistory(argv)) return undefined;
  const threads = nodeRequire('node:worker_threads') as typeof import('node:worker_threads');
  if (!threads.isMainThread) {
    const given = (threads.workerData as { keyscanCliThread?: CliThread } | null | undefined)?.keyscanCliThread;
    if (given !== undefined) markCliThread(given);
    return undefined;
  }
  if (!wantsOwnThread(argv, cwd, env)) return undefined;
  let worker: Worker | undefined;
  const run = (args: readonly string[]): Promise<number> =>
    new Promise((resolve) => {
      const columns = process.stdout.columns;
      const thread: CliThread = {
        stdoutIsTTY: process.stdout.isTTY === true,
        stderrIsTTY: process.stderr.isTTY === true,
        youngGenerationMb: CLI_THREAD_YOUNG_GENERATION_MB,
        ...(columns === undefined ? {} : { columns }),
      };
      let failed = false;
      // stdout and stderr: the thread's are piped to this process's own, in order per stream.
      const started = new threads.Worker(entry, {
        argv: [...args],
        workerData: { keyscanCliThread: thread },
        resourceLimits: { maxYoungGenerationSizeMb: CLI_THREAD_YOUNG_GENERATION_MB },
      });
      worker = started;
      started.on('error', (error: Error) => {
        // An uncaught error (or the thread out of memory) ends it with exit code 1: never "findings".
        failed = true;
        process.stderr.write(
          `keyscan: the scan failed: ${error.message}\nNothing was reported clean (exit 2). Run it again; if it fails the same way, run it with --debug and report what it prints.\n`,
        );
      });
      started.on('exit', (code) => resolve(failed ? 2 : code));
    });
  return {
    cli: {
      run,
      exitCleanlyOnSignals: (stderr) => {
        for (const signal of STOP_SIGNALS) {
          process.once(signal, () => {
            // Whichever comes first: exiting ends the others.
            const stop = (): void => exitStopped(stderr, signal);
            if (worker === undefined) return stop();
            // The thread removes the reports it is writing, then this one exits, which ends it.
            worker.on('message', (message: unknown) => {
              if (message === REPORTS_REMOVED) stop();
            });
            worker.once('exit', stop);
            setTimeout(stop, INTERRUPT_GRACE_MS);
            worker.postMessage(REMOVE_REPORTS);
          });
        }
      },
      ignoreClosedStdout: () => ignoreClosedStdout(),
    },
    // The thread writes its own code cache.
    save: () => undefined,
  };
}
