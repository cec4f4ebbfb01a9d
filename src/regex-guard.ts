import { setFlagsFromString } from 'node:v8';

let enabled = false;

/**
 * Lets V8 switch a regular expression to its linear-time engine once it has backtracked too much,
 * so a pathological pattern (a user's rule, say) on hostile input costs milliseconds, not hours.
 * Results do not change, only how they are computed. Process-wide and idempotent; it must run
 * before the patterns are first used, so the CLI calls it before loading anything else.
 * Patterns the linear engine cannot run (lookbehind, backreferences) keep backtracking; the worker
 * pool's stall watchdog covers those.
 */
export function enableBacktrackingFallback(): void {
  if (enabled) return;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  // Not --no-regexp-tier-up (each pattern straight to machine code, ~8 ms off a pre-commit run):
  // with the fallback above it made Node 20 crash (SIGSEGV) in about 2 runs of 100.
  enabled = true;
}

let linearFlag = false;

/**
 * Whether V8's linear-time engine can run `re` (then the fallback above bounds its cost at scan
 * time). It cannot run lookbehind, lookahead or backreferences: such a pattern backtracks however
 * long it takes. Asked by compiling the pattern with the `l` (linear) flag, which only tells.
 */
export function runsOnLinearEngine(re: RegExp): boolean {
  if (!linearFlag) {
    setFlagsFromString('--enable-experimental-regexp-engine');
    linearFlag = true;
  }
  try {
    new RegExp(re.source, `${re.flags.replace(/[dgy]/g, '')}l`);
    return true;
  } catch {
    return false;
  }
}
